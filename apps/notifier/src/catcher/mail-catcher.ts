import { simpleParser } from 'mailparser';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { type CaughtMail, toCaughtMail } from './caught-mail';

export interface MailCatcherOptions {
  /** How many mails it keeps (the oldest go first). Default 200. */
  capacity?: number;
  /** The interface it listens on. Default 127.0.0.1: the demo's catcher is for this machine only. */
  host?: string;
  /** The largest message it takes, in bytes (SMTP SIZE); larger ones are refused with 552. Default 10 MiB. */
  maxMessageBytes?: number;
}

/**
 * The demo's SMTP catcher: a real SMTP server on a TCP port (smtp-server) that takes every mail,
 * parses it (mailparser) and keeps the last `capacity` in memory, so that a newcomer running
 * `npm start` without SMTP_URL sees every mail the system sent (/admin/outbox) and tests can
 * check mails that went through a real SMTP hop. Any sender, any recipient, any (or no)
 * authentication; plain text only (no STARTTLS: it listens on 127.0.0.1 by default).
 * Emits `mail` (CaughtMail) for each mail kept.
 */
export class MailCatcher extends EventEmitter<{ mail: [CaughtMail] }> {
  /** How many mails it keeps. */
  readonly capacity: number;
  private readonly host: string;
  private readonly maxMessageBytes: number;
  private readonly mails: CaughtMail[] = [];
  private server: SMTPServer | null = null;
  private sequence = 0;

  constructor(options: MailCatcherOptions = {}) {
    super();
    this.capacity = Math.max(1, options.capacity ?? 200);
    this.host = options.host ?? '127.0.0.1';
    this.maxMessageBytes = options.maxMessageBytes ?? 10 * 1024 * 1024;
  }

  /** Starts listening (port 0: any free port) and answers the port it listens on. Starting a started catcher answers its port. */
  async start(port = 0): Promise<number> {
    if (this.server) return this.port as number;
    const server = new SMTPServer({
      logger: false,
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      size: this.maxMessageBytes,
      // Do not hold a shutdown for 30 s behind a pooled client that keeps its connection open.
      closeTimeout: 1000,
      onAuth: (auth, _session, done) => done(null, { user: auth.username ?? 'anyone' }),
      onData: (stream, session, done) => {
        this.receive(stream, session).then(
          () => done(),
          (error: Error) => done(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, this.host, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    // Errors of single connections (a client that hangs up) are not the catcher's failure.
    server.on('error', () => undefined);
    this.server = server;
    return this.port as number;
  }

  /** The port it listens on, or null when stopped. */
  get port(): number | null {
    return this.server ? (this.server.server.address() as AddressInfo).port : null;
  }

  /** Stops listening (open connections are closed within a second); the caught mails stay readable. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The caught mails, newest first. */
  list(): CaughtMail[] {
    return [...this.mails].reverse();
  }

  get(id: string): CaughtMail | undefined {
    return this.mails.find((m) => m.id === id);
  }

  /** Forgets every caught mail. */
  clear(): void {
    this.mails.length = 0;
  }

  /** The first mail (already caught, or caught within `timeoutMs`) that `match` accepts; rejects after the deadline. */
  waitFor(match: (mail: CaughtMail) => boolean = () => true, timeoutMs = 10_000): Promise<CaughtMail> {
    const found = this.mails.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onMail = (mail: CaughtMail) => {
        if (!match(mail)) return;
        clearTimeout(timer);
        this.off('mail', onMail);
        resolve(mail);
      };
      const timer = setTimeout(() => {
        this.off('mail', onMail);
        reject(new Error(`no matching mail within ${timeoutMs} ms (${this.mails.length} caught)`));
      }, timeoutMs);
      this.on('mail', onMail);
    });
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const raw = await readAll(stream);
    if (stream.sizeExceeded) throw Object.assign(new Error(`message exceeds the fixed maximum message size of ${this.maxMessageBytes} bytes`), { responseCode: 552 });
    const parsed = await simpleParser(raw, { skipImageLinks: true });
    const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, to: session.envelope.rcptTo.map((r) => r.address) };
    const mail = toCaughtMail(String(++this.sequence), parsed, envelope, raw.length);
    this.mails.push(mail);
    if (this.mails.length > this.capacity) this.mails.splice(0, this.mails.length - this.capacity);
    this.emit('mail', mail);
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
