import 'reflect-metadata';
import { Events, Jobs, Queues, teamQueueName } from '@support/contracts';
import { queuePriority } from '@support/domain';
import { QueueRegistry } from '@support/messaging';
import { addAgent, bearer, claim } from './support/agents';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';
import { alarmJobId } from '../apps/sla/src/sla-timeline';

/**
 * The paid-customer clock end to end, with second-scale targets (minutes may be fractional):
 * alarms fire on time, pauses move deadlines exactly, resolved and unpaid requests fire nothing,
 * the sweeper catches a lost alarm, a breach escalates, a plan change recomputes.
 */
const HOME_TEAMS = ['home-lv', 'home-ee', 'home-malware', 'home-intl', 'home-triage'];
const all = (minutes: number) => ({ '1': minutes, '2': minutes, '3': minutes });
const PLANS = {
  // first response in 3 s (warning at 1.5 s), resolution in 30 s
  'home-plus': { hours: '24x7', firstResponseMinutes: all(0.05), resolutionMinutes: all(0.5), warnAtPercent: 50 },
  // first response in 9 s (warning at 4.5 s)
  quick: { hours: '24x7', firstResponseMinutes: all(0.15), resolutionMinutes: all(0.2), warnAtPercent: 50 },
  relaxed: { hours: '24x7', firstResponseMinutes: all(5), resolutionMinutes: all(10), warnAtPercent: 80 },
  fast: { hours: '24x7', firstResponseMinutes: all(1), resolutionMinutes: all(2), warnAtPercent: 80 },
};
const licence = (customerId: string, supportPlan: string | null) => ({ productCode: 'kav', customerId, status: 'active', validUntil: '2030-12-31', kind: 'commercial', supportPlan });

interface Entry {
  at: string;
  event: string;
  detail: Record<string, any>;
}

