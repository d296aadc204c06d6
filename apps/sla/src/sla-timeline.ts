/**
 * From a request's timeline to its SLA clock, and from the clock to what must happen: pure
 * functions (no Nest, no database, no Redis), unit-tested in sla-timeline.spec.ts.
 *
 * Which timeline events drive the clock (libs/domain/src/sla/sla.ts has the clock's semantics):
 *   - the clock starts at the request's receipt (`receivedAt`: the customer waits from then), with
 *     the priority and the team (hence calendar, rule 2.2) that routing gave it. A request that
 *     was never routed (declined, or still in the pipeline) has no clock yet;
 *   - a later `request.routed` naming another team or priority changes the calendar / priority;
 *   - `request.replied` = the first response (the clock counts only the first);
 *   - `request.awaiting-customer` pauses, `request.customer-replied` resumes;
 *   - `request.resolved` stops it, `request.reopened` restarts the resolution target;
 *   - `request.closed` and `request.declined` stop it for good;
 *   - `sla.plan-changed` (written by the SLA worker when a licence's plan changes) switches plans:
 *     the new plan applies from the change on, elapsed working time kept; `to: null` removes the
 *     clock and its history.
 * Escalation (a breach raising the queue priority) does NOT change the targets: the obligation is
 * the plan's target for the priority the request was classified with; a breach must not shorten
 * the time left on the other target.
 */
import { entriesOf, type TimelineDetails, type TimelineEventName, type TimelineRecord } from '@support/contracts';
import { ALWAYS_OPEN, type CalendarSpec, type SlaAlarm, type SlaClockState, type SlaEvent, type SlaPlan, type SlaTarget, type SlaView } from '@support/domain';

/** Timeline events written by the SLA worker. */
export const SlaEntries = {
  warning: 'sla.warning',
  breached: 'sla.breached',
  escalated: 'sla.escalated',
  planChanged: 'sla.plan-changed',
} as const;

/** The timeline events the clock is computed from (a newer one of these makes a computed view stale). */
export const CLOCK_EVENTS: readonly string[] = [
  'request.routed',
  'request.replied',
  'request.awaiting-customer',
  'request.customer-replied',
  'request.resolved',
  'request.reopened',
  'request.closed',
  'request.declined',
  SlaEntries.planChanged,
];

/** A timeline entry as the clock reads it: typed by its event (libs/contracts/src/timeline.ts). */
export type TimelineFact = { [E in TimelineEventName]: { at: string; event: E; detail: TimelineDetails[E]; effectKey?: string | null } }[TimelineEventName];

export interface ClockRequest {
  receivedAt: string;
  /** the plan in force now (kept in step with the last sla.plan-changed entry) */
  supportPlan: string | null;
}

const routings = (timeline: readonly TimelineFact[]) => entriesOf(timeline as TimelineRecord[], 'request.routed');
const planChanges = (timeline: readonly TimelineFact[]) => entriesOf(timeline as TimelineRecord[], 'sla.plan-changed');

const clockFacts = (timeline: readonly TimelineFact[]) => timeline.filter((e) => CLOCK_EVENTS.includes(e.event));

/** The plan the request started with: the `from` of its first plan change, else the current plan. */
export function initialPlanId(request: ClockRequest, timeline: readonly TimelineFact[]): string | null {
  const [change] = planChanges(timeline);
  return change ? change.detail.from : request.supportPlan;
}

/** Every plan id the clock needs (to load their definitions). */
export function plansNeeded(request: ClockRequest, timeline: readonly TimelineFact[]): string[] {
  const ids = new Set<string>();
  const first = initialPlanId(request, timeline);
  if (first) ids.add(first);
  for (const e of planChanges(timeline)) if (e.detail.to) ids.add(e.detail.to);
  return [...ids];
}

/** Every team whose calendar the clock needs. */
export function teamsNeeded(timeline: readonly TimelineFact[]): string[] {
  return [...new Set(routings(timeline).map((e) => e.detail.team))];
}

export interface ClockContext {
  plans: ReadonlyMap<string, SlaPlan>;
  /** team id → its calendar; a team without a calendar works around the clock (ALWAYS_OPEN) */
  calendars: ReadonlyMap<string, CalendarSpec>;
}

/**
 * The clock's events, or null when there is no clock to compute (never routed). Throws when a
 * plan or calendar it needs is missing from the context.
 */
