import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { normaliseAddress, ReplyAddresses, SETTINGS, type Settings, supportAddress } from '@support/platform';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { MailRefused } from './mail-refused';
import { MailReplies } from './mail-replies';
import { MAIL_PARSE_OPTIONS } from './mail-text';
import { MailSubmissions } from './mail-submissions';
import { messageKey } from './message-key';

/** The largest mail taken (SIZE is announced in EHLO; a larger one is refused with 552). */
export const MAX_MAIL_BYTES = 10 * 1024 * 1024;
/** Connections at once: the MX in front relays over a few; a thousand senders at once must not hold 10 GB of mail in memory. */
export const MAX_SMTP_CLIENTS = 20;

type SmtpError = Error & { responseCode: number };
const smtpError = (code: number, text: string): SmtpError => Object.assign(new Error(text), { responseCode: code });

/**
 * The SMTP receiver for incoming mail (INBOUND_SMTP_PORT; off when unset). At RCPT it takes the
 * support address and addresses shaped like reply addresses of MAIL_DOMAIN, nothing else (550: no
 * open relay). At the end of DATA it stores what the mail becomes and only then answers 250
 * (ARCHITECTURE.md principle 2): a mail it could not store is 451, so the sending server retries,
 * and a retry of a stored mail finds it by its Message-ID and stores nothing twice.
 *
 * A reply address whose token is forged, expired or made for another sender is refused with 550
 * at the end of DATA (the sender gets a bounce saying why and where to write instead); the mail is
 * never attached to any request. Auto-replies and bounces (Auto-Submitted, an empty envelope
 * sender) are taken and dropped, so an out-of-office answer never loops with our own mails.
 */
@Injectable()
export class SmtpReceiver implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('MailIn');
  private server: SMTPServer | null = null;

  constructor(
    private readonly replyAddresses: ReplyAddresses,
    private readonly submissions: MailSubmissions,
    private readonly replies: MailReplies,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.inboundSmtpPort === null) return;
    const server = new SMTPServer({
      name: this.settings.mailDomain,
      banner: 'support mail receiver',
      size: MAX_MAIL_BYTES,
      // Each connection may hold a mail of MAX_MAIL_BYTES in memory while it is read: one more is answered 421 (try later).
      maxClients: MAX_SMTP_CLIENTS,
      authOptional: true,
      // TLS belongs to the MX in front of this receiver (README, "Mail in"); it takes plain SMTP.
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      // A sending server that keeps its connection open must not hold up a shutdown.
      closeTimeout: 5000,
      onRcptTo: (address, session, done) => done(this.rcptProblem(address)),
      onData: (stream, session, done) => void this.data(stream, session).then(() => done(), done),
    });
    server.on('error', (error) => this.log.error({ msg: 'SMTP receiver error', error: error.message }));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.settings.inboundSmtpPort as number, () => resolve());
    });
    this.server = server;
    this.log.log(`receiving mail for ${supportAddress(this.settings.mailDomain)} on SMTP port ${this.port()}`);
  }

  /** Before the database and Redis close: no new mail, and the mails in flight finish (or their senders retry). */
  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The port it listens on (INBOUND_SMTP_PORT=0 picks a free one), or null when off. */
  port(): number | null {
    return this.server ? (this.server.server.address() as AddressInfo).port : null;
  }

  private isSupportAddress(address: string): boolean {
    return normaliseAddress(address) === supportAddress(this.settings.mailDomain);
  }

  private rcptProblem(address: SMTPServerAddress): SmtpError | null {
    if (this.isSupportAddress(address.address) || this.replyAddresses.looksLikeReplyAddress(address.address)) return null;
    return smtpError(550, '5.1.1 no such recipient here (this server relays nothing)');
  }

  private async data(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const raw = await readAll(stream, MAX_MAIL_BYTES);
    if (stream.sizeExceeded || raw === null) throw smtpError(552, `5.3.4 message larger than ${MAX_MAIL_BYTES} bytes`);
    try {
      await this.receive(raw, session);
    } catch (error) {
      if (error instanceof MailRefused) {
        this.log.warn({ msg: 'mail refused', reason: error.reason, remote: session.remoteAddress });
        throw smtpError(error.code, error.answer);
      }
      // Not stored: the sending server keeps the mail and tries again later.
      this.log.error({ msg: 'mail not stored, answered 451', error: (error as Error).message });
      throw smtpError(451, '4.3.0 temporary failure storing the message, try again later');
    }
  }

  private async receive(raw: Buffer, session: SMTPServerSession): Promise<void> {
    const mail = await simpleParser(raw, MAIL_PARSE_OPTIONS).catch(() => {
      throw new MailRefused(554, 'unparseable', '5.6.0 the message could not be read as MIME');
    });
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    if (isAutomatic(mail, envelopeFrom)) {
      this.log.log({ msg: 'automatic mail dropped (auto-reply or bounce)' });
      return;
    }
    // The header From is who wrote it (the envelope sender changes with forwarding and mailing lists).
    const sender = mail.from?.value[0]?.address || envelopeFrom;
    const key = messageKey(sender, mail.messageId, raw);
    const recipients = session.envelope.rcptTo.map((r) => r.address);
    // A reply-all also reaches support@: a reply address among the recipients makes it a reply, never a new request.
    const replyTo = recipients.filter((r) => !this.isSupportAddress(r));
    if (replyTo.length > 0) {
      const requestIds = new Set<string>();
      for (const recipient of replyTo) {
        const check = this.replyAddresses.verify(recipient, sender);
        if (!check.ok) throw refusedReply(check.reason, this.settings.mailDomain);
        requestIds.add(check.requestId);
      }
      for (const requestId of requestIds) {
        const outcome = await this.replies.receive(requestId, mail, key);
        this.log.log({ msg: 'reply mail received', requestId, outcome, messageKey: key });
      }
      return;
    }
    const { requestIds, created } = await this.submissions.receive(sender, mail, key);
    this.log.log({ msg: 'mail to the support address received', requestIds, created, messageKey: key });
  }
}

/** The message, or null past `max` bytes (the rest is read and thrown away: the client must finish DATA to hear the 552). */
const readAll = async (stream: Readable, max: number): Promise<Buffer | null> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= max) chunks.push(chunk as Buffer);
  }
  return size <= max ? Buffer.concat(chunks) : null;
};

/** RFC 3834 auto-replies (and the older Precedence: auto_reply/junk), and bounces (an empty envelope sender, RFC 5321 4.5.5): never answered, never a request. */
const isAutomatic = (mail: ParsedMail, envelopeFrom: string): boolean => {
  const header = (name: string) => {
    const value = mail.headers.get(name);
    return typeof value === 'string' ? value.trim().toLowerCase() : null;
  };
  const auto = header('auto-submitted');
  return envelopeFrom === '' || (auto !== null && auto !== 'no') || ['auto_reply', 'junk'].includes(header('precedence') ?? '');
};

const refusedReply = (reason: 'not-a-reply-address' | 'invalid' | 'expired' | 'sender-mismatch', mailDomain: string): MailRefused => {
  const instead = `please write to ${supportAddress(mailDomain)}`;
  const answers = {
    'not-a-reply-address': `5.1.1 no such recipient here`,
    invalid: `5.7.1 this reply address is not valid: ${instead}`,
    expired: `5.7.1 this reply address has expired: ${instead}`,
    'sender-mismatch': `5.7.1 this reply address belongs to another sender: ${instead} from your own address`,
  };
  return new MailRefused(550, `reply address ${reason}`, answers[reason]);
};
