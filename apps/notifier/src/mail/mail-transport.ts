import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { MailDeliveryEntity } from '@support/persistence';
import { SETTINGS, type Settings } from '@support/platform';
import { createTransport, type Transporter } from 'nodemailer';

/** Why a mail was not sent, and whether trying again can help. */
export class SendFailed extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * The SMTP hop (nodemailer) to SMTP_URL (in the demo, its own catcher). A 5xx answer is permanent
 * (the address does not exist, the message is refused); a 4xx answer, a refused or dropped
 * connection, a timeout are transient.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown, OnApplicationBootstrap {
  private readonly logger = new Logger('mail');
  private transporter: Transporter | null = null;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  /** Without SMTP_URL no mail is planned at all (webhooks still go out): nothing piles up to fail. */
  get configured(): boolean {
    return this.settings.smtpUrl !== null;
  }

  onApplicationBootstrap(): void {
    if (!this.configured) this.logger.warn('SMTP_URL is not set: no mail is sent (npm start runs its own catcher, see /admin/outbox)');
  }

  private connection(): Transporter {
    if (!this.settings.smtpUrl) throw new SendFailed('no SMTP server is configured (set SMTP_URL)', false);
    // Short timeouts: a server that does not answer is retried later, not waited for.
    this.transporter ??= createTransport(this.settings.smtpUrl, { from: this.settings.mailFrom, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
    return this.transporter;
  }

  async send(mail: MailDeliveryEntity): Promise<void> {
    const h = mail.headers;
    try {
      await this.connection().sendMail({
        from: this.settings.mailFrom,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: h.messageId,
        ...(h.inReplyTo ? { inReplyTo: h.inReplyTo } : {}),
        ...(h.references.length > 0 ? { references: h.references } : {}),
        ...(h.replyTo ? { replyTo: h.replyTo } : {}),
        ...(h.listUnsubscribe ? { list: { unsubscribe: h.listUnsubscribe.replace(/^<|>$/g, '') } } : {}),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Support-Request': mail.requestId ?? '', ...(h.listUnsubscribe ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}) },
      });
    } catch (error) {
      if (error instanceof SendFailed) throw error;
      const e = error as { responseCode?: number; message?: string };
      const code = e.responseCode ?? 0;
      throw new SendFailed(`${code ? `SMTP ${code}: ` : ''}${e.message ?? String(error)}`.slice(0, 1000), code >= 500 && code < 600);
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
