import 'reflect-metadata';
import { composeApp, QueueDashboardModule, settingsOrExit, startHttpApp } from '@support/platform';
import { ReconcilerModule } from '../reconciler/src/reconciler.module';
import { IntakeModule } from './src/intake.module';

/** Intake alone: HTTP on INTAKE_PORT (default PORT), the intake worker and the reconciler. */
const settings = settingsOrExit('intake', 'INTAKE_PORT');
void startHttpApp('intake', composeApp(settings, [IntakeModule, ReconcilerModule, QueueDashboardModule]), settings);
