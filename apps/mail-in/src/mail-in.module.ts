import { Module } from '@nestjs/common';
import { CustomerReplies, IntakeService } from '@support/platform';
import { MailReplies } from './mail-replies';
import { MailSubmissions } from './mail-submissions';
import { SmtpReceiver } from './smtp-receiver';

/** Mail in (INBOUND_SMTP_PORT): mail to the support address becomes a submission, a reply to a request's reply address a customer reply. */
@Module({
  providers: [SmtpReceiver, MailSubmissions, MailReplies, IntakeService, CustomerReplies],
  exports: [SmtpReceiver],
})
export class MailInModule {}
