import { addAgent, bearer, claim } from './support/agents';
import { testDatabases } from './support/databases';
import { SEED, submission } from './support/reference-data';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/** Supervisors through the HTTP API: the team picture, ending a lease, returning a request held for an absent agent. */
describe.each(testDatabases())('supervisors on %s', (db) => {
  let sys: TestSystem;
  let team: string;
  let sup: string;
  let ag: string;
  let ag2: string;

  const view = async (id: string) => (await sys.http.get(`/v1/requests/${id}`).set(bearer(sys.adminKey)).expect(200)).body;
  async function queued(n: number): Promise<{ id: string; token: string }> {
    const res = await sys.http
      .post('/v1/requests')
      .set(bearer(sys.producerKey))
      .send(submission({ subject: `False positive ${n}` }))
      .expect(202);
    const { id, customerToken } = res.body.requests[0];
    await waitFor(async () => (await view(id)).status === 'queued', `request ${id} to be queued`);
    return { id, token: customerToken };
  }
  const overview = async (key = sup) => (await sys.http.get(`/v1/supervisor/teams/${team}`).set(bearer(key)).expect(200)).body;
  const ids = (list: { id: string }[]) => list.map((r) => r.id);

  beforeAll(async () => {
    sys = await startSystem(db);
    const first = await queued(0);
    team = (await view(first.id)).team;
    sup = await addAgent(sys, 'sv-sup', [team], 'supervisor');
    ag = await addAgent(sys, 'sv-ag', [team]);
    ag2 = await addAgent(sys, 'sv-ag2', [team]);
    // Start with an empty queue: the first request is only there to learn the team.
    expect((await claim(sys, ag2))?.request.id).toBe(first.id);
    await sys.http.post(`/v1/requests/${first.id}/resolve`).set(bearer(ag2)).send({ summary: 'done' }).expect(200);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('shows the team to its supervisors only, and ends an agent’s lease', async () => {
    await sys.http.get(`/v1/supervisor/teams/${team}`).set(bearer(ag)).expect(403);
    await sys.http.get('/v1/supervisor/teams/business-intl').set(bearer(sup)).expect(404);
    const r = await queued(1);
    expect(ids((await overview()).waiting)).toEqual([r.id]);

    expect((await claim(sys, ag))?.request.id).toBe(r.id);
    const worked = await overview();
    expect(worked.waiting).toEqual([]);
    expect(worked.beingWorked).toEqual([expect.objectContaining({ id: r.id, assignee: 'sv-ag', leaseExpiresAt: expect.any(String) })]);
    expect(worked.agents.find((a: { id: string }) => a.id === 'sv-ag').holds.map((h: { id: string }) => h.id)).toEqual([r.id]);

    await sys.http.post(`/v1/supervisor/requests/${r.id}/release`).set(bearer(ag)).expect(403);
    const released = await sys.http.post(`/v1/supervisor/requests/${r.id}/release`).set(bearer(sup)).expect(200);
    expect(released.body).toMatchObject({ status: 'queued', assignee: null });
    expect(released.body.timeline.at(-1)).toMatchObject({ event: 'request.released', detail: { agent: 'sv-sup' } });
    await sys.http.post(`/v1/agent/claims/${r.id}/renew`).set(bearer(ag)).expect(409);
    await sys.http.post(`/v1/supervisor/requests/${r.id}/release`).set(bearer(sup)).expect(409);
    expect((await claim(sys, ag2))?.request.id).toBe(r.id);
    await sys.http.post(`/v1/requests/${r.id}/resolve`).set(bearer(ag2)).send({ summary: 'done' }).expect(200);
  });

  it('returns a request held for an absent agent to the team queue', async () => {
    const r = await queued(2);
    expect((await claim(sys, ag))?.request.id).toBe(r.id);
    await sys.http.post(`/v1/requests/${r.id}/replies`).set(bearer(ag)).send({ body: 'Which file?', waitForCustomer: true }).expect(200);
    await sys.http.post(`/v1/supervisor/requests/${r.id}/return-to-team`).set(bearer(sup)).expect(409); // waits for the customer, not for the agent
    await sys.http.post(`/v1/requests/${r.id}/customer-replies`).set(bearer(r.token)).send({ body: 'This one.' }).expect(202);
    await waitFor(async () => ids((await overview()).heldForAgents).includes(r.id), 'the request to be held for its agent');
    expect(await claim(sys, ag2)).toBeNull(); // it waits for sv-ag only

    const back = await sys.http.post(`/v1/supervisor/requests/${r.id}/return-to-team`).set(bearer(sup)).expect(200);
    expect(back.body).toMatchObject({ status: 'queued', assignee: null });
    expect(back.body.timeline.at(-1)).toMatchObject({ event: 'request.returned-to-team', detail: { agent: 'sv-ag', by: 'sv-sup', team } });
    await sys.http.post(`/v1/supervisor/requests/${r.id}/return-to-team`).set(bearer(sup)).expect(409);
    expect(ids((await overview()).waiting)).toEqual([r.id]);
    expect((await claim(sys, ag2))?.request.id).toBe(r.id);
    expect(await claim(sys, ag)).toBeNull(); // nothing left in sv-ag's own queue
  });

  it('reassigns a waiting or claimed request to one agent of the team', async () => {
    const r = await queued(4);
    const reassign = (agent: string, key = sup) => sys.http.post(`/v1/supervisor/requests/${r.id}/reassign`).set(bearer(key)).send({ agent });
    await reassign('sv-ag', ag).expect(403);
    expect(JSON.stringify((await reassign('nobody').expect(400)).body)).toContain('not an agent of team');
    const toAg = await reassign('sv-ag').expect(200);
    expect(toAg.body).toMatchObject({ status: 'queued', assignee: 'sv-ag' });
    expect(toAg.body.timeline.at(-1)).toMatchObject({ event: 'request.reassigned', detail: { by: 'sv-sup', from: null, to: 'sv-ag' } });
    await reassign('sv-ag').expect(400);
    expect(await claim(sys, ag2)).toBeNull(); // it waits for sv-ag only
    expect((await claim(sys, ag))?.request.id).toBe(r.id);
    const toAg2 = await reassign('sv-ag2').expect(200); // taken from sv-ag's hands
    expect(toAg2.body).toMatchObject({ status: 'queued', assignee: 'sv-ag2' });
    await sys.http.post(`/v1/agent/claims/${r.id}/renew`).set(bearer(ag)).expect(409);
    expect((await claim(sys, ag2))?.request.id).toBe(r.id);
    await sys.http.post(`/v1/requests/${r.id}/resolve`).set(bearer(ag2)).send({ summary: 'done' }).expect(200);
    await reassign('sv-ag').expect(409);
  });

  it("gives a request held for its agent to the team by itself after the team's RETURN_TO_TEAM_AFTER", async () => {
    const seed = SEED.teams.find((t) => t.id === team)!;
    const put = await sys.http
      .put(`/v1/admin/teams/${team}`)
      .set(bearer(sys.adminKey))
      .send({ ...seed, id: undefined, calendar: null, returnToTeamAfterMs: 1500 })
      .expect(200);
    expect(put.body.returnToTeamAfterMs).toBe(1500);
    await sys.http
      .put(`/v1/admin/teams/${team}`)
      .set(bearer(sys.adminKey))
      .send({ ...seed, id: undefined, calendar: null, returnToTeamAfterMs: 5 })
      .expect(400);
    const r = await queued(3);
    expect((await claim(sys, ag))?.request.id).toBe(r.id);
    await sys.http.post(`/v1/requests/${r.id}/replies`).set(bearer(ag)).send({ body: 'Which file?', waitForCustomer: true }).expect(200);
    await sys.http.post(`/v1/requests/${r.id}/customer-replies`).set(bearer(r.token)).send({ body: 'This one.' }).expect(202);
    expect(await claim(sys, ag2)).toBeNull(); // held for sv-ag at first
    const back = await waitFor(
      async () => {
        // the row and its timeline are read one after the other: wait until both show the return
        const v = await view(r.id);
        return v.assignee === null && v.timeline.some((e: { event: string }) => e.event === 'request.returned-to-team') ? v : null;
      },
      'the request to return to the team by itself',
      10_000,
    );
    expect(back).toMatchObject({ status: 'queued', assignee: null });
    expect(back.timeline.at(-1)).toMatchObject({ event: 'request.returned-to-team', detail: { agent: 'sv-ag', by: 'timer', team } });
    expect((await claim(sys, ag2))?.request.id).toBe(r.id);
  });
});
