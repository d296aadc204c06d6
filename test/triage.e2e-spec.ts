import { labelledExamplesJsonl } from '@support/persistence';
import { DataSource } from 'typeorm';
import { addAgent, bearer, claim } from './support/agents';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { SmtpSink } from './support/smtp-sink';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';
import { WebhookReceiver } from './support/webhook-receiver';

/** Agents' triage through the HTTP API: internal notes (never to the customer, a mail or a webhook) and transfers between teams. */
describe.each(testDatabases())('triage on %s', (db) => {
  let sys: TestSystem;
  let smtp: SmtpSink;
  const receiver = new WebhookReceiver();
  let ana: string;
  let ben: string;

  const view = async (id: string, key = sys.adminKey) => (await sys.http.get(`/v1/requests/${id}`).set(bearer(key)).expect(200)).body;
  const events = (v: { timeline: { event: string }[] }) => v.timeline.map((e) => e.event);
  async function queued(body: Record<string, unknown>): Promise<{ id: string; token: string; team: string }> {
    const res = await sys.http.post('/v1/requests').set(bearer(sys.producerKey)).send(body).expect(202);
    const { id, customerToken } = res.body.requests[0];
    const v = await waitFor(async () => ((await view(id)).status === 'queued' ? view(id) : null), `request ${id} to be queued`);
    return { id, token: customerToken, team: v.team };
  }

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    await receiver.start();
    sys = await startSystem(db, { SMTP_URL: smtp.url, MAIL_DOMAIN: 'support.test' });
    await sys.http
      .put('/v1/admin/webhooks/all')
      .set(bearer(sys.adminKey))
      .send({ url: receiver.url('/all'), events: ['*'] })
      .expect(201);
  });
  afterAll(async () => {
    await sys?.stop();
    await receiver.stop();
    await smtp?.down();
  });

  it('keeps an internal note from the customer, the producer, every mail and every webhook; moves a request to another team whose SLA follows', async () => {
    const secret = `note-${db}-customer-sounded-angry`;
    const r = await queued(submission({ licenceKey: 'LIC-ANNA-KAV', customer: { id: 'c-1001', email: `anna-${db}@example.lv`, country: 'LV', language: 'lv' } }));
    expect(r.team).not.toBe('home-lv');
    ana = await addAgent(sys, 'tri-ana', [r.team, 'home-lv']);
    ben = await addAgent(sys, 'tri-ben', ['home-lv']);
    const startedSla = await waitFor(async () => (await view(r.id)).sla, 'the paid SLA to start');

    const noted = await sys.http.post(`/v1/requests/${r.id}/notes`).set(bearer(ana)).send({ body: secret }).expect(201);
    expect(noted.body.timeline.find((e: { event: string }) => e.event === 'request.note-added').detail).toEqual({ agent: 'tri-ana', body: secret });
    expect(JSON.stringify(await view(r.id, r.token))).not.toContain(secret);
    expect(JSON.stringify(await view(r.id, sys.producerKey))).not.toContain(secret);
    await sys.http.post(`/v1/requests/${r.id}/notes`).set(bearer(ben)).send({ body: 'not my team' }).expect(404);

    // Transfer a waiting request: out of the old queue, into home-lv's, with the reason and a routing the SLA clock reads.
    await sys.http.post(`/v1/requests/${r.id}/transfer`).set(bearer(ben)).send({ team: 'home-lv', reason: 'x' }).expect(404);
    const moved = await sys.http.post(`/v1/requests/${r.id}/transfer`).set(bearer(ana)).send({ team: 'home-lv', reason: 'Latvian speaker needed' }).expect(200);
    expect(moved.body).toMatchObject({ status: 'queued', team: 'home-lv', assignee: null });
    expect(events(moved.body).slice(-2)).toEqual(['request.transferred', 'request.routed']);
    expect(moved.body.timeline.at(-2).detail).toEqual({ agent: 'tri-ana', from: r.team, to: 'home-lv', reason: 'Latvian speaker needed' });
    expect(startedSla.team).toBe(r.team);
    await waitFor(async () => (await view(r.id)).sla?.team === 'home-lv', 'the SLA to follow the new team');

    const claimed = await claim(sys, ben);
    expect(claimed?.request.id).toBe(r.id);
    await sys.http
      .post(`/v1/requests/${r.id}/notes`)
      .set(bearer(ben))
      .send({ body: `${secret} (2)` })
      .expect(201);
    await sys.http.post(`/v1/requests/${r.id}/replies`).set(bearer(ben)).send({ body: 'Please send us the file.', waitForCustomer: false }).expect(200);
    await sys.http.post(`/v1/requests/${r.id}/resolve`).set(bearer(ben)).send({ summary: 'whitelisted' }).expect(200);

    await smtp.waitFor(`anna-${db}@example.lv`, (m) => m.subject.includes(r.id) && m.text.includes('Please send us the file.'), 'the reply mail');
    await waitFor(async () => receiver.on('/all').some((w) => w.body.includes('request.resolved') && w.body.includes(r.id)), 'the resolved webhook');
    const mails = smtp.mails.filter((m) => m.subject.includes(r.id));
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) expect(m.text + m.html).not.toContain('note-');
    for (const w of receiver.on('/all')) expect(w.body).not.toContain('note-');
    expect(JSON.stringify(await view(r.id, r.token))).not.toContain('note-');
    expect(events(await view(r.id))).toEqual(expect.arrayContaining(['request.note-added', 'request.transferred']));
  });

  it('transfers a claimed request only by its holder, and answers 4xx naming the problem for bad input', async () => {
    const r = await queued(submission({ subject: 'Another false positive', customer: { id: 'c-tri-2', email: 'x@example.lv', country: 'LV', language: 'lv' } }));
    const carl = await addAgent(sys, 'tri-carl', [r.team]);
    const dave = await addAgent(sys, 'tri-dave', [r.team]);
    const bad = async (key: string, body: object, status: number, field: string) => {
      const res = await sys.http.post(`/v1/requests/${r.id}/transfer`).set(bearer(key)).send(body).expect(status);
      expect(JSON.stringify(res.body)).toContain(field);
    };
    await bad(carl, { team: 'no-such-team', reason: 'x' }, 400, 'no team no-such-team');
    await bad(carl, { team: r.team, reason: 'x' }, 400, 'already in team');
    await bad(carl, { team: 'home-lv' }, 400, 'reason');
    await bad(carl, { team: 'home-lv', reason: '   ' }, 400, 'reason must not be blank');
    await sys.http.post(`/v1/requests/${r.id}/notes`).set(bearer(carl)).send({ body: '' }).expect(400);
    await sys.http.post(`/v1/requests/${r.id}/notes`).set(bearer(carl)).send({}).expect(400);

    expect((await claim(sys, carl))?.request.id).toBe(r.id);
    await bad(dave, { team: 'home-lv', reason: 'x' }, 409, 'not claimed by you');
    const moved = await sys.http.post(`/v1/requests/${r.id}/transfer`).set(bearer(carl)).send({ team: 'home-lv', reason: 'wrong team' }).expect(200);
    expect(moved.body).toMatchObject({ status: 'queued', team: 'home-lv', assignee: null });
    expect(events(moved.body)).toEqual(expect.arrayContaining(['request.assigned', 'request.transferred']));
    expect(await claim(sys, dave)).toBeNull(); // gone from the old team's queue
    const lv = await addAgent(sys, 'tri-erik', ['home-lv']);
    expect((await claim(sys, lv))?.request.id).toBe(r.id);
  });

  it("reclassifies: the agent's clause on the timeline, routing and priority again, and a labelled example for the classifier bench", async () => {
    const r = await queued(submission({ subject: 'Programma izdzēsta', customer: { id: 'c-tri-3', email: 'y@example.lv', country: 'LV', language: 'lv' } }));
    const before = await view(r.id);
    const fay = await addAgent(sys, 'tri-fay', [r.team, 'home-lv']);
    const bad = async (body: object, message: string) => {
      const res = await sys.http.post(`/v1/requests/${r.id}/reclassify`).set(bearer(fay)).send(body).expect(400);
      expect(JSON.stringify(res.body)).toContain(message);
    };
    await bad({ clause: '4.2.1', reason: 'x' }, 'not a clause standard support includes');
    await bad({ clause: '9.9.9', reason: 'x' }, 'not a clause standard support includes');
    await bad({ clause: before.classification.clause, reason: 'x' }, 'already classified');
    await bad({ clause: '4.1.3' }, 'reason');

    const res = await sys.http.post(`/v1/requests/${r.id}/reclassify`).set(bearer(fay)).send({ clause: '4.1.3', reason: 'it is about the licence' }).expect(200);
    expect(res.body.classification).toMatchObject({ clause: '4.1.3', scope: 'included', confidence: 1 });
    const reclassified = res.body.timeline.find((e: { event: string }) => e.event === 'request.reclassified');
    expect(reclassified.detail).toEqual({ agent: 'tri-fay', from: before.classification.clause, to: '4.1.3', reason: 'it is about the licence', rulesVersion: before.rulesVersion });
    expect(events(res.body).at(-1)).toBe('request.routed');
    if (res.body.team !== before.team) expect(events(res.body).at(-2)).toBe('request.transferred');
    expect(res.body.status).toBe('queued');
    expect((await claim(sys, fay))?.request.id).toBe(r.id); // waiting in the queue routing chose

    const list = await sys.http.get('/v1/requests').query({ clause: '4.1.3' }).set(bearer(fay)).expect(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(r.id);

    const lines = (await labelledExamplesJsonl(sys.app.get(DataSource)))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toContainEqual(
      expect.objectContaining({ language: 'lv', subject: 'Programma izdzēsta', gold: ['4.1.3'], rulesVersion: before.rulesVersion, source: 'agent:tri-fay', description: before.description }),
    );
  });
});
