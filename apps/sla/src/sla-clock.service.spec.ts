import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { entriesOf, Events, eventJobId, Jobs, Queues } from '@support/contracts';
import { planChange, routingTransition } from '@support/domain';
import { AgentEntity, newId, type RequestEntity, SlaPlanEntity, TeamEntity } from '@support/persistence';
import type { Job } from 'bullmq';
import { testDatabases } from '../../../test/support/databases';
import { type ServiceHarness, serviceHarness } from '../../../test/support/service-harness';
import { SlaAlarms } from './sla-alarms';
import { SlaClockService } from './sla-clock.service';
import { alarmEffectKey, alarmJobId } from './sla-timeline';

const MINUTE = 60_000;
const TEAM = 'home-intl';
// The demo seed's premium plan: around the clock, priority 3 answered within 2 h and solved within 2 days; warnings at 80 %.
const PREMIUM = { id: 'premium', hours: '24x7', firstResponseMinutes: { '1': 30, '2': 60, '3': 120 }, resolutionMinutes: { '1': 480, '2': 1440, '3': 2880 }, warnAtPercent: 80 } as const;

const iso = (ms: number) => new Date(ms).toISOString();

describe.each(testDatabases())('SlaClockService.evaluate (%s, real Redis)', (db) => {
  let h: ServiceHarness;
  let clock: SlaClockService;

  beforeAll(async () => {
    Logger.overrideLogger(false); // the breach's warning log line is not what these tests look at
    h = await serviceHarness(db, 'sla-clock-spec');
    clock = new SlaClockService(h.store, h.reference, h.publisher, new SlaAlarms(h.publisher));
    await h.reference.put(SlaPlanEntity, { ...PREMIUM, firstResponseMinutes: { ...PREMIUM.firstResponseMinutes }, resolutionMinutes: { ...PREMIUM.resolutionMinutes } });
    // No calendar: the team works around the clock, so due times do not depend on when the test runs.
    await h.reference.put(TeamEntity, { id: TEAM, segment: 'home', countries: ['*'], languages: ['en'], skills: [], calendar: null });
    await h.reference.put(AgentEntity, { id: 'sue', name: 'Sue', teams: [TEAM], role: 'supervisor', email: null });
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A request past the licence check (with the plan it found) and classification, received `ageMs` ago. */
  const classified = (supportPlan: string | null, ageMs = 0) =>
    h.insertRequest({
      status: 'classifying',
      receivedAt: iso(Date.now() - ageMs),
      supportPlan,
      eligibility: { decision: 'supported', clauses: ['4.5a'], reason: 'valid licence', supportPlan, licenceProblem: null },
      classification: { clause: '4.1.2a', scope: 'included', confidence: 0.9, caveats: [] },
    });

  /** Routing's real transition, stored: the request is queued in the team at priority 3. */
  async function routed(supportPlan: string | null, ageMs = 0): Promise<RequestEntity> {
    const request = await classified(supportPlan, ageMs);
    const route = { teamId: TEAM, reason: 'test', fallback: false, clauses: ['2.2'], priority: 3, priorityReason: 'default' };
    expect(await h.store.apply(request.id, routingTransition(request, route, { queue: `team-${TEAM}`, id: request.id }, null))).toBe(true);
    return h.request(request.id);
  }

  /** The jobs of a queue about one request (any state). */
  async function jobsAbout(queue: string, requestId: string): Promise<Job[]> {
    const jobs = await h.queues.get(queue).getJobs(['wait', 'delayed', 'prioritized', 'active', 'completed', 'failed']);
    return jobs.filter((j) => j.data?.requestId === requestId);
  }

  it("reads the id of a request's latest timeline entry among some events, 0 when it has none of them", async () => {
    const request = await routed('premium');
    const routedEntry = (await h.store.timeline(request.id)).find((e) => e.event === 'request.routed')!;
    expect(await h.store.latestTimelineId(request.id, ['request.routed', 'request.assigned'])).toBe(Number(routedEntry.id));
    expect(await h.store.latestTimelineId(request.id, ['request.assigned'])).toBe(0);
    expect(await h.store.latestTimelineId('no-such-request', ['request.routed'])).toBe(0);
  });

  it('gives a request without a paid plan no clock and no alarm', async () => {
    const request = await routed(null);

    const outcome = await clock.evaluate(request.id, 'request.routed');

    expect(outcome).toEqual({ requestId: request.id, clock: false, nextAlarm: null, fired: [] });
    expect(await h.request(request.id)).toMatchObject({ sla: null, slaNextAlarmAt: null });
    expect(await jobsAbout(Queues.sla, request.id)).toEqual([]);
    expect(await jobsAbout(Queues.lifecycle, request.id)).toEqual([]);
  });

  it('starts no clock for a paid request that is not routed yet', async () => {
    const request = await classified('premium');

    expect(await clock.evaluate(request.id, 'request.classified')).toMatchObject({ clock: false, nextAlarm: null });
    expect((await h.request(request.id)).sla).toBeNull();
    expect(await jobsAbout(Queues.sla, request.id)).toEqual([]);
  });

  it('gives a routed paid request its due times, stores them and schedules the next alarm', async () => {
    const request = await routed('premium');
    const received = Date.parse(request.receivedAt);
    const warnAt = iso(received + 96 * MINUTE); // 80 % of 120 min

    const before = Date.now();
    const outcome = await clock.evaluate(request.id, 'request.routed');

    expect(outcome).toEqual({ requestId: request.id, clock: true, nextAlarm: warnAt, fired: [] });
    const stored = await h.request(request.id);
    expect(stored.sla).toMatchObject({
      plan: 'premium',
      hours: '24x7',
      team: TEAM,
      priority: 3,
      startedAt: request.receivedAt,
      firstResponseDueAt: iso(received + 120 * MINUTE),
      resolutionDueAt: iso(received + 2880 * MINUTE),
      firstResponseWarnAt: warnAt,
      resolutionWarnAt: iso(received + 2304 * MINUTE),
      firstRespondedAt: null,
      paused: false,
      breaches: [],
      warnings: [],
      nextAlarm: { kind: 'warning', target: 'first-response', at: warnAt },
    });
    expect(stored.slaNextAlarmAt).toBe(warnAt);
    // One delayed alarm job, due at the warning, whose id encodes it.
    const alarm = await h.job(Queues.sla, alarmJobId(request.id, { kind: 'warning', target: 'first-response', at: warnAt }));
    expect(alarm).toMatchObject({ name: Jobs.slaAlarm, data: { requestId: request.id, kind: 'warning', target: 'first-response', at: warnAt } });
    expect(await alarm!.getState()).toBe('delayed');
    expect(alarm!.delay).toBeGreaterThan(Date.parse(warnAt) - before - 5000);
    expect(alarm!.delay).toBeLessThanOrEqual(Date.parse(warnAt) - before);
    // The desk is told that the request now has a deadline to be ordered by.
    const changed = (await jobsAbout(Queues.lifecycle, request.id)).filter((j) => j.name === Events.slaClockChanged);
    expect(changed).toHaveLength(1);
    // Nothing has happened yet: no warning or breach on the timeline.
    expect((await h.timeline(request.id)).map((e) => e.event)).toEqual(['request.received', 'request.routed']);

    // Evaluating again changes nothing and adds no job.
    expect(await clock.evaluate(request.id, 'sla.alarm-due')).toEqual(outcome);
    expect(await jobsAbout(Queues.sla, request.id)).toHaveLength(1);
    expect((await jobsAbout(Queues.lifecycle, request.id)).filter((j) => j.name === Events.slaClockChanged)).toHaveLength(1);
  });

  it('records a breach once, escalates it and publishes sla.escalation-due for the desk', async () => {
    const request = await routed('premium', 3 * 3600_000); // received 3 h ago: the 2 h first response is overdue
    const dueAt = iso(Date.parse(request.receivedAt) + 120 * MINUTE);
    const breachKey = alarmEffectKey('breach', 'first-response', new Date(dueAt));

    const first = await clock.evaluate(request.id, 'sla.alarm-due');

    expect(first).toMatchObject({ clock: true, fired: [breachKey] });
    let timeline = await h.timeline(request.id);
    const [breach] = entriesOf(timeline, 'sla.breached');
    expect(breach).toMatchObject({
      stage: 'sla',
      detail: { target: 'first-response', plan: 'premium', team: TEAM, dueAt, priority: { from: 3, to: 2 }, supervisors: [{ id: 'sue', name: 'Sue' }], trigger: 'sla.alarm-due' },
    });
    expect(breach.effectKey).toBe(breachKey);
    expect(entriesOf(timeline, 'sla.escalated').map((e) => e.detail)).toEqual([{ target: 'first-response', dueAt, team: TEAM, priority: { from: 3, to: 2 }, supervisors: ['sue'] }]);
    // The warning of the same target is not recorded once its breach is.
    expect(entriesOf(timeline, 'sla.warning')).toEqual([]);
    const stored = await h.request(request.id);
    expect(stored.sla?.breaches).toEqual([{ target: 'first-response', dueAt }]);
    expect(stored.sla?.nextAlarm).toEqual({ kind: 'warning', target: 'resolution', at: iso(Date.parse(request.receivedAt) + 2304 * MINUTE) });
    expect(stored.slaNextAlarmAt).toBe(stored.sla?.nextAlarm?.at);
    // The desk raises the priority and re-places the request (sla.escalation-due on the lifecycle queue); supervisors are notified.
    const due = (await jobsAbout(Queues.lifecycle, request.id)).filter((j) => j.name === Events.escalationDue);
    expect(due).toHaveLength(1);
    expect(due[0].data).toEqual({ requestId: request.id });
    const at = Date.parse(dueAt);
    expect(await h.job(Queues.notifications, `${request.id}.sla.breached.first-response.${at}`)).toMatchObject({ name: Events.slaBreached });
    expect(await h.job(Queues.notifications, `${request.id}.sla.escalated.first-response.${at}`)).toMatchObject({ name: Events.slaEscalated });
    expect(await h.job(Queues.sla, alarmJobId(request.id, stored.sla!.nextAlarm!))).not.toBeNull();

    // A second evaluation (a redelivered alarm) records nothing more and publishes nothing new.
    const second = await clock.evaluate(request.id, 'sla.alarm-due');

    expect(second).toMatchObject({ clock: true, fired: [] });
    timeline = await h.timeline(request.id);
    expect(entriesOf(timeline, 'sla.breached')).toHaveLength(1);
    expect(entriesOf(timeline, 'sla.escalated')).toHaveLength(1);
    expect((await jobsAbout(Queues.lifecycle, request.id)).map((j) => j.name)).toEqual([Events.escalationDue]);
  });

  it('clears the view and cancels the alarm when the plan is removed', async () => {
    const request = await routed('premium');
    await clock.evaluate(request.id, 'request.routed');
    const withClock = await h.request(request.id);
    const alarmId = alarmJobId(request.id, withClock.sla!.nextAlarm!);
    expect(await h.job(Queues.sla, alarmId)).not.toBeNull();

    // The licence check's real transition: the licence is gone, so is the plan.
    const change = planChange(withClock, 'LIC-GONE', null, 0, new Date())!;
    expect(change.patch.supportPlan).toBeNull();
    await h.store.apply(request.id, change);
    await h.publisher.emit(request, change.emits);
    expect(await h.job(Queues.sla, eventJobId(Events.planChanged, `${request.id}.1`))).not.toBeNull();

    const outcome = await clock.evaluate(request.id, Events.planChanged);

    expect(outcome).toEqual({ requestId: request.id, clock: false, nextAlarm: null, fired: [] });
    expect(await h.request(request.id)).toMatchObject({ supportPlan: null, sla: null, slaNextAlarmAt: null });
    expect(await h.job(Queues.sla, alarmId)).toBeNull();
    expect(entriesOf(await h.timeline(request.id), 'sla.plan-changed').map((e) => e.detail)).toEqual([{ from: 'premium', to: null, licenceKey: 'LIC-GONE', reason: 'licence removed' }]);
  });

  it('refuses to evaluate a request that does not exist', async () => {
    await expect(clock.evaluate(newId('req'), 'sla.alarm-due')).rejects.toThrow(/does not exist/);
  });
});
