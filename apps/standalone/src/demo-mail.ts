import type { DynamicModule } from '@nestjs/common';
import type { Settings } from '@support/platform';
import { MailCatcher, MailCatcherModule } from '../../notifier/src/catcher';

/**
 * Without SMTP_URL the demo catches its own mail: a real SMTP hop to an in-process server, every
 * mail listed at /admin/outbox. With SMTP_URL set, mail goes to that server and there is no catcher.
 */
export async function demoMail(settings: Settings): Promise<{ settings: Settings; modules: DynamicModule[] }> {
  if (settings.smtpUrl) return { settings, modules: [] };
  const catcher = new MailCatcher();
  const port = await catcher.start();
  // `port` given: the module stops the catcher with the app.
  return { settings: { ...settings, smtpUrl: `smtp://127.0.0.1:${port}` }, modules: [MailCatcherModule.forRoot({ catcher, port })] };
}
