import { addAgent, bearer } from './support/agents';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/** GET /v1/requests as a work list: full-text search on the database's own index, filters, sorts and cursor paging, scoped to the agent's teams. */
describe.each(testDatabases())('work lists on %s', (db) => {
  let sys: TestSystem;
  let agent: string;
  let home: { id: string; team: string; clause: string; priority: number };
  let business: { id: string; team: string; slaDueAt: string };
  const paged: string[] = [];

  const view = async (id: string) => (await sys.http.get(`/v1/requests/${id}`).set(bearer(sys.adminKey)).expect(200)).body;
  async function queued(body: Record<string, unknown>): Promise<Record<string, any>> {
    const res = await sys.http.post('/v1/requests').set(bearer(sys.producerKey)).send(body).expect(202);
    const id = res.body.requests[0].id;
    return waitFor(async () => {
      const v = await view(id);
      return v.status === 'queued' ? v : null;
    }, `request ${id} to be queued`);
  }
  const list = (key: string, query: Record<string, string | number>) => sys.http.get('/v1/requests').query(query).set(bearer(key));
  const ids = async (key: string, query: Record<string, string | number>) => (await list(key, query).expect(200)).body.items.map((r: { id: string }) => r.id) as string[];

  beforeAll(async () => {
    sys = await startSystem(db);
    const lv = submission({
      customer: { id: 'c-wl-1', email: 'liga@example.lv', country: 'LV', language: 'lv' },
      subject: 'Kļūdaini atzīts vīruss',
      description: 'Kaspersky izdzēsa manu programmu ziedkāposts kā trojan, bet tas ir false positive. Подозрительный файл не вирус.',
    });
    const h = await queued(lv);
    home = { id: h.id, team: h.team, clause: h.classification.clause, priority: h.priority };
    const b = await queued(
      submission({
        customer: { id: 'acme-admin', email: 'it@acme.example', country: 'LV', language: 'en' },
        companyId: 'acme',
        licenceKey: 'LIC-ACME-KESB',
        product: { code: 'kesb', version: '12' },
        subject: 'Endpoint agent flags our build tool',
        description: 'Kaspersky Endpoint Security deletes our ziedkāposts build tool as a trojan; it is a false positive.',
      }),
    );
    expect(b.team).not.toBe(home.team);
    // The SLA clock starts beside the queueing (its own stage): wait for its deadline.
    const sla = await waitFor(async () => (await view(b.id)).sla, 'the premium SLA to start');
    business = { id: b.id, team: b.team, slaDueAt: sla.firstResponseDueAt };
    for (let i = 0; i < 5; i++)
      paged.push((await queued(submission({ subject: `False positive number ${i}`, description: `Kaspersky deletes my tool lapa${i} as a trojan; it is a false positive. Token pagingword.` }))).id);
    agent = await addAgent(sys, 'wl-ana', [home.team]);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it("finds a request by a word of its description, in any case, and never another team's request", async () => {
    expect(await ids(agent, { q: 'ziedkāposts' })).toEqual([home.id]);
    expect(await ids(agent, { q: 'ZIEDKĀPOSTS' })).toEqual([home.id]);
    expect(await ids(agent, { q: 'подозрительный' })).toEqual([home.id]);
    expect(await ids(agent, { q: 'ziedkāposts trojan' })).toEqual([home.id]);
    expect(await ids(agent, { q: 'ziedkāposts nonexistentword' })).toEqual([]);
    expect(await ids(agent, { q: 'build' })).toEqual([]); // only in the business request
    expect(await ids(agent, { team: business.team })).toEqual([]);
    expect(new Set(await ids(sys.adminKey, { q: 'ziedkāposts' }))).toEqual(new Set([home.id, business.id]));
  });

  it('filters by status, team, clause, priority, language, customer, assignee and SLA deadline', async () => {
    expect(await ids(agent, { q: 'ziedkāposts', status: 'queued', team: home.team, clause: home.clause, priority: home.priority, language: 'lv', customer: 'c-wl-1' })).toEqual([home.id]);
    expect(await ids(agent, { q: 'ziedkāposts', language: 'ru' })).toEqual([]);
    expect(await ids(agent, { q: 'ziedkāposts', status: 'assigned' })).toEqual([]);
    expect(await ids(agent, { q: 'ziedkāposts', clause: '4.1.4a' })).toEqual([]);
    expect(await ids(agent, { q: 'ziedkāposts', assignee: 'wl-ana' })).toEqual([]);
    expect(await ids(sys.adminKey, { customer: 'acme' })).toEqual([business.id]);
    const after = new Date(Date.parse(business.slaDueAt) + 1000).toISOString();
    expect(await ids(sys.adminKey, { slaDueBefore: after })).toEqual([business.id]);
    expect(await ids(sys.adminKey, { slaDueBefore: business.slaDueAt })).toEqual([]);
    expect((await ids(sys.adminKey, { sort: 'slaDue' }))[0]).toBe(business.id);
  });

  it.each(['-receivedAt', 'receivedAt', 'priority', '-priority', 'slaDue', '-slaDue'])('pages through every match once, sorted %s', async (sort) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await list(agent, { q: 'pagingword', sort, limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((r: { id: string }) => r.id));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(paged.length);
    expect(new Set(seen)).toEqual(new Set(paged));
    if (sort === '-receivedAt') expect(seen).toEqual([...paged].reverse());
    if (sort === 'receivedAt') expect(seen).toEqual(paged);
  });

  it('answers 400 naming the field for a bad filter, sort, search or cursor', async () => {
    const cursor = (await list(agent, { q: 'pagingword', limit: 1 }).expect(200)).body.nextCursor;
    for (const [query, field] of [
      [{ sort: 'subject' }, 'sort'],
      [{ q: '!!!' }, 'q'],
      [{ q: '' }, 'q'],
      [{ priority: 'high' }, 'priority'],
      [{ slaDueBefore: 'tomorrow' }, 'slaDueBefore'],
      [{ language: 'Latvian' }, 'language'],
      [{ sort: 'priority', cursor }, 'cursor'],
      [{ cursor: 'bm9wZQ' }, 'cursor'],
    ] as [Record<string, string>, string][]) {
      const res = await list(agent, query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });
});
