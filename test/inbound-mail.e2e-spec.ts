import { RequestEntity } from '@support/persistence';
import { IntakeService, ReplyAddresses } from '@support/platform';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import { connect, type Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { MailInModule } from '../apps/mail-in/src/mail-in.module';
import { MAX_SMTP_CLIENTS, SmtpReceiver } from '../apps/mail-in/src/smtp-receiver';
import { addAgent, bearer, claim } from './support/agents';
import { testDatabases } from './support/databases';
import { EMAIL, logLines } from './support/log-lines';
import { submission } from './support/reference-data';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

const DOMAIN = 'help.example.com';
const SUPPORT = `support@${DOMAIN}`;
const ANNA = 'anna@example.lv';
const DAY = 24 * 3600_000;
const MALWARE = 'My computer is infected with a trojan that Kaspersky did not detect. The antivirus missed the malware.';

/** Real mail over SMTP to the receiver: `send` resolves on 250, rejects with the server's responseCode otherwise. */
describe.each(testDatabases())('mail in (SMTP receiver) on %s', (db) => {
  let sys: TestSystem;
  let smtp: Transporter;
  let ana: string;
  let n = 0;
  /** Every log line of the system, and every reply address the tests used: none may appear in a line. */
  const { lines, stream: logStream } = logLines();
  const used: string[] = [];

  beforeAll(async () => {
    // nestjs-pino keeps the first app's logger for lines outside an HTTP request (the SMTP receiver's): this file starts one app per database.
    __resetOutOfContextForTests();
    sys = await startSystem(db, { INBOUND_SMTP_PORT: '0', MAIL_DOMAIN: DOMAIN, LOG_LEVEL: 'info' }, { logStream });
    smtp = createTransport({ host: '127.0.0.1', port: sys.app.get(SmtpReceiver).port() as number, secure: false, ignoreTLS: true, pool: false });
    ana = await addAgent(sys, 'ana', ['home-malware', 'home-lv']);
  });
  afterAll(async () => {
    smtp?.close();
    await sys?.stop();
  });

  const send = (mail: SendMailOptions) => smtp.sendMail({ from: ANNA, to: SUPPORT, messageId: `<m${++n}.${Date.now()}@example.lv>`, ...mail });
  const view = async (id: string) => (await sys.http.get(`/v1/requests/${id}`).set(bearer(sys.adminKey)).expect(200)).body;
  const mailedRequests = () =>
    sys.app
      .get(DataSource)
      .getRepository(RequestEntity)
      .find({ where: { producerId: 'email' }, order: { receivedAt: 'ASC' } });
  const customerEntries = async (id: string) => (await view(id)).timeline.filter((e: { event: string }) => /customer-(replied|message)|reopened/.test(e.event));

  /** Ana claims until she holds `id`, resolving the mailed requests of earlier tests that come first. */
  async function claimOnly(id: string): Promise<void> {
    for (let c = await claim(sys, ana); c?.request.id !== id; c = await claim(sys, ana)) {
      if (!c) throw new Error(`request ${id} was not in Ana's queues`);
      await sys.http.post(`/v1/requests/${c.request.id}/resolve`).set(bearer(ana)).send({ summary: 'done' }).expect(200);
    }
  }

  /** A request of Anna's (a paid plan: its SLA clock pauses while she is asked), claimed by Ana and waiting for her answer. */
  async function awaitingAnna(): Promise<string> {
    const res = await sys.http
      .post('/v1/requests')
      .set(bearer(sys.producerKey))
      .send(submission({ subject: `Virus not detected #${++n}`, description: MALWARE, licenceKey: 'LIC-ANNA-KAV' }))
      .expect(202);
    const id = res.body.requests[0].id as string;
    await waitFor(async () => (await view(id)).status === 'queued', `request ${id} to be queued`);
    await claimOnly(id);
    await sys.http
      .post(`/v1/requests/${id}/replies`)
      .set(bearer(ana))
      .send({ body: 'Please run the diagnostic utility and send its report.', waitForCustomer: true, kind: 'diagnostic-utility' })
      .expect(200);
    await waitFor(async () => (await view(id)).sla?.paused, 'the SLA clock to pause');
    return id;
  }

  it('makes a mail to the support address a request (producer email, channel email) that goes through the pipeline, once per Message-ID', async () => {
    await awaitingAnna(); // Anna wrote before: her country and product are known
    const mail = { subject: 'Virus not detected by e-mail', text: MALWARE, messageId: '<first-mail@example.lv>' };
    await send(mail);
    const [request] = await mailedRequests();
    expect(request).toMatchObject({ channel: 'email', customerEmail: ANNA, customerId: 'c-1001', country: 'LV', productCode: 'kav', productVersion: '21.3', subject: 'Virus not detected by e-mail' });
    const settled = await waitFor(async () => ((await view(request.id)).status === 'queued' ? view(request.id) : null), 'the mailed request to be routed');
    expect(settled.timeline.map((e: { event: string }) => e.event)).toEqual(expect.arrayContaining(['request.received', 'request.eligibility-decided', 'request.classified', 'request.routed']));

    await send(mail); // the sending server never saw our 250 and tries again
    await send({ ...mail, subject: 'Virus not detected by e-mail (resent)' });
    expect(await mailedRequests()).toHaveLength(1);
  });

  it('makes a first-time sender a request too: no product named, the country of the address, to the triage team', async () => {
    await send({ from: 'janis@example.ee', subject: 'Help', html: '<p>The <b>scan</b> stops at 40%.</p>' });
    const request = (await mailedRequests()).find((r) => r.customerEmail === 'janis@example.ee')!;
    expect(request).toMatchObject({ country: 'EE', productCode: 'unknown', description: 'The scan stops at 40%.' });
    const routed = await waitFor(async () => (await view(request.id)).timeline.find((e: { event: string }) => e.event === 'request.routed'), 'the first-time request to be routed');
    expect(routed.detail.team).toBe('home-triage');
  });

  it("reads the customer's words, not the signature and disclaimer under them: an Estonian mail under an English disclaimer is Estonian, and stored whole", async () => {
    const disclaimer =
      'This e-mail and any attachments are confidential and intended solely for the addressee. If you have received this e-mail in error, please notify the sender and delete it. This message has been scanned for viruses and malware.';
    const text = `Tere,\nKaspersky kustutas minu faili ja ütleb et see on viirus, aga see on meie enda programm.\n\nLugupidamisega\nMart Tamm\nOÜ Näidis | +372 5555 1234\n\n${disclaimer}`;
    await send({ from: 'mart@example.ee', subject: 'Probleem', text });
    const request = (await mailedRequests()).find((r) => r.customerEmail === 'mart@example.ee')!;
    expect(request.description).toContain(disclaimer);
    const classified = await waitFor(async () => (await view(request.id)).timeline.find((e: { event: string }) => e.event === 'request.classified'), 'the Estonian mail to be classified');
    expect(classified.detail).toMatchObject({ language: 'et', clause: '4.1.2a' });
    expect((await view(request.id)).language).toBe('et');
  });

  it('takes auto-replies and bounces and drops them: no request, no loop with our own mails', async () => {
    const before = (await mailedRequests()).length;
    await send({ subject: 'Out of office', text: 'I am away until Monday.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await send({ envelope: { from: '', to: SUPPORT }, subject: 'Undelivered Mail Returned to Sender', text: 'bounce' });
    expect(await mailedRequests()).toHaveLength(before);
  });

  it("lands a reply mail as the customer's reply on its request: quoted history stripped, attachments kept or refused, back to its agent, SLA clock resumed, once per Message-ID", async () => {
    const id = await awaitingAnna();
    const replyTo = sys.app.get(ReplyAddresses).addressFor(id, ANNA);
    const mail: SendMailOptions = {
      to: replyTo,
      cc: SUPPORT, // a reply-all: still one reply, no new request
      messageId: '<reply-1@example.lv>',
      subject: 'Re: Virus not detected',
      text: 'Here is the report.\n\nOn Mon, 1 Dec 2026 at 10:00, Support <support@help.example.com> wrote:\n> Please run the diagnostic utility and send its report.\n',
      attachments: [
        { filename: 'report.zip', content: Buffer.from('PK fake zip'), contentType: 'application/zip' },
        { filename: 'fix.exe', content: Buffer.from('MZ'), contentType: 'application/octet-stream' },
      ],
    };
    const before = (await mailedRequests()).length;
    await send(mail);

    // Stored before the 250: no waiting for the status.
    const v = await view(id);
    expect(v.status).toBe('queued');
    const [replied] = await customerEntries(id);
    expect(replied.event).toBe('request.customer-replied');
    expect(replied.detail).toMatchObject({ from: 'customer', body: 'Here is the report.', channel: 'email', attachments: [{ filename: 'report.zip', contentType: 'application/zip', size: 11 }] });
    expect(replied.detail.refusedAttachments).toEqual([{ filename: 'fix.exe', contentType: 'application/octet-stream', size: 2, reason: 'a runnable file type' }]);
    expect(await mailedRequests()).toHaveLength(before);
    // Its agent downloads the kept attachment; under another request it does not exist.
    const file = await sys.http.get(`/v1/requests/${id}/attachments/${replied.detail.attachments[0].id}`).set(bearer(ana)).responseType('blob').expect(200);
    expect(file.headers).toMatchObject({ 'content-type': 'application/zip', 'content-disposition': expect.stringMatching(/^attachment; filename="report.zip"/), 'x-content-type-options': 'nosniff' });
    expect(Buffer.from(file.body).toString()).toBe('PK fake zip');
    const other = (await mailedRequests())[0].id;
    await sys.http.get(`/v1/requests/${other}/attachments/${replied.detail.attachments[0].id}`).set(bearer(sys.adminKey)).expect(404);
    await waitFor(async () => (await view(id)).sla?.paused === false, 'the SLA clock to resume');
    await claimOnly(id);

    await send(mail); // the same mail again changes nothing
    expect(await customerEntries(id)).toHaveLength(1);
    // A NUL byte (PostgreSQL refuses it in text) is dropped, not a 451 retried for ever.
    await send({ ...mail, messageId: '<reply-2@example.lv>', text: 'One more\u0000 thing.\n\n> quoted', attachments: [] });
    expect((await customerEntries(id)).map((e: { event: string; detail: { body: string } }) => [e.event, e.detail.body])).toEqual([
      ['request.customer-replied', 'Here is the report.'],
      ['request.customer-message', 'One more thing.'],
    ]);
  });

  it('makes one mail to two reply addresses a reply on each request', async () => {
    const [first, second] = [await awaitingAnna(), await awaitingAnna()];
    const addresses = sys.app.get(ReplyAddresses);
    await send({ to: [addresses.addressFor(first, ANNA), addresses.addressFor(second, ANNA)], text: 'Both are the same problem.', attachments: [{ filename: 'log.txt', content: 'log' }] });
    for (const id of [first, second]) {
      expect((await customerEntries(id)).map((e: { detail: { body: string; attachments: unknown[] } }) => [e.detail.body, e.detail.attachments.length])).toEqual([['Both are the same problem.', 1]]);
    }
  });

  it('refuses a forged, changed or expired reply address and another sender with 550, attaching nothing', async () => {
    const id = await awaitingAnna();
    const addresses = sys.app.get(ReplyAddresses);
    const genuine = addresses.addressFor(id, ANNA);
    const token = genuine.slice('support+'.length, genuine.indexOf('@'));
    const changed = `support+${token.slice(0, 10)}${token[10] === 'a' ? 'b' : 'a'}${token.slice(11)}@${DOMAIN}`;
    const refused = [
      { to: `support+${'a'.repeat(56)}@${DOMAIN}`, answer: /not valid/ },
      { to: changed, answer: /not valid/ },
      { to: addresses.addressFor(id, ANNA, new Date(Date.now() - 400 * DAY)), answer: /expired/ },
      { to: genuine, from: 'mallory@example.lv', answer: /another sender/ },
    ];
    used.push(genuine, changed, ...refused.map((r) => r.to));
    for (const r of refused) {
      await expect(send({ to: r.to, from: r.from ?? ANNA, text: 'Attach me somewhere.' })).rejects.toMatchObject({ responseCode: 550, response: expect.stringMatching(r.answer) });
    }
    expect(await customerEntries(id)).toHaveLength(0);
    expect((await view(id)).status).toBe('awaiting-customer');
    await send({ to: genuine, text: 'The real answer.' }); // and the genuine one still works
    expect((await view(id)).status).toBe('queued');
  });

  it('refuses a reply to a declined request with 550, pointing to the support address', async () => {
    const res = await sys.http
      .post('/v1/requests')
      .set(bearer(sys.producerKey))
      .send(submission({ subject: 'Remote session', description: 'Please connect to my computer remotely and check it in a remote support session.' }))
      .expect(202);
    const id = res.body.requests[0].id as string;
    await waitFor(async () => (await view(id)).status === 'declined', `request ${id} to be declined`);
    const to = sys.app.get(ReplyAddresses).addressFor(id, ANNA);
    await expect(send({ to, text: 'But please!' })).rejects.toMatchObject({ responseCode: 550, response: expect.stringMatching(new RegExp(`declined.*${SUPPORT}`)) });
    expect(await customerEntries(id)).toHaveLength(0);
  });

  it('answers 451 when the mail cannot be stored, so the sending server retries, and takes the retry once', async () => {
    const intake = sys.app.select(MailInModule).get(IntakeService);
    const failing = jest.spyOn(intake, 'submit').mockRejectedValueOnce(new Error('the database cannot be reached'));
    const before = (await mailedRequests()).length;
    const mail = { subject: 'Virus not detected, try again', text: MALWARE, messageId: '<retried@example.lv>' };
    await expect(send(mail)).rejects.toMatchObject({ responseCode: 451 });
    expect(await mailedRequests()).toHaveLength(before);
    failing.mockRestore();
    await send(mail);
    await send(mail);
    expect(await mailedRequests()).toHaveLength(before + 1);
  });

  it('logs each refusal with its reason, and no reply address, token or sender address in any line', () => {
    const refusals = lines.filter((l) => l.includes('mail refused')).map((l) => JSON.parse(l).reason);
    expect(refusals).toEqual(expect.arrayContaining(['reply address invalid', 'reply address expired', 'reply address sender-mismatch', 'request-finished']));
    expect(lines.some((l) => l.includes('reply mail received'))).toBe(true);
    const tokens = used.map((a) => a.slice('support+'.length, a.indexOf('@')));
    for (const line of lines) {
      expect({ line, token: tokens.some((t) => t.length > 20 && line.toLowerCase().includes(t)), address: EMAIL.test(line) }).toEqual({
        line,
        token: false,
        address: false,
      });
    }
  });

  it('makes a mail of megabytes a request from its first words: a long text, and HTML too long to convert whole', async () => {
    const opening = 'Kaspersky deleted my accounting program and says it is a trojan.';
    await send({ from: 'big-text@example.lv', subject: 'Long mail', text: `${opening}\n${'log line 0x0000 ok\n'.repeat(200_000)}` });
    await send({ from: 'big-html@example.lv', subject: 'Long HTML mail', html: `<p>${opening}</p>${'<table><tr><td>earlier message</td></tr></table>'.repeat(30_000)}` });
    const requests = await mailedRequests();
    for (const from of ['big-text@example.lv', 'big-html@example.lv']) {
      const request = requests.find((r) => r.customerEmail === from)!;
      expect(request.description.startsWith(opening)).toBe(true);
      expect(request.description.length).toBeLessThanOrEqual(20_000);
    }
  });

  it('answers 421 (try later) to a connection over MAX_SMTP_CLIENTS, and serves again once they close', async () => {
    const port = sys.app.get(SmtpReceiver).port() as number;
    const greeting = (socket: Socket) => new Promise<string>((resolve, reject) => socket.once('data', (d) => resolve(d.toString())).once('error', reject));
    const sockets = Array.from({ length: MAX_SMTP_CLIENTS + 1 }, () => connect(port, '127.0.0.1'));
    try {
      const greetings = await Promise.all(sockets.map(greeting));
      expect(greetings.filter((g) => g.startsWith('220'))).toHaveLength(MAX_SMTP_CLIENTS);
      expect(greetings.filter((g) => g.startsWith('421'))).toHaveLength(1);
    } finally {
      sockets.forEach((s) => s.destroy());
    }
    // waitFor tries again after a refusal (and names the last one if it times out).
    await waitFor(() => send({ subject: 'After the crowd', text: MALWARE }), 'a mail to be taken again');
  });

  it('relays nothing (550 at RCPT) and refuses mail over the size limit (552)', async () => {
    for (const to of ['someone@gmail.com', `support@other.${DOMAIN}`, `sales@${DOMAIN}`, `support+short@${DOMAIN}`]) {
      await expect(send({ to, text: 'relay me' })).rejects.toMatchObject({ responseCode: 550 });
    }
    const before = (await mailedRequests()).length;
    await expect(send({ text: 'big', attachments: [{ filename: 'dump.txt', content: Buffer.alloc(8 * 1024 * 1024, 'a') }] })).rejects.toMatchObject({ responseCode: 552 });
    expect(await mailedRequests()).toHaveLength(before);
  });
});
