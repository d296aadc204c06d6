import 'reflect-metadata';
import { composeApp, settingsOrExit, startHttpApp } from '@support/platform';
import { NotifierModule } from './src/notifier.module';

/** The notifier alone: mail and webhook workers, and their admin API on NOTIFIER_PORT (default PORT). Start more copies to scale out. */
const settings = settingsOrExit('notifier', 'NOTIFIER_PORT');
void startHttpApp('notifier', composeApp(settings, [NotifierModule]), settings);
