import 'reflect-metadata';
import { composeApp, settingsOrExit, startWorkerApp } from '@support/platform';
import { MailInModule } from './src/mail-in.module';

/** The SMTP receiver alone (INBOUND_SMTP_PORT; no HTTP). Start more copies behind the MX to scale out: every copy is idempotent by Message-ID. */
const settings = settingsOrExit('mail-in');
void startWorkerApp('mail-in', composeApp(settings, [MailInModule]), settings);