describe.each(testDatabases())('SLA clocks for paid customers on %s', (db) => {
  let sys: TestSystem;
  let agent: string;
  let queues: QueueRegistry;

  beforeAll(async () => {
    sys = await startSystem(db, { SLA_SWEEP_EVERY_MS: '500', LEASE_MS: '60000' });
    queues = sys.app.get(QueueRegistry);
    const admin = (path: string, body: unknown) =>
      sys.http
        .put(path)
        .set(bearer(sys.adminKey))
        .send(body as object)
        .expect(200);
    for (const [id, plan] of Object.entries(PLANS)) await admin(`/v1/admin/sla-plans/${id}`, plan);
    await admin('/v1/admin/licences/LIC-QUICK', licence('c-2003', 'quick'));
    await admin('/v1/admin/licences/LIC-RELAXED', licence('c-2002', 'relaxed'));
    agent = await addAgent(sys, 'ana', HOME_TEAMS);
    await addAgent(sys, 'sue', HOME_TEAMS, 'supervisor');
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const view = async (id: string) => (await sys.http.get(`/v1/requests/${id}`).set(bearer(sys.adminKey)).expect(200)).body;
  const entries = (v: { timeline: Entry[] }, event: string) => v.timeline.filter((e) => e.event === event);

  async function submitFor(customerId: string, licenceKey: string | null): Promise<{ id: string; token: string }> {
    const body = submission({ customer: { id: customerId, email: `${customerId}@example.lv`, country: 'LV', language: 'en' }, ...(licenceKey ? { licenceKey } : {}) });
    const res = await sys.http.post('/v1/requests').set(bearer(sys.producerKey)).send(body).expect(202);
    return { id: res.body.requests[0].id, token: res.body.requests[0].customerToken };
  }

  /** Queued, and (with a plan) its clock computed. */
  async function clocked(id: string) {
    return waitFor(async () => {
      const v = await view(id);
      return v.status === 'queued' && v.sla ? v : null;
    }, `request ${id} to be queued with its SLA clock`);
  }

  /** The SLA queue's jobs about a request, in any state. */
  async function slaJobs(id: string) {
    const jobs = await queues.get(Queues.sla).getJobs(['delayed', 'waiting', 'active', 'prioritized', 'completed', 'failed']);
    return jobs.filter((j) => j?.data.requestId === id);
  }

  /** SLA alarm jobs of a request, in any state. */
  async function alarmJobs(id: string) {
    return (await slaJobs(id)).filter((j) => j.name === Jobs.slaAlarm);
  }

  /** Claims (as the only agent) the request and resolves it, leaving the queues clean for the next test. */
  async function finish(id: string) {
    const c = await waitFor(() => claim(sys, agent), `a claim for ${id}`);
    expect(c.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/resolve`).set(bearer(agent)).send({ summary: 'done' }).expect(200);
  }

  it('fires the warning and the breach within a second of their times; the breach escalates', async () => {
    const { id } = await submitFor('c-1001', 'LIC-ANNA-KAV');
    const v0 = await clocked(id);
    expect(v0.sla).toMatchObject({ plan: 'home-plus', hours: '24x7', paused: false, breaches: [], priority: 2 });
    const warnAt = Date.parse(v0.sla.firstResponseWarnAt);
    const dueAt = Date.parse(v0.sla.firstResponseDueAt);
    expect(dueAt - Date.parse(v0.sla.startedAt)).toBe(3000);
    expect(warnAt - Date.parse(v0.sla.startedAt)).toBe(1500);

    // The breach is recorded first, then the stored view follows: wait for both.
    const v = await waitFor(
      async () => {
        const x = await view(id);
        return entries(x, 'sla.breached').length && x.sla?.breaches?.length ? x : null;
      },
      'the first-response breach',
      10_000,
    );
    const [warning] = entries(v, 'sla.warning');
    const [breach] = entries(v, 'sla.breached');
    expect(warning.detail).toMatchObject({ target: 'first-response', warnAt: v0.sla.firstResponseWarnAt, trigger: 'alarm' });
    expect(breach.detail).toMatchObject({ target: 'first-response', dueAt: v0.sla.firstResponseDueAt, trigger: 'alarm', priority: { from: 2, to: 1 } });
    const warningLate = Date.parse(warning.at) - warnAt;
    const breachLate = Date.parse(breach.at) - dueAt;
    expect(warningLate).toBeGreaterThanOrEqual(0);
    expect(warningLate).toBeLessThan(1000);
    expect(breachLate).toBeGreaterThan(0);
    expect(breachLate).toBeLessThan(1000);
    expect(warning.detail.message).toMatch(/close to its home-plus plan's first response deadline/);

    // Escalation: the desk raises the priority 2 → 1 once it hears of the breach (sla.escalation-due), in the
    // team queue too; the supervisors are told; the timeline says so.
    const raised = await waitFor(
      async () => {
        const x = await view(id);
        return x.priority === 1 ? x : null;
      },
      'the desk to raise the priority',
      5_000,
    );
    expect(entries(raised, 'request.escalated').map((e) => e.detail)).toMatchObject([{ target: 'first-response', priority: { from: 2, to: 1 } }]);
    const [escalated] = entries(v, 'sla.escalated');
    expect(escalated.detail).toMatchObject({ target: 'first-response', priority: { from: 2, to: 1 }, team: v.team, supervisors: ['sue'] });
    // The queue follows the database: the job is reprioritised right after the escalation commits.
    const expected = queuePriority(1, new Date(dueAt));
    await waitFor(async () => (await queues.get(teamQueueName(v.team)).getJob(id))?.priority === expected, 'the team-queue job to move up', 5_000);
    const notifications = queues.get(Queues.notifications);
    const note = await notifications.getJob(`${id}.sla.escalated.first-response.${dueAt}`);
    expect(note?.name).toBe('sla.escalated');
    expect(note?.data).toMatchObject({ requestId: id, to: { kind: 'supervisors', id: v.team }, detail: { supervisors: [{ id: 'sue', name: 'sue' }] } });
    expect((await notifications.getJob(`${id}.sla.breached.first-response.${dueAt}`))?.data.body).toMatch(/missed its home-plus plan's first response deadline/);
    expect((await notifications.getJob(`${id}.sla.warning.first-response.${warnAt}`))?.name).toBe('sla.warning');
    expect(v.sla.breaches).toEqual([{ target: 'first-response', dueAt: v0.sla.firstResponseDueAt }]);

    // Each fires once: another evaluation (an event) records nothing new.
    await finish(id);
    const done = await waitFor(async () => {
      const x = await view(id);
      return x.sla?.resolvedAt ? x : null;
    }, 'the clock to stop');
    expect(entries(done, 'sla.breached')).toHaveLength(1);
    expect(entries(done, 'sla.warning')).toHaveLength(1);
    expect(done.sla.nextAlarm).toBeNull();
  });

  it('a pause while awaiting the customer moves the deadline by exactly the paused time', async () => {
    const { id, token } = await submitFor('c-2002', 'LIC-RELAXED');
    const v0 = await clocked(id);
    const resolutionDue0 = Date.parse(v0.sla.resolutionDueAt);
    expect(resolutionDue0 - Date.parse(v0.sla.startedAt)).toBe(10 * 60_000);
    expect((await claim(sys, agent))?.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/replies`).set(bearer(agent)).send({ body: 'Please send the report.', waitForCustomer: true }).expect(200);
    const paused = await waitFor(async () => {
      const x = await view(id);
      return x.sla?.paused ? x : null;
    }, 'the clock to pause');
    expect(paused.sla).toMatchObject({ resolutionDueAt: null, nextAlarm: null });
    expect(paused.sla.firstRespondedAt).toBe(entries(paused, 'request.replied')[0].at);
    await waitFor(async () => (await alarmJobs(id)).length === 0, 'nothing to be pending while paused');

    await new Promise((r) => setTimeout(r, 1200)); // let some paused time pass (measured below, not assumed)
    await sys.http.post(`/v1/requests/${id}/customer-replies`).set(bearer(token)).send({ body: 'Here it is.' }).expect(202);
    const resumed = await waitFor(async () => {
      const x = await view(id);
      return x.sla && !x.sla.paused && x.sla.resolutionDueAt ? x : null;
    }, 'the clock to resume');
    const pausedMs = Date.parse(entries(resumed, 'request.customer-replied')[0].at) - Date.parse(entries(resumed, 'request.awaiting-customer')[0].at);
    expect(pausedMs).toBeGreaterThanOrEqual(1200);
    expect(Date.parse(resumed.sla.resolutionDueAt) - resolutionDue0).toBe(pausedMs);
    expect(resumed.sla.pausedWorkingMinutes * 60_000).toBeCloseTo(pausedMs, 6);
    expect(resumed.sla.nextAlarm).toMatchObject({ kind: 'warning', target: 'resolution' });
    await finish(id);
  });

  it('a resolved request fires nothing', async () => {
    const { id } = await submitFor('c-2003', 'LIC-QUICK');
    const v0 = await clocked(id);
    expect(v0.sla.nextAlarm).toMatchObject({ kind: 'warning', target: 'first-response', at: v0.sla.firstResponseWarnAt });
    await finish(id);
    const done = await waitFor(async () => {
      const x = await view(id);
      return x.sla?.resolvedAt ? x : null;
    }, 'the clock to stop');
    expect(done.sla).toMatchObject({ nextAlarm: null, breaches: [], warnings: [] });
    // Past the times the warning and both breaches were due: nothing was recorded, nothing is pending.
    const latest = Math.max(Date.parse(v0.sla.firstResponseDueAt), Date.parse(v0.sla.resolutionDueAt));
    await waitFor(async () => Date.now() > latest + 1500, 'the deadlines to pass', 30_000, 200);
    const after = await view(id);
    expect(entries(after, 'sla.warning')).toEqual([]);
    expect(entries(after, 'sla.breached')).toEqual([]);
    expect((await alarmJobs(id)).map((j) => j.id)).toEqual([]);
  });

  it('a request without a paid plan has sla: null, no alarm at all, and the SLA worker never hears of it', async () => {
    const { id } = await submitFor('c-4004', null);
    await waitFor(async () => (await view(id)).status === 'queued', 'queued');
    // The routing was published (the notifier has handled it); the SLA queue got no job for it.
    await waitFor(async () => (await queues.get(Queues.notifications).getJob(`${id}.${Events.routed}`))?.finishedOn, 'the notifier to handle the routing');
    const v = await view(id);
    expect(v.sla).toBeNull();
    expect(entries(v, 'sla.warning').concat(entries(v, 'sla.breached'))).toEqual([]);
    await finish(id);
    const resolvedHeard = async () => (await queues.get(Queues.notifications).getJobs(['completed'])).some((j) => j?.name === Events.resolved && j.data.requestId === id);
    await waitFor(resolvedHeard, 'the notifier to handle the resolution');
    expect(await slaJobs(id)).toEqual([]);
  });

  it('the sweeper fires an alarm whose job was deleted', async () => {
    const { id } = await submitFor('c-2003', 'LIC-QUICK');
    const v0 = await clocked(id);
    const alarm = v0.sla.nextAlarm;
    expect(alarm).toMatchObject({ kind: 'warning', target: 'first-response' });
    const job = await waitFor(() => queues.get(Queues.sla).getJob(alarmJobId(id, alarm)), 'the alarm job');
    expect(await job.getState()).toBe('delayed');
    await job.remove();
    expect(await alarmJobs(id)).toEqual([]);

    const v = await waitFor(
      async () => {
        const x = await view(id);
        return entries(x, 'sla.warning').length ? x : null;
      },
      'the swept warning',
      15_000,
    );
    const [warning] = entries(v, 'sla.warning');
    expect(warning.detail).toMatchObject({ target: 'first-response', warnAt: alarm.at, trigger: 'sweep' });
    expect(Date.parse(warning.at)).toBeGreaterThan(Date.parse(alarm.at));
    // After the swept alarm, the next one is scheduled again as usual and fires by itself.
    const breached = await waitFor(
      async () => {
        const x = await view(id);
        return entries(x, 'sla.breached').length ? x : null;
      },
      'the breach',
      15_000,
    );
    expect(entries(breached, 'sla.breached')[0].detail.trigger).toBe('alarm');
    await finish(id);
  });

  it('a plan change on the licence recomputes the open request; losing the plan removes the clock', async () => {
    const { id } = await submitFor('c-2002', 'LIC-RELAXED');
    const v0 = await clocked(id);
    const started = Date.parse(v0.sla.startedAt);
    expect(Date.parse(v0.sla.firstResponseDueAt) - started).toBe(5 * 60_000);

    // Upgrade: the new targets apply as if from the start (elapsed time kept): due = start + 1 min.
    await sys.http.put('/v1/admin/licences/LIC-RELAXED').set(bearer(sys.adminKey)).send(licence('c-2002', 'fast')).expect(200);
    const upgraded = await waitFor(async () => {
      const x = await view(id);
      return x.sla?.plan === 'fast' ? x : null;
    }, 'the upgrade to apply');
    expect(entries(upgraded, 'sla.plan-changed')[0].detail).toMatchObject({ from: 'relaxed', to: 'fast', licenceKey: 'LIC-RELAXED' });
    expect(Date.parse(upgraded.sla.firstResponseDueAt) - started).toBe(60_000);
    expect(Date.parse(upgraded.sla.resolutionDueAt) - started).toBe(120_000);
    expect(upgraded.sla.nextAlarm).toMatchObject({ kind: 'warning', target: 'first-response', at: new Date(started + 48_000).toISOString() });
    // The old alarm is removed right after the view is stored.
    const expected = JSON.stringify([alarmJobId(id, upgraded.sla.nextAlarm)]);
    await waitFor(async () => JSON.stringify((await alarmJobs(id)).map((j) => j.id)) === expected, `only the new alarm ${expected} to be pending`);

    // Plan removed: no obligation, no clock, no alarm.
    await sys.http.put('/v1/admin/licences/LIC-RELAXED').set(bearer(sys.adminKey)).send(licence('c-2002', null)).expect(200);
    const lost = await waitFor(async () => {
      const x = await view(id);
      return x.sla === null ? x : null;
    }, 'the clock to go');
    expect(entries(lost, 'sla.plan-changed').map((e) => e.detail.to)).toEqual(['fast', null]);
    await waitFor(async () => (await alarmJobs(id)).length === 0, 'no alarm to be pending');
    await finish(id);
  });
});
