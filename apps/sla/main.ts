import 'reflect-metadata';
import { composeApp, settingsFromEnv, startWorkerApp } from '@support/platform';
import { SlaModule } from './src/sla.module';

/** The sla worker alone (no HTTP): start more copies to scale out. */
const settings = settingsFromEnv();
void startWorkerApp('sla', composeApp(settings, [SlaModule]), settings);
