import 'reflect-metadata';
import { composeApp, settingsFromEnv, startWorkerApp } from '@support/platform';
import { LicenceCheckModule } from './src/licence-check.module';

/** The licence-check worker alone (no HTTP): start more copies to scale out. */
const settings = settingsFromEnv();
void startWorkerApp('licence-check', composeApp(settings, [LicenceCheckModule]), settings);
