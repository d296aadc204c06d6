import { addAgent, bearer, claim } from './support/agents';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/** Suggested replies (the rules' texts and the macros), the macros' admin API, and the customer panel, through the HTTP API. */
describe.each(testDatabases())('suggested replies and the customer panel on %s', (db) => {
  let sys: TestSystem;
  const admin = () => bearer(sys.adminKey);
  const view = async (id: string, key = sys.adminKey) => (await sys.http.get(`/v1/requests/${id}`).set(bearer(key)).expect(200)).body;
  async function queued(body: Record<string, unknown>): Promise<{ id: string; token: string; team: string; clause: string }> {
    const res = await sys.http.post('/v1/requests').set(bearer(sys.producerKey)).send(body).expect(202);
    const { id, customerToken } = res.body.requests[0];
    const v = await waitFor(async () => ((await view(id)).status === 'queued' ? view(id) : null), `request ${id} to be queued`);
    return { id, token: customerToken, team: v.team, clause: v.classification.clause };
  }
  const macro = (body: Record<string, unknown>) => sys.http.post('/v1/admin/macros').set(admin()).send(body);

  beforeAll(async () => {
    sys = await startSystem(db);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('keeps macros per language with unique names, validates them, and answers 404 and 409 by name', async () => {
    const created = await macro({ name: 'Send the log', language: 'lv', clauses: ['4.1.2a'], body: 'Lūdzu, atsūtiet žurnālu.' }).expect(201);
    expect(created.body).toMatchObject({ id: expect.stringMatching(/^mac_/), name: 'Send the log', language: 'lv', clauses: ['4.1.2a'], body: 'Lūdzu, atsūtiet žurnālu.' });
    const id = created.body.id as string;
    expect((await macro({ name: 'Send the log', language: 'lv', body: 'again' }).expect(409)).body.message).toContain('Send the log');
    const en = (await macro({ name: 'Send the log', language: 'en', body: 'Please send us the log.' }).expect(201)).body;

    const problems = async (body: Record<string, unknown>, field: string) => {
      const res = await macro(body).expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    };
    await problems({ name: 'x', language: 'de', body: 'x' }, 'language must be one of en, lv, ru, et, lt');
    await problems({ name: 'x', language: 'lv', clauses: ['9.9.9'], body: 'x' }, 'no clause 9.9.9 in the rules');
    await problems({ name: 'x', language: 'lv', clauses: 'all', body: 'x' }, 'clauses');
    await problems({ name: '  ', language: 'lv', body: 'x' }, 'name must not be blank');
    await problems({ name: 'x', language: 'lv' }, 'body');
    await sys.http.get('/v1/admin/macros').query({ language: 'xx' }).set(admin()).expect(400);

    const agent = await addAgent(sys, 'mac-agent', ['home-lv']);
    await sys.http.get('/v1/admin/macros').set(bearer(agent)).expect(403);
    await sys.http.post('/v1/admin/macros').set(bearer(agent)).send({ name: 'x', language: 'lv', body: 'x' }).expect(403);

    const lv = (await sys.http.get('/v1/admin/macros').query({ language: 'lv' }).set(admin()).expect(200)).body.items;
    expect(lv.map((m: { id: string }) => m.id)).toEqual([id]);
    const updated = await sys.http.put(`/v1/admin/macros/${id}`).set(admin()).send({ name: 'Send the detection log', language: 'lv', body: 'Lūdzu, atsūtiet atklāšanas žurnālu.' }).expect(200);
    expect(updated.body).toMatchObject({ id, name: 'Send the detection log', clauses: [], createdAt: created.body.createdAt });
    await sys.http.put(`/v1/admin/macros/${id}`).set(admin()).send({ name: 'Send the log', language: 'en', body: 'x' }).expect(409);
    expect((await sys.http.get(`/v1/admin/macros/${id}`).set(admin()).expect(200)).body.name).toBe('Send the detection log');
    await sys.http.put('/v1/admin/macros/mac_none').set(admin()).send({ name: 'y', language: 'lv', body: 'y' }).expect(404);
    await sys.http.delete(`/v1/admin/macros/${en.id}`).set(admin()).expect(204);
    await sys.http.delete(`/v1/admin/macros/${en.id}`).set(admin()).expect(404);
    await sys.http.get(`/v1/admin/macros/${en.id}`).set(admin()).expect(404);
    await sys.http.delete(`/v1/admin/macros/${id}`).set(admin()).expect(204);
  });

  it("suggests the rules' texts and the macros for the request's clause and language (English where it has none), and records the one a reply started from", async () => {
    const own = (await macro({ name: 'Whitelist steps', language: 'lv', clauses: ['4.1.2a'], body: 'Lūdzu, pievienojiet programmu izņēmumiem.' }).expect(201)).body;
    const anyClause = (await macro({ name: 'Greeting', language: 'lv', body: 'Labdien!' }).expect(201)).body;
    await macro({ name: 'Licence lookup', language: 'lv', clauses: ['4.1.3'], body: 'Licence.' }).expect(201);
    const english = (await macro({ name: 'Hello', language: 'en', body: 'Hello!' }).expect(201)).body;

    const r = await queued(submission({ customer: { id: 'c-sug-1', email: 'liga@example.lv', country: 'LV', language: 'lv' } }));
    expect(r.clause).toBe('4.1.2a');
    const ana = await addAgent(sys, 'sug-ana', [r.team]);
    const s = (await sys.http.get(`/v1/requests/${r.id}/suggestions`).set(bearer(ana)).expect(200)).body;
    expect(s).toMatchObject({ language: 'lv', fallback: false, clause: '4.1.2a', draft: 'self-service:home' });
    expect(s.items.map((i: { id: string }) => i.id)).toEqual(['self-service:home', `macro:${anyClause.id}`, `macro:${own.id}`]);
    expect(s.items[0]).toMatchObject({ kind: 'self-service', clauses: ['2.1'], language: 'lv' });
    expect(s.items[0].text).toContain('https://support.kaspersky.com/consumer');
    expect(s.items[0].text).toContain('Zināšanu bāze');

    const de = await queued(submission({ customer: { id: 'c-sug-2', email: 'jonas@example.de', country: 'LV', language: 'de' } }));
    const sde = (
      await sys.http
        .get(`/v1/requests/${de.id}/suggestions`)
        .set(bearer(await addAgent(sys, 'sug-de', [de.team])))
        .expect(200)
    ).body;
    expect(sde).toMatchObject({ language: 'en', fallback: true });
    expect(sde.items.map((i: { id: string }) => i.id)).toEqual(['self-service:home', `macro:${english.id}`]);
    expect(sde.items[0].text).toContain('Knowledge Base');

    const other = await addAgent(sys, 'sug-other', [r.team === 'home-lv' ? 'home-intl' : 'home-lv']);
    await sys.http.get(`/v1/requests/${r.id}/suggestions`).set(bearer(other)).expect(404);
    await sys.http.get(`/v1/requests/${r.id}/suggestions`).set(bearer(sys.producerKey)).expect(403);

    expect((await claim(sys, ana))?.request.id).toBe(r.id);
    const bad = await sys.http.post(`/v1/requests/${r.id}/replies`).set(bearer(ana)).send({ body: 'x', suggestionId: 'whatever' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('suggestionId must be a suggestion id');
    const text = `${own.body} Paldies.`;
    const replied = await sys.http
      .post(`/v1/requests/${r.id}/replies`)
      .set(bearer(ana))
      .send({ body: text, suggestionId: `macro:${own.id}` })
      .expect(200);
    const entry = replied.body.timeline.find((e: { event: string }) => e.event === 'request.replied');
    expect(entry.detail).toMatchObject({ agent: 'sug-ana', body: text, suggestionId: `macro:${own.id}` });
    const customerView = await view(r.id, r.token);
    expect(JSON.stringify(customerView)).toContain('Paldies.');
    expect(JSON.stringify(customerView)).not.toContain('suggestion');
    expect(JSON.stringify(customerView)).not.toContain(own.id);
  });

  it("shows the customer's other requests of the agent's teams only, the licences and the plan", async () => {
    const anna = { id: 'c-1001', email: 'anna@example.lv', country: 'LV', language: 'en' };
    const first = await queued(submission({ customer: anna, licenceKey: 'LIC-ANNA-KAV' }));
    const second = await queued(submission({ customer: anna, licenceKey: 'LIC-ANNA-KAV', subject: 'Another false positive', description: 'It deletes my tool as a trojan again, a false positive.' }));
    const download = await queued(submission({ customer: anna, subject: 'Where can I download the installer?', description: 'How and where do I download the software installer for my computer?' }));
    const stranger = await queued(submission({ customer: { id: 'c-panel-9', email: 'x@example.lv', country: 'LV', language: 'en' } }));
    expect(download.team).not.toBe(first.team);
    const narrow = await addAgent(sys, 'panel-narrow', [first.team]);
    const wide = await addAgent(sys, 'panel-wide', [first.team, download.team]);

    const panel = (await sys.http.get(`/v1/requests/${second.id}/customer`).set(bearer(narrow)).expect(200)).body;
    expect(panel.customer).toMatchObject({ id: 'c-1001', segment: 'home', country: 'LV' });
    expect(panel.company).toBeNull();
    expect(panel.supportPlan).toBe('home-plus');
    expect(panel.licences).toContainEqual(expect.objectContaining({ key: 'LIC-ANNA-KAV', productCode: 'kav', status: 'active', supportPlan: 'home-plus' }));
    const ids = panel.requests.map((x: { id: string }) => x.id);
    expect(ids).toContain(first.id);
    expect(ids).not.toContain(second.id);
    expect(ids).not.toContain(stranger.id);
    expect(ids).not.toContain(download.id); // another team's
    expect(panel.requests.find((x: { id: string }) => x.id === first.id)).toMatchObject({ status: 'queued', clause: first.clause, team: first.team, link: `/v1/requests/${first.id}` });

    const wider = (await sys.http.get(`/v1/requests/${second.id}/customer`).set(bearer(wide)).expect(200)).body;
    expect(wider.requests.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([first.id, download.id]));

    const outsider = await addAgent(sys, 'panel-outsider', [download.team]);
    await sys.http.get(`/v1/requests/${second.id}/customer`).set(bearer(outsider)).expect(404);
    await sys.http.get(`/v1/requests/${second.id}/customer`).set(bearer(second.token)).expect(403);
    await sys.http.get('/v1/requests/req_none/customer').set(bearer(wide)).expect(404);
    const teams = (await sys.http.get('/v1/agent/teams').set(bearer(narrow)).expect(200)).body.items;
    expect(teams).toContainEqual(expect.objectContaining({ id: download.team, segment: 'home' }));
    await sys.http.get('/v1/agent/teams').set(bearer(second.token)).expect(403);
  });

  it("shows a business request's company, its licences and the company's other requests", async () => {
    const body = (subject: string, who: string) =>
      submission({
        customer: { id: who, email: `${who}@acme.example`, country: 'LV', language: 'en' },
        companyId: 'acme',
        licenceKey: 'LIC-ACME-KESB',
        product: { code: 'kesb', version: '12' },
        subject,
        description: 'Kaspersky Endpoint Security deletes our build tool as a trojan; it is a false positive.',
      });
    await sys.http.put('/v1/admin/companies/acme').set(admin()).send({ name: 'Acme', country: 'LV' }).expect(201);
    const a = await queued(body('Endpoint flags our build tool', 'acme-it'));
    const b = await queued(body('Endpoint flags our build tool again', 'acme-dev'));
    const agent = await addAgent(sys, 'panel-biz', [a.team, b.team]);
    const panel = (await sys.http.get(`/v1/requests/${b.id}/customer`).set(bearer(agent)).expect(200)).body;
    expect(panel.company).toEqual({ id: 'acme', name: 'Acme', country: 'LV' });
    expect(panel.licences.map((l: { key: string }) => l.key)).toEqual(['LIC-ACME-KESB']);
    expect(panel.requests.map((x: { id: string }) => x.id)).toEqual([a.id]); // the company's, though another person asked
  });
});
