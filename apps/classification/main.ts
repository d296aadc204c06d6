import 'reflect-metadata';
import { composeApp, settingsFromEnv, startWorkerApp } from '@support/platform';
import { ClassificationModule } from './src/classification.module';

/** The classification worker alone (no HTTP): start more copies to scale out. */
const settings = settingsFromEnv();
void startWorkerApp('classification', composeApp(settings, [ClassificationModule]), settings);
