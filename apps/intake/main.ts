import 'reflect-metadata';
import { composeApp, QueueDashboardModule, settingsFromEnv, startHttpApp } from '@support/platform';
import { IntakeModule } from './src/intake.module';

/** Intake alone: HTTP on INTAKE_PORT (default PORT), the intake worker and the pipeline sweeper. */
const settings = settingsFromEnv(process.env, 'INTAKE_PORT');
void startHttpApp('intake', composeApp(settings, [IntakeModule, QueueDashboardModule]), settings);
