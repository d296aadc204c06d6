import { createTransport } from 'nodemailer';
import { SmtpReceiver } from '../apps/mail-in/src/smtp-receiver';
import { addAgent, bearer, claim } from './support/agents';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { settled, submit, view } from './support/requests';
import { SmtpSink, type SunkMail } from './support/smtp-sink';
import { WebhookReceiver } from './support/webhook-receiver';
import { business, policyFile, resolve, surveyIn } from './support/surveys';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

const DOMAIN = 'support.test';

describe.each(testDatabases())('mail to customers and staff over real SMTP (%s)', (db) => {
  let sys: TestSystem;
  let smtp: SmtpSink;
  let agent: string;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    const policy = policyFile({ delay: '0ms', cooldown: '0ms', monthlyCap: 100, samplingRate: 1 });
    sys = await startSystem(db, {
      SMTP_URL: smtp.url,
      INBOUND_SMTP_PORT: '0',
      MAIL_DOMAIN: DOMAIN,
      MAIL_FROM: `Support <support@${DOMAIN}>`,
      MAIL_RETRY_MS: '300',
      SURVEY_POLICY_FILE: policy,
      PUBLIC_URL: 'http://portal.test',
    });
    agent = await addAgent(sys, `ana-${db}`, ['home-malware', 'home-lv']);
  });
  afterAll(async () => {
    await sys?.stop();
    await smtp?.down();
  });

  const mailsAbout = (id: string) => smtp.mails.filter((m) => m.subject.includes(`[${id}]`));
  const oneMail = async (address: string, id: string, what: string, match: (m: SunkMail) => boolean) => (await smtp.waitFor(address, (m) => m.subject.includes(`[${id}]`) && match(m), what))[0];

  it('tells the customer of every step, in their language, threaded under one Message-ID, one mail each', async () => {
    const email = `liga-${db}@example.lv`;
    const answer = await submit(
      sys,
      submission({
        customer: { id: `liga-${db}`, email, country: 'LV', language: 'lv' },
        subject: 'Vīruss netika atrasts',
        description: 'Mans dators ir inficēts ar trojas zirgu, ko Kaspersky neatrada. Antivīruss palaida garām ļaunprogrammatūru.',
      }),
    );
    const id = answer.requests[0].id;
    const root = `<${id}@${DOMAIN}>`;

    const received = await oneMail(email, id, 'the receipt', (m) => m.messageId === root);
    expect(received.subject).toMatch(/^Esam saņēmuši jūsu pieprasījumu: Vīruss netika atrasts \[req_/);
    expect(received.text).toContain('Pieprasījuma numurs');
    expect(received.html).toContain('<html lang="lv">');

    await settled(sys, id);
    expect((await claim(sys, agent))?.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/replies`).set(bearer(agent)).send({ body: 'Lūdzu, atsūtiet skenēšanas atskaiti.', waitForCustomer: true }).expect(200);
    const asked = await oneMail(email, id, 'the information request', (m) => m.subject.startsWith('Nepieciešama papildu informācija'));
    expect(asked.text).toContain('Lūdzu, atsūtiet skenēšanas atskaiti.');
    expect(asked.inReplyTo).toBe(root);
    expect(asked.references).toEqual([root]);
    expect(asked.messageId).not.toBe(root);

    // The customer answers the mail itself: the reply address brings it back to the request and its agent.
    expect(asked.replyTo).toMatch(new RegExp(`^support\\+[a-z2-7]{56}@${DOMAIN.replace('.', '\\.')}$`));
    const mailIn = createTransport({ host: '127.0.0.1', port: sys.app.get(SmtpReceiver).port() as number, secure: false, ignoreTLS: true });
    await mailIn.sendMail({
      from: email,
      to: asked.replyTo as string,
      subject: `Re: ${asked.subject}`,
      inReplyTo: asked.messageId,
      text: `Atskaite pielikumā.\n\n> ${asked.text.split('\n').join('\n> ')}`,
    });
    mailIn.close();
    await waitFor(async () => (await view(sys, id)).status === 'queued', 'the reply mail to bring the request back');
    const replied = (await view(sys, id)).timeline.find((e: { event: string }) => e.event === 'request.customer-replied');
    expect(replied.detail.body).toBe('Atskaite pielikumā.');
    expect((await claim(sys, agent))?.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/replies`).set(bearer(agent)).send({ body: 'Paldies, trojas zirgs ir noņemts.' }).expect(200);
    await oneMail(email, id, 'the answer', (m) => m.subject.startsWith('Re: ') && m.text.includes('Paldies, trojas zirgs ir noņemts.'));
    await sys.http.post(`/v1/requests/${id}/resolve`).set(bearer(agent)).send({ summary: 'Trojas zirgs noņemts ar Virus Removal Tool.' }).expect(200);
    const resolved = await oneMail(email, id, 'the resolution', (m) => m.subject.startsWith('Atrisināts'));
    expect(resolved.text).toContain('Trojas zirgs noņemts ar Virus Removal Tool.');

    // Rule 7.1: the survey invitation links to the form, which opens.
    const survey = (await smtp.waitFor(email, (m) => m.headers.has('list'), 'the survey invitation'))[0];
    // One-click unsubscribe (RFC 8058): the link asks on GET, unsubscribes on POST.
    const unsubscribe = new URL((survey.headers.get('list') as { unsubscribe: { url: string } }).unsubscribe.url);
    expect(unsubscribe.href).toMatch(/^http:\/\/portal\.test\/surveys\/unsubscribe\//);
    expect(survey.headers.get('list')).toMatchObject({ 'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' } });
    expect((await sys.http.get(unsubscribe.pathname).expect(200)).text).toContain(`action="${unsubscribe.pathname}"`);
    const link = /http:\/\/portal\.test(\/surveys\/[A-Za-z0-9._-]+)/.exec(survey.text);
    expect(link).not.toBeNull();
    const form = await sys.http.get(link![1]).expect(200);
    expect(form.text).toContain('<form');
    expect(survey.inReplyTo).toBe(root);

    // Exactly one mail per step, however the jobs ran.
    await waitFor(async () => (await sys.http.get(`/v1/admin/deliveries?requestId=${id}`).set(bearer(sys.adminKey))).body.every((d: { state: string }) => d.state === 'sent'), 'every delivery sent');
    const deliveries = (await sys.http.get(`/v1/admin/deliveries?requestId=${id}`).set(bearer(sys.adminKey)).expect(200)).body;
    expect(deliveries.map((d: { kind: string }) => d.kind).sort()).toEqual(['information-request', 'received', 'reply', 'resolved', 'survey']);
    expect(deliveries.every((d: { recipient: string; attempts: number }) => d.recipient === email && d.attempts === 1)).toBe(true);
    expect(mailsAbout(id)).toHaveLength(5);
    expect(new Set(mailsAbout(id).map((m) => m.messageId)).size).toBe(5);

    // Unsubscribed: the customer's next resolved request gets no survey.
    await sys.http.post(unsubscribe.pathname).type('form').send('List-Unsubscribe=One-Click').expect(200);
    const next = (await submit(sys, submission({ customer: { id: `liga-${db}`, email, country: 'LV', language: 'lv' } }))).requests[0].id;
    await settled(sys, next);
    await resolve(sys, agent, next);
    const skipped = await surveyIn(sys, next, ['skipped']);
    expect(skipped.statusReason).toBe('the customer unsubscribed from surveys');
    await sys.http.get('/surveys/unsubscribe/not-a-token').expect(404);
  });

  it('tells the team supervisors with an address of an SLA warning, breach and escalation, in staff mails', async () => {
    const admin = (path: string, body: unknown) =>
      sys.http
        .put(path)
        .set(bearer(sys.adminKey))
        .send(body as object);
    const all = (minutes: number) => ({ '1': minutes, '2': minutes, '3': minutes });
    await admin('/v1/admin/sla-plans/blitz', { hours: '24x7', firstResponseMinutes: all(0.05), resolutionMinutes: all(0.5), warnAtPercent: 50 }).expect(200);
    await admin(`/v1/admin/licences/LIC-BLITZ-${db}`, { productCode: 'kav', customerId: `paid-${db}`, status: 'active', validUntil: '2030-12-31', kind: 'commercial', supportPlan: 'blitz' }).expect(
      200,
    );
    const teams = ['home-lv', 'home-ee', 'home-malware', 'home-intl', 'home-triage'];
    await admin(`/v1/admin/agents/sue-${db}`, { name: 'Sue', teams, role: 'supervisor', email: `sue-${db}@support.test` }).expect(201);
    await admin(`/v1/admin/agents/sam-${db}`, { name: 'Sam', teams, role: 'supervisor' }).expect(201); // no address: no mail
    const answer = await submit(sys, submission({ customer: { id: `paid-${db}`, email: `paid-${db}@example.com`, country: 'LV', language: 'en' }, licenceKey: `LIC-BLITZ-${db}` }));
    const id = answer.requests[0].id;
    const staff = `sue-${db}@support.test`;
    const warning = await oneMail(staff, id, 'the SLA warning', (m) => m.subject.startsWith('SLA warning'));
    expect(warning.text).toMatch(/close to its blitz plan's first response deadline/);
    expect(warning.replyTo).toBeNull();
    await oneMail(staff, id, 'the SLA breach', (m) => m.subject.startsWith('SLA breached'));
    const escalation = await oneMail(staff, id, 'the escalation', (m) => m.subject.startsWith('Escalation'));
    expect(escalation.text).toMatch(/Supervisors: Sue, Sam/);
    expect(escalation.inReplyTo).toBe(`<${id}@${DOMAIN}>`);
    expect(smtp.to(staff).filter((m) => m.subject.includes(`[${id}]`))).toHaveLength(3);
  });

  it('points a business customer to the company portal for the survey (7.2)', async () => {
    const marta = await addAgent(sys, `marta-${db}`, ['business-baltics', 'business-triage', 'business-intl']);
    const body = business(`acme-${db}`, 1);
    const email = body.customer.email as string;
    const answer = await submit(sys, body);
    const id = answer.requests[0].id;
    await settled(sys, id);
    await resolve(sys, marta, id);
    const invitation = (await smtp.waitFor(email, (m) => m.headers.has('list') && m.subject.includes(`[${id}]`), 'the company survey notice'))[0];
    expect(invitation.text).toContain('http://portal.test/portal#feedback-h');
    expect(invitation.text).toContain('CompanyAccount');
    await sys.http.get('/portal').expect(200);
  });

  it('declines with the clause, the offer and the self-service pointers (2.1)', async () => {
    const email = `old-${db}@example.com`;
    const answer = await submit(sys, submission({ customer: { id: `old-${db}`, email, country: 'LV', language: 'en' }, product: { code: 'kav', version: '20.0.5' } }));
    const id = answer.requests[0].id;
    const declined = await oneMail(email, id, 'the decline', (m) => m.subject.startsWith('About your request'));
    expect(declined.text).toContain('4.3.2');
    expect(declined.text).toContain('support restoration');
    expect(declined.text).toContain('https://support.kaspersky.com/consumer');
    expect(declined.replyTo).toMatch(/^support\+[a-z2-7]{56}@support\.test$/);
  });

  it('sends one receipt for a split submission, listing every part (2.3)', async () => {
    const email = `two-${db}@example.com`;
    const answer = await submit(
      sys,
      submission({
        customer: { id: `two-${db}`, email, country: 'LV', language: 'en' },
        subject: 'Two problems',
        description: 'I have two problems:\n1) I lost my activation code.\n2) Kaspersky crashes during the scan.',
      }),
    );
    expect(answer.requests.length).toBe(2);
    const [first, second] = answer.requests.map((r) => r.id);
    const receipt = await oneMail(email, first, 'the receipt', (m) => m.subject.startsWith('We received'));
    expect(receipt.text).toContain(first);
    expect(receipt.text).toContain(second);
    await settled(sys, second);
    await waitFor(async () => (await view(sys, second)).status !== 'received', 'the second part to move on');
    expect(smtp.to(email).filter((m) => m.subject.startsWith('We received'))).toHaveLength(1);
  });

  it('records a refused address as failed, with the reason, on the deliveries list and the timeline', async () => {
    const email = `gone-${db}@example.com`;
    smtp.refuse(email);
    const answer = await submit(sys, submission({ customer: { id: `gone-${db}`, email, country: 'LV', language: 'en' } }));
    const id = answer.requests[0].id;
    const failed = await waitFor(async () => {
      const list = (await sys.http.get(`/v1/admin/deliveries?requestId=${id}&state=failed`).set(bearer(sys.adminKey)).expect(200)).body;
      return list.length > 0 ? list[0] : null;
    }, 'the failed delivery');
    expect(failed).toMatchObject({ recipient: email, about: 'request.received', attempts: 1 });
    expect(failed.lastError).toMatch(/550/);
    const timeline = await waitFor(async () => {
      const v = await view(sys, id);
      return v.timeline.find((e: { event: string }) => e.event === 'notification.failed');
    }, 'the failure on the timeline');
    expect(timeline.detail).toMatchObject({ channel: 'email', recipient: email, about: 'request.received', reason: expect.stringMatching(/550/) });
    await sys.http.get('/v1/admin/deliveries?state=lost').set(bearer(sys.adminKey)).expect(400);
  });
});

