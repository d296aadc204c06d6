import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait';

export interface SunkMail {
  to: string[];
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] => (a ? (Array.isArray(a) ? a : [a]).flatMap((x) => x.value.map((v) => v.address ?? '')) : []);

/**
 * A real SMTP server on a loopback port for the tests: it keeps every mail it accepted, parsed.
 * `refuse` makes it answer an address with a permanent 550; `down`/`up` close and reopen the port.
 */
export class SmtpSink {
  readonly mails: SunkMail[] = [];
  private readonly refused = new Set<string>();
  private server: SMTPServer | null = null;
  port = 0;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.up();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuse(address: string): void {
    this.refused.add(address.toLowerCase());
  }

  async up(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.refused.has(address.address.toLowerCase())) return callback(Object.assign(new Error('5.1.1 no such mailbox'), { responseCode: 550 }));
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((m) => {
            const refs = m.references;
            this.mails.push({
              to: addresses(m.to),
              messageId: m.messageId ?? '',
              inReplyTo: m.inReplyTo ?? null,
              references: refs ? (Array.isArray(refs) ? refs : [refs]) : [],
              replyTo: addresses(m.replyTo)[0] ?? null,
              subject: m.subject ?? '',
              text: m.text ?? '',
              html: typeof m.html === 'string' ? m.html : '',
              headers: m.headers,
            });
            callback();
          })
          .catch(callback);
      },
    });
    // A client that vanishes mid-session (the notifier SIGKILLed) resets its connection: expected, not a failure.
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): SunkMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  /** Waits until `count` mails to the address matched `where`, and answers them. */
  async waitFor(address: string, where: (m: SunkMail) => boolean, what: string, count = 1, timeoutMs = 15_000): Promise<SunkMail[]> {
    return waitFor(
      async () => {
        const found = this.to(address).filter(where);
        return found.length >= count ? found : null;
      },
      `${what} (mail to ${address})`,
      timeoutMs,
    );
  }
}
