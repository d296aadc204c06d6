import { DateTime } from 'luxon';
import { addAgent, bearer, claim } from './support/agents';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

// Long enough that two quick HTTP calls after a claim fit in it on a loaded machine.
const LEASE_MS = 4000;
const malware = (n: number) =>
  submission({ subject: `Virus not detected #${n}`, description: 'My computer is infected with a trojan that Kaspersky did not detect. The antivirus missed the malware.' });

describe.each(testDatabases())('agents working routed requests on %s', (db) => {
  let sys: TestSystem;
  let ana: string;
  let ben: string;
  let carl: string;

  beforeAll(async () => {
    sys = await startSystem(db, { LEASE_MS: String(LEASE_MS), REMINDER_AFTER_MS: '800', AUTO_CLOSE_AFTER_MS: '2500', REOPEN_WINDOW_MS: '60000' });
    ana = await addAgent(sys, 'ana', ['home-malware', 'home-lv']);
    ben = await addAgent(sys, 'ben', ['home-malware']);
    carl = await addAgent(sys, 'carl', ['business-baltics']);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  async function queued(body: Record<string, unknown>): Promise<{ id: string; token: string }> {
    const res = await sys.http.post('/v1/requests').set(bearer(sys.producerKey)).send(body).expect(202);
    const { id, customerToken } = res.body.requests[0];
    await waitFor(async () => (await view(id)).status === 'queued', `request ${id} to be queued`);
    return { id, token: customerToken };
  }

  async function view(id: string, key = sys.adminKey) {
    return (await sys.http.get(`/v1/requests/${id}`).set(bearer(key)).expect(200)).body;
  }

  async function drain(key: string): Promise<string[]> {
    const ids: string[] = [];
    for (let c = await claim(sys, key); c; c = await claim(sys, key)) {
      ids.push(c.request.id);
      await sys.http.post(`/v1/requests/${c.request.id}/resolve`).set(bearer(key)).send({ summary: 'done' }).expect(200);
    }
    return ids;
  }

  it('never gives the same request to two agents claiming at once', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 12; i++) ids.add((await queued(malware(i))).id);
    const claimers = [ana, ben, ana, ben];
    const results = await Promise.all(claimers.map((key) => drain(key)));
    const all = results.flat();
    expect(new Set(all).size).toBe(all.length); // nobody got a request twice
    expect(new Set(all)).toEqual(ids);
  });

  it('gives the request to the next agent when a lease is not renewed', async () => {
    const { id } = await queued(malware(100));
    const first = await claim(sys, ana);
    expect(first?.request.id).toBe(id);
    expect(await claim(sys, ben)).toBeNull(); // leased: nobody else gets it
    const second = await waitFor(() => claim(sys, ben), 'the lapsed lease to free the request', LEASE_MS * 4, 100);
    expect(second.request.id).toBe(id);
    await sys.http.post(`/v1/agent/claims/${id}/renew`).set(bearer(ana)).expect(409);
    const events = (await view(id)).timeline.map((e: { event: string }) => e.event);
    expect(events).toEqual(expect.arrayContaining(['request.assigned', 'request.lease-expired']));
    expect((await view(id)).assignee).toBe('ben');
    await sys.http.post(`/v1/requests/${id}/resolve`).set(bearer(ben)).send({ summary: 'done' }).expect(200);
  });

  it('keeps the request with its agent while the lease is renewed', async () => {
    const { id } = await queued(malware(200));
    expect((await claim(sys, ana))?.request.id).toBe(id);
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, LEASE_MS / 2));
      await sys.http.post(`/v1/agent/claims/${id}/renew`).set(bearer(ana)).expect(200);
      expect(await claim(sys, ben)).toBeNull();
    }
    await sys.http.post(`/v1/requests/${id}/resolve`).set(bearer(ana)).send({ summary: 'done' }).expect(200);
  });

  it('works a case: reply, ask the customer, reminder, customer reply back to its agent, resolve, reopen', async () => {
    const { id, token } = await queued(malware(300));
    expect((await claim(sys, ana))?.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/replies`).set(bearer(ana)).send({ body: 'Thank you, looking into it.' }).expect(200);
    const asked = await sys.http
      .post(`/v1/requests/${id}/replies`)
      .set(bearer(ana))
      .send({ body: 'Please run the diagnostic utility and send its report.', waitForCustomer: true, kind: 'diagnostic-utility' })
      .expect(200);
    expect(asked.body.status).toBe('awaiting-customer');
    const replies = asked.body.timeline.filter((e: { event: string }) => e.event === 'request.replied');
    expect(replies.map((e: { detail: { firstResponse: boolean } }) => e.detail.firstResponse)).toEqual([true, false]);
    expect(asked.body.timeline.find((e: { event: string }) => e.event === 'request.awaiting-customer').detail.clauses).toEqual(['[utilities]']);

    await waitFor(async () => (await view(id)).timeline.some((e: { event: string }) => e.event === 'request.reminder-sent'), 'the reminder');
    await sys.http.post(`/v1/requests/${id}/customer-replies`).set(bearer(token)).send({ body: 'Here is the report.' }).expect(202);
    expect((await view(id)).status).toBe('queued');
    expect(await claim(sys, ben)).toBeNull(); // it comes back to its agent, not to the team
    expect((await claim(sys, ana))?.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/resolve`).set(bearer(ana)).send({ summary: 'Quarantined the trojan.' }).expect(200);
    expect((await view(id, token)).status).toBe('resolved');

    // The auto-close of the earlier wait must not close it now.
    await new Promise((r) => setTimeout(r, 3000));
    expect((await view(id)).status).toBe('resolved');

    await sys.http.post(`/v1/requests/${id}/customer-replies`).set(bearer(token)).send({ body: 'It came back!' }).expect(202);
    const reopened = await view(id);
    expect(reopened.status).toBe('queued');
    expect(reopened.timeline.map((e: { event: string }) => e.event)).toContain('request.reopened');
    expect((await claim(sys, ana))?.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/resolve`).set(bearer(ana)).send({ summary: 'Cleaned again.' }).expect(200);
  });

  it('closes a request whose customer never answers, citing 4.4.5 and [cooperation]', async () => {
    const { id, token } = await queued(malware(400));
    expect((await claim(sys, ben))?.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/replies`).set(bearer(ben)).send({ body: 'Which version of Windows do you use?', waitForCustomer: true }).expect(200);
    const closed = await waitFor(
      async () => {
        const v = await view(id);
        return v.status === 'closed' ? v : null;
      },
      'the auto-close',
      10_000,
    );
    const entry = closed.timeline.find((e: { event: string }) => e.event === 'request.closed');
    expect(entry.detail.clauses).toEqual(['4.4.5', '[cooperation]']);
    expect(entry.detail.message).toContain('4.4.5');
    await sys.http.post(`/v1/requests/${id}/customer-replies`).set(bearer(token)).send({ body: 'Windows 11' }).expect(409);
  });

  it('puts a released request back in the team queue for another agent', async () => {
    const { id } = await queued(malware(500));
    expect((await claim(sys, ana))?.request.id).toBe(id);
    const released = await sys.http.post(`/v1/requests/${id}/release`).set(bearer(ana)).expect(200);
    expect(released.body).toMatchObject({ status: 'queued', assignee: null });
    expect((await claim(sys, ben))?.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/resolve`).set(bearer(ben)).send({ summary: 'done' }).expect(200);
  });

  it('gives an agent of two teams the best head across them: level first, then an SLA deadline, then age', async () => {
    const dora = await addAgent(sys, 'dora', ['home-malware', 'home-lv']);
    await drain(dora);
    const crash = (n: number, paid: boolean) =>
      submission({ subject: `Crash #${n}`, description: 'Kaspersky crashes every time I open the settings window.', ...(paid ? { licenceKey: 'LIC-ANNA-KAV' } : {}) });
    const lowFirst = await queued(crash(800, false)); // home-lv, level 3, in first
    const malwareOlder = await queued(malware(800)); // home-malware, level 2
    const paidLater = await queued(crash(801, true)); // home-lv, level 2 (raised by the paid plan), with an SLA deadline
    const malwareNewer = await queued(malware(801)); // home-malware, level 2
    const placed = await Promise.all([lowFirst, malwareOlder, paidLater, malwareNewer].map(async ({ id }) => ({ team: (await view(id)).team, priority: (await view(id)).priority })));
    expect(placed).toEqual([
      { team: 'home-lv', priority: 3 },
      { team: 'home-malware', priority: 2 },
      { team: 'home-lv', priority: 2 },
      { team: 'home-malware', priority: 2 },
    ]);
    expect(await drain(dora)).toEqual([paidLater.id, malwareOlder.id, malwareNewer.id, lowFirst.id]);
  });

  it('keeps other teams out: 404 for their requests, nothing to claim', async () => {
    const { id } = await queued(malware(600));
    await sys.http.get(`/v1/requests/${id}`).set(bearer(carl)).expect(404);
    await sys.http.post(`/v1/requests/${id}/replies`).set(bearer(carl)).send({ body: 'hi' }).expect(404);
    expect(await claim(sys, carl)).toBeNull();
    await sys.http.post('/v1/agent/claims').set(bearer(sys.producerKey)).expect(403);
    const me = await sys.http.get('/v1/agent/me').set(bearer(ana)).expect(200);
    expect(me.body.teams.find((t: { id: string }) => t.id === 'home-malware').waiting).toBeGreaterThanOrEqual(1);
    await drain(ana);
  });

  it('acknowledges a request that arrives while its team is closed, with the opening time', async () => {
    const zone = 'Europe/Riga';
    const today = DateTime.now().setZone(zone);
    const closedDays = [today, today.plus({ days: 1 })].map((d) => d.toISODate());
    const open = [['09:00', '17:00']];
    await sys.http
      .put('/v1/admin/calendars/closed-now')
      .set(bearer(sys.adminKey))
      .send({ timezone: zone, weekly: { mon: open, tue: open, wed: open, thu: open, fri: open, sat: open, sun: open }, holidays: closedDays })
      .expect(200);
    await sys.http
      .put('/v1/admin/teams/home-ee')
      .set(bearer(sys.adminKey))
      .send({ segment: 'home', countries: ['EE'], languages: ['ru', 'en'], skills: [], calendar: 'closed-now' })
      .expect(200);
    const { id } = await queued(
      submission({ customer: { id: 'ee-1', email: 'e@example.ee', country: 'EE', language: 'ru' }, subject: 'Не обновляется', description: 'Антивирус не обновляет базы, ошибка обновления.' }),
    );
    const ack = (await view(id)).timeline.find((e: { event: string }) => e.event === 'request.acknowledged');
    const expected = today.plus({ days: 2 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    expect(ack.detail.opensAt).toBe(expected.toUTC().toISO());
    expect(ack.detail.message).toContain('Служба поддержки');
  });
});
