/** The demo's SMTP catcher (mail-catcher.ts) and its admin page /admin/outbox (mail-catcher.module.ts). */
export { type CaughtMail } from './caught-mail';
export { MailCatcher, type MailCatcherOptions } from './mail-catcher';
export { MailCatcherModule, type MailCatcherModuleOptions } from './mail-catcher.module';