describe('reminders, auto-close, reopening: one mail and one webhook each (sqlite)', () => {
  let sys: TestSystem;
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  let agent: string;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    receiver = new WebhookReceiver();
    await receiver.start();
    sys = await startSystem('sqlite', { SMTP_URL: smtp.url, MAIL_DOMAIN: DOMAIN, REMINDER_AFTER_MS: '600', AUTO_CLOSE_AFTER_MS: '1800', REOPEN_WINDOW_MS: '600000' });
    agent = await addAgent(sys, 'rita', ['home-malware', 'home-lv']);
    await sys.http
      .put('/v1/admin/webhooks/all')
      .set(bearer(sys.adminKey))
      .send({ url: receiver.url('/all'), events: ['*'] })
      .expect(201);
  });
  afterAll(async () => {
    await sys?.stop();
    await smtp?.down();
    await receiver?.stop();
  });

  const hooks = (id: string, type: string) => receiver.on('/all').filter((r) => JSON.parse(r.body).type === type && JSON.parse(r.body).data.requestId === id);

  it('reminds the customer, then closes the request citing 4.4.5, in their language', async () => {
    const email = 'quiet@example.ru';
    const answer = await submit(
      sys,
      submission({ customer: { id: 'quiet', email, country: 'LV', language: 'ru' }, subject: 'Не обновляется', description: 'Антивирус не обновляет базы уже неделю, выдаёт ошибку обновления.' }),
    );
    const id = answer.requests[0].id;
    await settled(sys, id);
    expect((await claim(sys, agent))?.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/replies`).set(bearer(agent)).send({ body: 'Какая у вас версия Windows?', waitForCustomer: true }).expect(200);
    const reminder = (await smtp.waitFor(email, (m) => m.subject.startsWith('Напоминание'), 'the reminder'))[0];
    expect(reminder.text).toContain('[cooperation]');
    const closed = (await smtp.waitFor(email, (m) => m.subject.startsWith('Ваше обращение закрыто'), 'the auto-close'))[0];
    expect(closed.text).toContain('4.4.5');
    expect(closed.inReplyTo).toBe(`<${id}@${DOMAIN}>`);
    await waitFor(async () => hooks(id, 'request.closed').length === 1 && hooks(id, 'request.reminder-sent').length === 1, 'one webhook each');
    expect(smtp.to(email).filter((m) => m.subject.startsWith('Напоминание'))).toHaveLength(1);
  });

  it('tells the customer the request was resolved and, when they write again, reopened', async () => {
    const email = 'again@example.com';
    const answer = await submit(sys, submission({ customer: { id: 'again', email, country: 'LV', language: 'en' } }));
    const id = answer.requests[0].id;
    await settled(sys, id);
    expect((await claim(sys, agent))?.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/resolve`).set(bearer(agent)).send({ summary: 'Added to the exclusions.' }).expect(200);
    await smtp.waitFor(email, (m) => m.subject.startsWith('Resolved') && m.text.includes('Added to the exclusions.'), 'the resolution');
    await sys.http.post(`/v1/requests/${id}/customer-replies`).set(bearer(answer.requests[0].customerToken)).send({ body: 'It is deleted again.' }).expect(202);
    await smtp.waitFor(email, (m) => m.subject.startsWith('Reopened'), 'the reopening');
    await waitFor(async () => hooks(id, 'request.reopened').length === 1 && hooks(id, 'request.resolved').length === 1, 'one webhook each');
    const body = JSON.parse(hooks(id, 'request.reopened')[0].body);
    expect(body.data).toMatchObject({ requestId: id, status: 'queued' });
    expect(hooks(id, 'request.reopened')[0].headers['webhook-id']).toBeTruthy();
  });
});
