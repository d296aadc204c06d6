import 'reflect-metadata';
import { composeApp, createHttpApp, exitGracefully, preflight, settingsOrExit } from '@support/platform';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ALL_FEATURES } from './src/all-features';
import { demoMail } from './src/demo-mail';
import { seedDemoIfEmpty } from './src/demo-seed';

/** Every app in one process on PORT: for local use and the demo (`npm start`). */
async function main() {
  const given = settingsOrExit('standalone');
  await preflight('standalone', given);
  const { settings, modules } = await demoMail(given);
  const app = await createHttpApp(composeApp(settings, [...ALL_FEATURES, ...modules]));
  exitGracefully(app, settings.shutdownGraceMs);
  await app.init();
  if (settings.demoSeed) await seedDemoIfEmpty(app.get(DataSource), app, settings);
  await app.listen(settings.port);
  app.get(Logger).log(`support workflow listening on http://localhost:${settings.port} (docs at /docs)`);
  if (!given.smtpUrl) app.get(Logger).log(`SMTP_URL is not set: mails go to the demo's catcher, see http://localhost:${settings.port}/admin/outbox`);
}

void main();
