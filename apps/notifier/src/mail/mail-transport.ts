import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
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
 * The SMTP hop (nodemailer): SMTP_URL, or the demo's own catcher when none is set (see
 * `useServer`). A 5xx answer is permanent (the address does not exist, the message is refused); a
 * 4xx answer, a refused or dropped connection, a timeout are transient.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private transporter: Transporter | null = null;
  private url: string | null;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {
    this.url = settings.smtpUrl;
  }

  /** Sends through this server instead (the demo's catcher); only when SMTP_URL is not set. */
  useServer(url: string): void {
    if (this.settings.smtpUrl) return;
    this.transporter?.close();
    this.transporter = null;
    this.url = url;
  }

  private connection(): Transporter {
    if (!this.url) throw new SendFailed('no SMTP server is configured (set SMTP_URL)', false);
    // Short timeouts: a server that does not answer is retried later, not waited for.
    this.transporter ??= createTransport(this.url, { from: this.settings.mailFrom, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
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
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Support-Request': mail.requestId ?? '' },
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
