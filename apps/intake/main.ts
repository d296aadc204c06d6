import 'reflect-metadata';
import { composeApp, QueueDashboardModule, settingsOrExit, startHttpApp } from '@support/platform';
import { IntakeModule } from './src/intake.module';

/** Intake alone: HTTP on INTAKE_PORT (default PORT), the intake worker and the pipeline sweeper. */
const settings = settingsOrExit('intake', 'INTAKE_PORT');
void startHttpApp('intake', composeApp(settings, [IntakeModule, QueueDashboardModule]), settings);
