import { Injectable, Logger } from '@nestjs/common';
import { Events, type NotificationData } from '@support/contracts';
import { ALWAYS_OPEN, type CalendarSpec, computeSlaClock, escalatedPriority, queueDeadline, slaBreach, type SlaPlan, type SlaView, slaWarning } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { type RequestEntity, ReferenceStore, RequestStore } from '@support/persistence';
import { UnrecoverableError } from 'bullmq';
import { SlaAlarms } from './sla-alarms';
import { type AlarmDetail, alarmNotification, breachMessage, escalationNotification, warningMessage } from './sla-notifications';
import { alarmJobId, alarmsToFire, CLOCK_EVENTS, currentTeam, type DueAlarm, plansNeeded, SlaEntries, slaEvents, slaView, teamsNeeded, type TimelineFact } from './sla-timeline';

export interface SlaOutcome {
  requestId: string;
  /** false: no clock (no paid plan, not routed yet) */
  clock: boolean;
  nextAlarm: string | null;
  /** effect keys of the warnings/breaches this evaluation recorded */
  fired: string[];
}

/**
 * Notifications of warnings/breaches recorded this recently are sent again on every evaluation
 * (their job ids are deterministic, so this adds nothing unless a crash between the commit and the
 * publish lost them: principle 2's "re-emit").
 */
const REEMIT_WINDOW_MS = 3600_000;

/**
 * The SLA clock of one request, recomputed from the database every time (never from counters or
 * from what an alarm job says): loads the request, its timeline, the plans and team calendars it
 * needs, computes the clock as of now, records warnings and breaches that happened (each once,
 * by its effect key; a breach escalates), stores the view in `requests.sla` with
 * `slaNextAlarmAt`, moves its team-queue job to its deadline, and (re)schedules its alarm.
 */
@Injectable()
export class SlaClockService {
  private readonly logger = new Logger('sla');

  constructor(
    private readonly store: RequestStore,
    private readonly reference: ReferenceStore,
    private readonly publisher: EventPublisher,
    private readonly alarms: SlaAlarms,
  ) {}

  /**
   * Evaluates until the view is computed from the latest history: when a clock event was appended
   * while we computed (events of one request run concurrently), the view we stored may be stale,
   * so we compute again; the last writer therefore always saw the latest events.
   */
  async evaluate(requestId: string, trigger: string): Promise<SlaOutcome> {
    const fired: string[] = [];
    let outcome: SlaOutcome = { requestId, clock: false, nextAlarm: null, fired };
    for (let round = 0; round < 5; round++) {
      const { asOf, ...result } = await this.evaluateOnce(requestId, trigger);
      fired.push(...result.fired);
      outcome = { ...result, fired };
      if (asOf === null || (await this.store.latestTimelineId(requestId, CLOCK_EVENTS)) === asOf) break;
    }
    return outcome;
  }

  /** `asOf`: the latest clock event the evaluation saw; null when no later event can change its answer. */
  private async evaluateOnce(requestId: string, trigger: string): Promise<SlaOutcome & { asOf: number | null }> {
    const request = await this.store.find(requestId);
    if (!request) throw new UnrecoverableError(`request ${requestId} does not exist`);
    // [sla]: no paid plan, no clock at all (and no alarm); a plan added later comes with its own
    // evaluation (licence.changed). A removed plan removes the clock.
    if (!request.supportPlan) return (await this.clear(request), { requestId, clock: false, nextAlarm: null, fired: [], asOf: null });

    const rows = await this.store.timeline(requestId);
    const timeline: readonly TimelineFact[] = rows;
    const asOf = Math.max(0, ...rows.filter((e) => CLOCK_EVENTS.includes(e.event)).map((e) => e.id));
    const none = { requestId, clock: false, nextAlarm: null, fired: [], asOf };

    const plans = new Map<string, SlaPlan>();
    for (const id of plansNeeded(request, timeline)) {
      const plan = await this.reference.slaPlan(id);
      // A configuration gap (like a missing team for routing): retried with backoff until an admin adds it.
      if (!plan) throw new Error(`SLA plan "${id}" of request ${requestId} is not defined (PUT /v1/admin/sla-plans/${id})`);
      plans.set(id, plan);
    }
    const calendars = new Map<string, CalendarSpec>();
    // Only business-hours plans count on the team's calendar; 24x7 plans need none.
    const business = [...plans.values()].some((p) => p.hours === 'business');
    for (const teamId of teamsNeeded(timeline)) calendars.set(teamId, business ? await this.teamCalendar(teamId) : ALWAYS_OPEN);

    const events = slaEvents(request, timeline, { plans, calendars });
    if (!events) return (await this.clear(request), none); // not routed yet: the clock starts with routing
    const now = new Date();
    const state = computeSlaClock(events, now);
    if (state.plan === null) return (await this.clear(request), none);

    const plan = plans.get(state.plan) as SlaPlan;
    const team = currentTeam(timeline);
    const view = slaView(state, plan, team, team ? (calendars.get(team) as CalendarSpec) : ALWAYS_OPEN, request.receivedAt);

    // Warnings and breaches that happened and are not recorded yet: each once (effect key).
    const due = alarmsToFire(state, new Set(timeline.map((e) => e.effectKey).filter((k): k is string => !!k)));
    const fired: string[] = [];
    const current = request;
    for (const alarm of due) {
      if (await this.record(current, alarm, view, trigger)) fired.push(alarm.effectKey);
    }
    // Re-emit what was recorded lately (after a crash between commit and publish); no-op otherwise.
    for (const e of timeline) {
      if ((e.event === 'sla.warning' || e.event === 'sla.breached') && Date.parse(e.at) >= now.getTime() - REEMIT_WINDOW_MS) {
        await this.notify(current, e.event === 'sla.breached' ? 'breach' : 'warning', e.detail);
      }
    }

    // The view, then the alarm (a crash in between leaves slaNextAlarmAt for the sweeper).
    const nextAlarmAt = view.nextAlarm?.at ?? null;
    if (JSON.stringify(request.sla) !== JSON.stringify(view) || request.slaNextAlarmAt !== nextAlarmAt) {
      await this.store.update(requestId, { sla: view, slaNextAlarmAt: nextAlarmAt });
    }
    // The desk owns the queues: it raises the priority of a breached request, and re-places a waiting one whose deadline moved.
    if (fired.some((key) => key.startsWith(SlaEntries.breached))) await this.tellDesk(Events.escalationDue, requestId, view, rows.length);
    else if (current.status === 'queued' && queueDeadline(request.sla)?.getTime() !== queueDeadline(view)?.getTime()) await this.tellDesk(Events.slaClockChanged, requestId, view, rows.length);
    const previous = (request.sla as SlaView | null)?.nextAlarm ?? null;
    if (view.nextAlarm) await this.alarms.schedule(requestId, view.nextAlarm);
    if (previous && (!view.nextAlarm || alarmJobId(requestId, previous) !== alarmJobId(requestId, view.nextAlarm))) {
      await this.alarms.cancel(requestId, previous);
    }
    return { requestId, clock: true, nextAlarm: nextAlarmAt, fired, asOf };
  }

