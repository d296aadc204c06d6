import 'reflect-metadata';
import { composeApp, settingsOrExit, startWorkerApp } from '@support/platform';
import { ClassificationModule } from './src/classification.module';

/** The classification worker alone (no HTTP): start more copies to scale out. */
const settings = settingsOrExit('classification');
void startWorkerApp('classification', composeApp(settings, [ClassificationModule]), settings);
