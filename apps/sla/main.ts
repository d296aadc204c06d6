import 'reflect-metadata';
import { composeApp, settingsOrExit, startWorkerApp } from '@support/platform';
import { SlaModule } from './src/sla.module';

/** The sla worker alone (no HTTP): start more copies to scale out. */
const settings = settingsOrExit('sla');
void startWorkerApp('sla', composeApp(settings, [SlaModule]), settings);
