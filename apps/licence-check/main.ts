import 'reflect-metadata';
import { composeApp, settingsOrExit, startWorkerApp } from '@support/platform';
import { LicenceCheckModule } from './src/licence-check.module';

/** The licence-check worker alone (no HTTP): start more copies to scale out. */
const settings = settingsOrExit('licence-check');
void startWorkerApp('licence-check', composeApp(settings, [LicenceCheckModule]), settings);
