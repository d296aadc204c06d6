import 'reflect-metadata';
import { composeApp, createHttpApp, exitGracefully, preflight, settingsFromEnv } from '@support/platform';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ALL_FEATURES } from './src/all-features';
import { seedDemoIfEmpty } from './src/demo-seed';

/** Every app in one process on PORT: for local use and the demo (`npm start`). */
async function main() {
  const settings = settingsFromEnv();
  await preflight('standalone', settings);
  const app = await createHttpApp(composeApp(settings, ALL_FEATURES));
  exitGracefully(app);
  await app.init();
  if (!settings.production && process.env.DEMO_SEED !== 'off') await seedDemoIfEmpty(app.get(DataSource), app, settings);
  await app.listen(settings.port);
  app.get(Logger).log(`support workflow listening on http://localhost:${settings.port} (docs at /docs)`);
}

void main();
