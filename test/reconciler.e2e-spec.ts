import { eventJobId, Events, Jobs, occurrenceJobId, Queues, teamQueueName } from '@support/contracts';
import { aRequest } from '../libs/domain/src/testing/request-fixture';
import { newId, RequestEntity, RequestStore, type SubmissionEntity } from '@support/persistence';
import { Queue } from 'bullmq';
import { addAgent, bearer, claim } from './support/agents';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

const RULES = '2022-04-07';

/**
 * The reconciler (principle 7: the database is the truth, Redis holds triggers): a request whose
 * stage job was lost is published again, one whose job failed for good is retried, and one that
 * keeps failing is moved aside for operators, who retry it once the cause is fixed.
 */
describe.each(testDatabases())('the reconciler on %s', (db) => {
  let sys: TestSystem;
  let store: RequestStore;
  let licenceCheck: Queue;

  beforeAll(async () => {
    sys = await startSystem(db, { RECONCILE_EVERY_MS: '300', STUCK_AFTER_MS: '1500', RECONCILE_RETRIES: '2' });
    store = sys.app.get(RequestStore);
    licenceCheck = new Queue(Queues.licenceCheck, { connection: { url: sys.settings.redisUrl }, prefix: sys.settings.queuePrefix });
  });
  afterAll(async () => {
    await licenceCheck?.close();
    await sys?.stop();
  });

  /** A request stored exactly as intake stores it, but with no job published: as after a crash. */
  async function storeWithoutJob(rulesVersion = RULES): Promise<string> {
    const body = submission();
    const now = new Date().toISOString();
    const id = newId('req');
    const sub: SubmissionEntity = { id: newId('sub'), producerId: 'web-form', idempotencyKey: null, channel: 'web', receivedAt: now, payload: body, requestIds: [id] };
    const request = Object.assign(
      new RequestEntity(),
      aRequest({ id, submissionId: sub.id, customerId: 'c-lost', customerEmail: 'lost@example.lv', subject: body.subject, description: body.description, rulesVersion, receivedAt: now }),
    );
    await store.createSubmission(sub, [request], () => ({
      stage: 'intake',
      event: 'request.received',
      effectKey: 'intake',
      detail: { submissionId: sub.id, channel: 'web', part: 1, of: 1, rulesVersion },
    }));
    return id;
  }

  /** Its licence-check job, with one attempt: it fails for good at once (the rules version is not loaded). */
  async function failForGood(id: string): Promise<void> {
    await licenceCheck.add(Events.received, { requestId: id }, { jobId: eventJobId(Events.received, id), attempts: 1 });
    await waitFor(async () => (await licenceCheck.getJobState(eventJobId(Events.received, id))) === 'failed', 'the licence-check job to fail', 10_000);
  }

  const queued = (id: string, what: string) =>
    waitFor(
      async () => {
        const r = await store.find(id);
        return r?.status === 'queued' ? r : null;
      },
      what,
      15_000,
    );

  const events = async (id: string) => (await store.timeline(id)).map((e) => e.event);

  it('publishes the lost job of a request stored without one, and it reaches its team queue', async () => {
    const id = await storeWithoutJob();
    const settled = await queued(id, 'the request to reach its team queue');
    expect(settled.teamId).toBe('home-malware');
    expect(await events(id)).toEqual(['request.received', 'request.eligibility-decided', 'request.classified', 'request.routed']);
  });

  it('retries a stage job that failed for good once the cause is gone, and the request reaches its team queue', async () => {
    const id = await storeWithoutJob('1999-01-01');
    await failForGood(id);
    // The cause goes away (the request is judged by a loaded rules version): the failed job is not retried by BullMQ any more.
    await sys.app.get(RequestStore).update(id, { rulesVersion: RULES });
    const settled = await queued(id, 'the retried request to reach its team queue');
    expect(settled.queueJob).toEqual({ queue: 'team-home-malware', id });
    expect(await events(id)).toEqual(['request.received', 'request.eligibility-decided', 'request.classified', 'request.routed']);
    const teamQueue = new Queue('team-home-malware', { connection: { url: sys.settings.redisUrl }, prefix: sys.settings.queuePrefix });
    expect(await teamQueue.getJobState(id)).toMatch(/waiting|prioritized/);
    await teamQueue.close();
  });

  it('moves a request whose job keeps failing aside, lists it for operators, and retries it on request', async () => {
    const id = await storeWithoutJob('1999-01-01');
    await failForGood(id);
    const admin = (r: ReturnType<typeof sys.http.get>) => r.set('Authorization', `Bearer ${sys.adminKey}`);
    const listed = await waitFor(
      async () => {
        const res = await admin(sys.http.get('/v1/admin/stuck')).expect(200);
        return (res.body as { requestId: string }[]).find((s) => s.requestId === id);
      },
      'the request to be moved aside',
      15_000,
    );
    expect(listed).toMatchObject({ requestId: id, status: 'received', job: 'request.received', queue: 'licence-check', retries: 2, lastError: expect.stringContaining('1999-01-01') });
    expect(await licenceCheck.getJobState(eventJobId(Events.received, id))).toBe('failed');
    const metrics = (await sys.http.get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/support_reconciler_repairs_total\{kind="stage-moved-aside"\} [1-9]/);
    expect(metrics).toMatch(/support_reconciler_repairs_total\{kind="stage-retried"\} [1-9]/);
    expect(metrics).toMatch(/support_jobs_exhausted_total\{queue="licence-check",job="request.received"\} [1-9]/);

    // Moved aside, it stays as it is: no more retries.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await admin(sys.http.get('/v1/admin/stuck')).expect(200)).body.find((s: { requestId: string }) => s.requestId === id)?.retries).toBe(2);

    await sys.app.get(RequestStore).update(id, { rulesVersion: RULES });
    await admin(sys.http.post(`/v1/admin/stuck/${id}/retry`)).expect(202);
    await queued(id, 'the request retried by the operator to reach its team queue');
    expect(await events(id)).toEqual(['request.received', 'request.eligibility-decided', 'request.classified', 'request.routed']);
    await waitFor(async () => (await admin(sys.http.get('/v1/admin/stuck')).expect(200)).body.length === 0, 'the stuck list to be empty', 10_000);
    await admin(sys.http.post(`/v1/admin/stuck/${id}/retry`)).expect(404);
    await admin(sys.http.post('/v1/admin/stuck/nope/retry')).expect(404);
    await sys.http.get('/v1/admin/stuck').set('Authorization', `Bearer ${sys.producerKey}`).expect(403);
  });

  /** Claims as `agentKey` until it holds `id` (requests of earlier tests wait in the same team queue). */
  const claimUntil = (agentKey: string, id: string) => waitFor(async () => ((await claim(sys, agentKey))?.request.id === id ? true : null), `a claim of ${id}`, 15_000);

  it('restarts the SLA clock of a paid request whose clock never started', async () => {
    const res = await sys.http
      .post('/v1/requests')
      .set(bearer(sys.producerKey))
      .send(submission({ licenceKey: 'LIC-ANNA-KAV' }))
      .expect(202);
    const id: string = res.body.requests[0].id;
    const clocked = () =>
      waitFor(
        async () => {
          const r = await store.find(id);
          return r?.status === 'queued' && r.sla ? r : null;
        },
        'the request queued with its SLA clock',
        15_000,
      );
    const first = await clocked();
    const sla = new Queue(Queues.sla, { connection: { url: sys.settings.redisUrl }, prefix: sys.settings.queuePrefix });
    try {
      const routed = eventJobId(Events.routed, id);
      await waitFor(async () => (await sla.getJobState(routed)) === 'completed', 'the SLA worker to hear the routing');
      // As if the SLA worker never heard of the routing, and Redis had since dropped its job.
      expect(await sla.remove(routed)).toBe(1);
      await store.update(id, { sla: null, slaNextAlarmAt: null });
      const again = await clocked();
      expect(again.sla?.firstResponseDueAt).toBe(first.sla?.firstResponseDueAt);
    } finally {
      await sla.close();
    }
  });

  it('adds back the lost reminder and auto-close alarms of a request waiting for its customer', async () => {
    const id = await storeWithoutJob();
    await queued(id, 'the request to reach its team queue');
    const agent = await addAgent(sys, `timers-${db}`, ['home-malware']);
    await claimUntil(agent, id);
    await sys.http.post(`/v1/requests/${id}/replies`).set(bearer(agent)).send({ body: 'Please send the log.', waitForCustomer: true }).expect(200);
    const lifecycle = new Queue(Queues.lifecycle, { connection: { url: sys.settings.redisUrl }, prefix: sys.settings.queuePrefix });
    try {
      const alarms = [occurrenceJobId(Jobs.reminderDue, id, 1), occurrenceJobId(Jobs.autoCloseDue, id, 1)];
      for (const jobId of alarms) expect(await lifecycle.remove(jobId)).toBe(1); // as if Redis lost them
      for (const jobId of alarms) await waitFor(() => lifecycle.getJob(jobId), `the alarm ${jobId} to be back`, 15_000);
      expect((await store.find(id))?.status).toBe('awaiting-customer');
    } finally {
      await lifecycle.close();
    }
  });

  it('returns a held request whose job Redis lost to its queue: the lease is gone with the job', async () => {
    const id = await storeWithoutJob();
    await queued(id, 'the request to reach its team queue');
    const agent = await addAgent(sys, `lease-${db}`, ['home-malware']);
    await claimUntil(agent, id);
    const team = new Queue(teamQueueName('home-malware'), { connection: { url: sys.settings.redisUrl }, prefix: sys.settings.queuePrefix });
    try {
      await team.obliterate({ force: true }); // the team queue's data is lost, the held job with it
      const back = await queued(id, 'the request back in its queue');
      expect(back.assigneeId).toBeNull();
      expect(await events(id)).toContain('request.lease-expired');
      const next = await addAgent(sys, `lease-next-${db}`, ['home-malware']);
      await claimUntil(next, id);
    } finally {
      await team.close();
    }
  });
});