  /** The calendar a team's business hours are counted on; a team without one works around the clock. */
  private async teamCalendar(teamId: string): Promise<CalendarSpec> {
    const team = await this.reference.team(teamId);
    if (!team) throw new Error(`team "${teamId}" is not defined`);
    if (!team.calendar) return ALWAYS_OPEN;
    const calendar = await this.reference.calendar(team.calendar);
    if (!calendar) throw new Error(`calendar "${team.calendar}" of team "${teamId}" is not defined (PUT /v1/admin/calendars/${team.calendar})`);
    return calendar;
  }

  /** No clock: no view, no alarm. */
  private async clear(request: RequestEntity): Promise<void> {
    const previous = (request.sla as SlaView | null)?.nextAlarm ?? null;
    if (request.sla !== null || request.slaNextAlarmAt !== null) await this.store.update(request.id, { sla: null, slaNextAlarmAt: null });
    if (previous) await this.alarms.cancel(request.id, previous);
  }

  /** Records one warning or breach; a breach escalates (priority up one level, supervisors told). */
  private async record(request: RequestEntity, alarm: DueAlarm, view: SlaView, trigger: string): Promise<boolean> {
    const dueAt = alarm.kind === 'breach' ? alarm.at.toISOString() : alarm.target === 'first-response' ? view.firstResponseDueAt : view.resolutionDueAt;
    if (alarm.kind === 'warning') {
      const detail: AlarmDetail = {
        target: alarm.target,
        plan: view.plan,
        team: view.team,
        dueAt,
        warnAt: alarm.at.toISOString(),
        priority: { from: request.priority, to: request.priority },
        trigger,
        message: warningMessage(request, alarm.target, view.plan, dueAt),
      };
      const applied = await this.store.apply(request.id, slaWarning(request, alarm.effectKey, detail));
      await this.notify(request, 'warning', detail);
      return applied;
    }
    const from = request.priority;
    const to = escalatedPriority(from);
    const supervisors = view.team ? (await this.reference.agentsOf(view.team, 'supervisor')).map((a) => ({ id: a.id, name: a.name })) : [];
    const detail: AlarmDetail = {
      target: alarm.target,
      plan: view.plan,
      team: view.team,
      dueAt,
      priority: { from, to },
      supervisors,
      trigger,
      message: breachMessage(request, alarm.target, view.plan, dueAt as string, from, to),
    };
    const escalation = { target: alarm.target, dueAt, team: view.team, priority: { from, to }, supervisors: supervisors.map((s) => s.id) };
    const applied = await this.store.apply(request.id, slaBreach(request, alarm.effectKey, detail, escalation));
    if (applied) this.logger.warn({ requestId: request.id, target: alarm.target, dueAt, priority: to }, 'SLA breached: escalated');
    await this.notify(request, 'breach', detail);
    return applied;
  }

  /** The notifications of a recorded warning / breach, with deterministic job ids (sent at most once each). */
  private async notify(request: RequestEntity, kind: 'warning' | 'breach', detail: AlarmDetail): Promise<void> {
    const at = Date.parse((kind === 'warning' ? detail.warnAt : detail.dueAt) as string);
    const id = (name: string) => `${request.id}.${name}.${detail.target}.${at}`;
    const send = (name: typeof Events.slaWarning | typeof Events.slaBreached | typeof Events.slaEscalated, data: NotificationData) => this.publisher.publish(name, data, { jobId: id(name) });
    if (kind === 'warning') return send(Events.slaWarning, alarmNotification(request, 'warning', detail));
    await send(Events.slaBreached, alarmNotification(request, 'breach', detail));
    await send(Events.slaEscalated, escalationNotification(request, detail));
  }

  /** Tells the desk that what orders the request in its queue changed (one job per deadline and history length). */
  private async tellDesk(event: typeof Events.slaClockChanged | typeof Events.escalationDue, requestId: string, view: SlaView, historyLength: number): Promise<void> {
    await this.publisher.publish(event, { requestId }, { key: `${requestId}.${queueDeadline(view)?.getTime() ?? 'none'}.${historyLength}` });
  }
}
