import { createTransport, type Transporter } from 'nodemailer';
import { createConnection } from 'node:net';
import { MailCatcher } from './mail-catcher';

/** The catcher over real SMTP on a TCP port: nodemailer sends, the catcher parses and keeps. */
describe('MailCatcher', () => {
  let catcher: MailCatcher;
  let transport: Transporter;

  beforeEach(async () => {
    catcher = new MailCatcher({ capacity: 3 });
    const port = await catcher.start();
    transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  });
  afterEach(async () => {
    transport.close();
    await catcher.stop();
  });

  it('keeps a mail with its envelope, threading headers, reply address, unsubscribe link and both parts', async () => {
    await transport.sendMail({
      from: 'Support <support@localhost>',
      to: 'Anna <anna@example.lv>',
      bcc: 'audit@example.lv',
      replyTo: 'support+tok123@localhost',
      subject: '[#REQ-1] We answered',
      messageId: '<m2@localhost>',
      inReplyTo: '<m1@localhost>',
      references: ['<m0@localhost>', '<m1@localhost>'],
      list: { unsubscribe: 'https://support.example/unsubscribe/abc' },
      text: 'Hello Anna',
      html: '<p>Hello <b>Anna</b></p>',
    });
    const [mail] = catcher.list();
    expect(mail).toMatchObject({
      id: '1',
      envelope: { from: 'support@localhost', to: ['anna@example.lv', 'audit@example.lv'] },
      from: '"Support" <support@localhost>',
      to: '"Anna" <anna@example.lv>',
      replyTo: 'support+tok123@localhost',
      subject: '[#REQ-1] We answered',
      messageId: '<m2@localhost>',
      inReplyTo: '<m1@localhost>',
      references: ['<m0@localhost>', '<m1@localhost>'],
      listUnsubscribe: '<https://support.example/unsubscribe/abc>',
      text: 'Hello Anna',
      html: '<p>Hello <b>Anna</b></p>',
    });
    expect(Date.parse(mail.date as string)).not.toBeNaN();
    expect(mail.headers).toEqual(expect.arrayContaining([['Message-ID', '<m2@localhost>']]));
    expect(mail.headers.some(([name]) => /^bcc$/i.test(name))).toBe(false);
    expect(catcher.get('1')).toBe(mail);
    expect(catcher.get('nope')).toBeUndefined();
  });

  it('lists newest first, keeps only the last `capacity`, and waits for a mail with a deadline', async () => {
    const waiting = catcher.waitFor((m) => m.subject === 'four', 5000);
    for (const subject of ['one', 'two', 'three', 'four']) await transport.sendMail({ from: 'a@localhost', to: 'b@localhost', subject, text: subject });
    expect((await waiting).subject).toBe('four');
    expect(catcher.list().map((m) => m.subject)).toEqual(['four', 'three', 'two']);
    await expect(catcher.waitFor((m) => m.subject === 'five', 50)).rejects.toThrow(/no matching mail within 50 ms/);
  });

  it('takes any login, stops within its close timeout even with a client connected, and starts again', async () => {
    const port = catcher.port as number;
    const authed = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, auth: { user: 'u', pass: 'p' } });
    await authed.sendMail({ from: 'a@localhost', to: 'b@localhost', subject: 'with auth', text: 'x' });
    authed.close();
    const idle = createConnection(port, '127.0.0.1');
    await new Promise((resolve) => idle.once('data', resolve));
    const started = Date.now();
    await catcher.stop();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(catcher.port).toBeNull();
    expect(catcher.list()).toHaveLength(1);
    idle.destroy();
    expect(await catcher.start()).toBeGreaterThan(0);
  });
});