export function slaEvents(request: ClockRequest, timeline: readonly TimelineFact[], ctx: ClockContext): SlaEvent[] | null {
  const facts = clockFacts(timeline);
  const routed = facts.find((e) => e.event === 'request.routed');
  if (!routed) return null;
  const plan = (id: string | null): SlaPlan | null => {
    if (id === null) return null;
    const p = ctx.plans.get(id);
    if (!p) throw new Error(`SLA plan "${id}" is not defined (PUT /v1/admin/sla-plans/${id})`);
    return p;
  };
  const calendar = (team: string): CalendarSpec => {
    const c = ctx.calendars.get(team);
    if (!c) throw new Error(`no calendar known for team "${team}"`);
    return c;
  };
  if (routed.event !== 'request.routed') return null;
  let team = routed.detail.team;
  let priority = routed.detail.priority;
  const events: SlaEvent[] = [{ at: new Date(request.receivedAt), kind: 'started', plan: plan(initialPlanId(request, timeline)), priority, calendar: calendar(team) }];
  let routedSeen = false;
  for (const e of facts) {
    const at = new Date(e.at);
    switch (e.event) {
      case 'request.routed': {
        if (!routedSeen) {
          routedSeen = true;
          break;
        }
        const nextTeam = e.detail.team;
        const nextPriority = e.detail.priority;
        if (nextTeam !== team) events.push({ at, kind: 'calendar-changed', calendar: calendar(nextTeam) });
        if (nextPriority !== priority) events.push({ at, kind: 'priority-changed', priority: nextPriority });
        team = nextTeam;
        priority = nextPriority;
        break;
      }
      case 'request.replied':
        events.push({ at, kind: 'first-response' });
        break;
      case 'request.awaiting-customer':
        events.push({ at, kind: 'paused' });
        break;
      case 'request.customer-replied':
        events.push({ at, kind: 'resumed' });
        break;
      case 'request.resolved':
      case 'request.closed':
      case 'request.declined':
        events.push({ at, kind: 'resolved' });
        break;
      case 'request.reopened':
        events.push({ at, kind: 'reopened' });
        break;
      case SlaEntries.planChanged:
        events.push({ at, kind: 'plan-changed', plan: plan(e.detail.to) });
        break;
    }
  }
  return events;
}

/** The team handling the request now (the last routing). */
export function currentTeam(timeline: readonly TimelineFact[]): string | null {
  const routed = routings(timeline);
  return routed.length ? routed[routed.length - 1].detail.team : null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function slaView(state: SlaClockState, plan: SlaPlan, team: string | null, teamCalendar: CalendarSpec, startedAt: string): SlaView {
  return {
    plan: plan.id,
    hours: plan.hours,
    team,
    calendar: plan.hours === '24x7' || teamCalendar === ALWAYS_OPEN ? '24x7' : (teamCalendar.id ?? 'team'),
    priority: state.priority,
    startedAt,
    firstResponseDueAt: iso(state.firstResponseDueAt),
    resolutionDueAt: iso(state.resolutionDueAt),
    firstResponseWarnAt: iso(state.firstResponseWarnAt),
    resolutionWarnAt: iso(state.resolutionWarnAt),
    firstRespondedAt: iso(state.firstRespondedAt),
    resolvedAt: iso(state.resolvedAt),
    paused: state.paused,
    pausedWorkingMinutes: state.pausedWorkingMinutes,
    elapsedWorkingMinutes: { ...state.elapsedWorkingMinutes },
    breaches: state.breaches.map((b) => ({ target: b.target, dueAt: b.dueAt.toISOString() })),
    warnings: state.warnings.map((w) => ({ target: w.target, at: w.at.toISOString() })),
    nextAlarm: state.nextAlarm ? { kind: state.nextAlarm.kind, target: state.nextAlarm.target, at: state.nextAlarm.at.toISOString() } : null,
  };
}

export interface DueAlarm {
  kind: 'warning' | 'breach';
  target: SlaTarget;
  /** the warning time, or the due time that was missed */
  at: Date;
  effectKey: string;
}

/** The timeline effect key of an alarm: each (request, target, kind, time) fires once. */
export const alarmEffectKey = (kind: 'warning' | 'breach', target: SlaTarget, at: Date) => `${kind === 'breach' ? SlaEntries.breached : SlaEntries.warning}:${target}:${at.toISOString()}`;

/**
 * The warnings and breaches the clock says have happened and the timeline does not record yet.
 * A warning is skipped when its target's breach (at or after the warning) is also due: the breach
 * says more, and a warning after the fact helps nobody.
 */
export function alarmsToFire(state: SlaClockState, recordedKeys: ReadonlySet<string>): DueAlarm[] {
  const out: DueAlarm[] = [];
  for (const w of state.warnings) {
    if (state.breaches.some((b) => b.target === w.target && b.dueAt.getTime() >= w.at.getTime())) continue;
    const effectKey = alarmEffectKey('warning', w.target, w.at);
    if (!recordedKeys.has(effectKey)) out.push({ kind: 'warning', target: w.target, at: w.at, effectKey });
  }
  for (const b of state.breaches) {
    const effectKey = alarmEffectKey('breach', b.target, b.dueAt);
    if (!recordedKeys.has(effectKey)) out.push({ kind: 'breach', target: b.target, at: b.dueAt, effectKey });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === 'breach' ? -1 : 1));
}

/** Job ids encode the alarm, so a rescheduled alarm is a different job and a stale one is recognisable. */
export const alarmJobId = (requestId: string, alarm: Pick<SlaAlarm, 'kind' | 'target'> & { at: Date | string }) =>
  `sla-alarm.${requestId}.${alarm.kind}.${alarm.target}.${new Date(alarm.at).getTime()}`;

/** The sweeper's stand-in for a lost alarm: its own id, so a failed original does not block it. */
export const sweepJobId = (requestId: string, alarm: Pick<SlaAlarm, 'kind' | 'target'> & { at: Date | string }) =>
  `sla-sweep.${requestId}.${alarm.kind}.${alarm.target}.${new Date(alarm.at).getTime()}`;

export const TARGET_TEXT: Record<SlaTarget, string> = { 'first-response': 'first response', resolution: 'resolution' };
