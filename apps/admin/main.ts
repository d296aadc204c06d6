import 'reflect-metadata';
import { composeApp, QueueDashboardModule, settingsOrExit, startHttpApp } from '@support/platform';
import { AdminModule } from './src/admin.module';

/** The administrators' reference-data API alone, on ADMIN_PORT (default PORT). */
const settings = settingsOrExit('admin', 'ADMIN_PORT');
void startHttpApp('admin', composeApp(settings, [AdminModule, QueueDashboardModule]), settings);
