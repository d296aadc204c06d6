import { Module } from '@nestjs/common';
import { DeliveriesController } from './deliveries.controller';
import { MailPlanner } from './mail/mail-planner';
import { MailQueue } from './mail/mail-queue';
import { MailRenderer } from './mail/mail-renderer';
import { MailTransport } from './mail/mail-transport';
import { MailProcessor } from './mail/mail.processor';
import { NotifierProcessor } from './notifier.processor';
import { WebhooksModule } from './webhooks';

/** The notifier: events → mails (and webhooks), stored, sent, retried, listed. */
@Module({
  imports: [WebhooksModule],
  controllers: [DeliveriesController],
  providers: [NotifierProcessor, MailProcessor, MailPlanner, MailQueue, MailRenderer, MailTransport],
  exports: [MailTransport],
})
export class NotifierModule {}
