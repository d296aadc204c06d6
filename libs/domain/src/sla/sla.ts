/**
 * The SLA clock: a pure function of the request's SLA events (no counters, no timers).
 *
 * Rule [sla]: a response-time obligation exists only under a paid plan, so `plan: null` means no
 * clock at all. Two targets: `first-response` and `resolution`, in working minutes by priority
 * (plan key "1" = highest). Plans with `hours: 'business'` count on the handling team's calendar,
 * `hours: '24x7'` on ALWAYS_OPEN.
 *
 * Semantics (all time arithmetic is on the calendar in force during each span):
 *  - elapsed(target) = working time since `started`, excluding paused spans and spans without a
 *    plan. A pause removes exactly the working time inside it (a pause Fri 17:00 → Mon 10:00 on a
 *    09–18 calendar removes 2 h); `pausedWorkingMinutes` totals that removed time.
 *  - due(target) = the instant elapsed reaches the target. Computed at the last event:
 *    `due = addWorkingMinutes(calendar, lastEventAt, target − elapsed)`, so deadlines depend only on
 *    the events, never on `now` (replay-deterministic). While paused a not-yet-breached target has
 *    no due time (null); it is recomputed on `resumed`.
 *  - Changes (priority, plan, calendar, 24x7 ↔ business) while open: the new target applies as if
 *    from the start — elapsed working time so far is kept, and the remainder (new target − elapsed)
 *    is counted from the change on the new calendar. When the remainder is <= 0 the target is due at
 *    the change (or at the next opening if the change falls in closed time) — a due time is never
 *    placed before the change that created it. A target already breached stays due at its original
 *    time unless the change gives it time again, in which case it gets a new due time.
 *  - A plan added later (plan-changed from null) starts counting at that change; spans without a
 *    plan never count. Removing the plan (plan-changed to null) removes the clock and its history:
 *    all due/warn times null, elapsed reset, no breaches/warnings, no alarm; a plan added after
 *    that starts afresh from its change.
 *  - first-response stops the first-response target (the first such event counts).
 *    resolved stops everything (and counts as the first response when none was given).
 *    reopened restarts the resolution target counting from where it stopped: elapsed is kept (so the
 *    remainder is counted from the reopen), and the request is no longer paused. The first-response
 *    target stays met.
 *  - Breach: a target's due time passed (strictly) before it was met. A target met exactly at its
 *    due time is on time. Breaches are history: one that happened stays listed even if a later
 *    change relaxes the target (unless the plan is removed). `breaches` lists dueAt < now; a target
 *    relaxed after a breach and breached again is listed twice (two different dueAt).
 *  - Warning at warnAtPercent of the target (default 80; none when the value is outside (0, 100)),
 *    computed like the due time. `warnings` lists warnings whose time passed before now.
 *  - nextAlarm = the earliest alarm at or after `now` still to fire (a breach, or a warning earlier
 *    than its breach) for a running, unpaused target; ties: breach before warning, first-response
 *    before resolution. Alarms strictly before `now` are in `breaches` / `warnings`.
 *  - Events are applied in time order (stable for equal instants: given order); events after `now`
 *    are ignored. Events at an instant take effect before alarms at that same instant.
 *  - Missing target for the current priority (key absent in the plan) → that target has no clock.
 */
import { ALWAYS_OPEN, CalendarSpec, addWorkingMs, validateCalendar, workingMsBetween } from '../calendar/calendar';

export type SlaTarget = 'first-response' | 'resolution';
export const SLA_TARGETS: readonly SlaTarget[] = ['first-response', 'resolution'];

export interface SlaPlan {
  id: string;
  hours: 'business' | '24x7';
  /** working minutes by priority ("1" = highest) */
  firstResponseMinutes: Record<string, number>;
  resolutionMinutes: Record<string, number>;
  /** default 80 */
  warnAtPercent?: number | null;
}

export type SlaEventKind = 'started' | 'paused' | 'resumed' | 'first-response' | 'resolved' | 'reopened' | 'priority-changed' | 'plan-changed' | 'calendar-changed';

export interface SlaEvent {
  at: Date;
  kind: SlaEventKind;
  priority?: number;
  plan?: SlaPlan | null;
  calendar?: CalendarSpec;
}

export interface SlaAlarm {
  kind: 'warning' | 'breach';
  target: SlaTarget;
  at: Date;
}

export interface SlaClockState {
  /** plan id; null → no clock at all (plan removed/never) */
  plan: string | null;
  priority: number | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseWarnAt: Date | null;
  resolutionWarnAt: Date | null;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  paused: boolean;
  pausedWorkingMinutes: number;
  /** working minutes counted towards each target as of now */
  elapsedWorkingMinutes: { 'first-response': number; resolution: number };
  /** targets whose due time passed before being met (as of now) */
  breaches: { target: SlaTarget; dueAt: Date }[];
  /** warnings whose time passed (as of now) */
  warnings: { target: SlaTarget; at: Date }[];
  /** the earliest future-or-now alarm still to fire */
  nextAlarm: SlaAlarm | null;
}

export class SlaInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlaInputError';
  }
}

const MIN_MS = 60_000;
const DEFAULT_WARN_PERCENT = 80;

/** The calendar an SLA plan counts on: ALWAYS_OPEN for 24x7, else the team calendar. */
export function calendarForPlan(plan: Pick<SlaPlan, 'hours'>, teamCalendar: CalendarSpec | null | undefined): CalendarSpec {
  if (plan.hours === '24x7') return ALWAYS_OPEN;
  if (!teamCalendar) throw new SlaInputError("a business-hours SLA plan needs the handling team's calendar");
  return teamCalendar;
}

/** Target in working minutes for a priority, or null when the plan has none. */
export function targetMinutes(plan: SlaPlan, target: SlaTarget, priority: number | null): number | null {
  if (priority === null) return null;
  const table = target === 'first-response' ? plan.firstResponseMinutes : plan.resolutionMinutes;
  const v = table?.[String(priority)];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

/** Human-readable problems with an SLA plan ([] when valid). */
export function validateSlaPlan(spec: unknown): string[] {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) return ['SLA plan must be an object'];
  const p = spec as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof p['id'] !== 'string' || p['id'].length === 0) problems.push('id must be a non-empty string');
  if (p['hours'] !== 'business' && p['hours'] !== '24x7') problems.push('hours must be "business" or "24x7"');
  for (const key of ['firstResponseMinutes', 'resolutionMinutes']) {
    const table = p[key];
    if (table === null || typeof table !== 'object' || Array.isArray(table)) {
      problems.push(`${key} must be an object keyed by priority ("1", "2", ...)`);
      continue;
    }
    for (const [prio, v] of Object.entries(table as Record<string, unknown>)) {
      if (!/^[1-9]\d*$/.test(prio)) problems.push(`${key}: "${prio}" is not a priority (1, 2, 3, ...)`);
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
        problems.push(`${key}.${prio} must be a positive number of minutes`);
      }
    }
  }
  const w = p['warnAtPercent'];
  if (w !== undefined && w !== null && (typeof w !== 'number' || !(w > 0 && w < 100))) {
    problems.push('warnAtPercent must be a number between 0 and 100 (exclusive)');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

interface TargetClock {
  elapsedMs: number;
  met: boolean;
  /** due time currently in force (frozen once met); null when none / paused */
  dueAt: number | null;
  warnAt: number | null;
  /** due time that already passed while in force (the target is overdue); cleared by new time */
  breachedDue: number | null;
  /** warning time that already passed while in force */
  warnedAt: number | null;
}

function newTarget(): TargetClock {
  return { elapsedMs: 0, met: false, dueAt: null, warnAt: null, breachedDue: null, warnedAt: null };
}

function warnPercent(plan: SlaPlan): number | null {
  const w = plan.warnAtPercent === undefined || plan.warnAtPercent === null ? DEFAULT_WARN_PERCENT : plan.warnAtPercent;
  return typeof w === 'number' && w > 0 && w < 100 ? w : null;
}

function checkCalendar(cal: CalendarSpec, what: string): CalendarSpec {
  const problems = validateCalendar(cal);
  if (problems.length) throw new SlaInputError(`${what}: invalid calendar: ${problems.join('; ')}`);
  return cal;
}

/** Computes the SLA clock as of `now` from the request's SLA events. */
export function computeSlaClock(events: SlaEvent[], now: Date): SlaClockState {
  const nowMs = now instanceof Date ? now.getTime() : NaN;
  if (!Number.isFinite(nowMs)) throw new SlaInputError('now must be a valid Date');
  const ordered = events
    .map((e, i) => {
      const t = e.at instanceof Date ? e.at.getTime() : NaN;
      if (!Number.isFinite(t)) throw new SlaInputError(`event ${i} (${e.kind}) has no valid time`);
      return { e, t, i };
    })
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .filter((x) => x.t <= nowMs);

  const first = ordered[0];
  if (!first || first.e.kind !== 'started') {
    if (!first) return emptyState();
    throw new SlaInputError(`the first SLA event must be "started", got "${first.e.kind}"`);
  }

  // ---- state ----
  let plan: SlaPlan | null = first.e.plan ?? null;
  let priority: number | null = typeof first.e.priority === 'number' ? first.e.priority : null;
  let teamCalendar: CalendarSpec | null = first.e.calendar ? checkCalendar(first.e.calendar, 'started') : null;
  let paused = false;
  let resolvedAt: number | null = null;
  let firstRespondedAt: number | null = null;
  let pausedMs = 0;
  let t = first.t;
  const clocks: Record<SlaTarget, TargetClock> = { 'first-response': newTarget(), resolution: newTarget() };
  const breaches = new Map<string, { target: SlaTarget; dueAt: number }>();
  const warnings = new Map<string, { target: SlaTarget; at: number }>();

  const calendar = (): CalendarSpec => calendarForPlan(plan!, teamCalendar);
  const running = (target: SlaTarget): boolean => plan !== null && !clocks[target].met && resolvedAt === null;

  /** Moves the clock from t to `to` (exclusive of events at `to`), recording passed alarms. */
  const advance = (to: number): void => {
    if (to <= t || plan === null || resolvedAt !== null) {
      t = Math.max(t, to);
      return;
    }
    const work = workingMsBetween(calendar(), new Date(t), new Date(to));
    if (paused) {
      pausedMs += work;
    } else {
      for (const target of SLA_TARGETS) {
        const c = clocks[target];
        if (!running(target)) continue;
        if (c.warnAt !== null && c.warnedAt === null && c.warnAt < to) {
          c.warnedAt = c.warnAt;
          if (c.dueAt === null || c.warnAt < c.dueAt) warnings.set(`${target}@${c.warnAt}`, { target, at: c.warnAt });
        }
        if (c.dueAt !== null && c.breachedDue === null && c.dueAt < to) {
          c.breachedDue = c.dueAt;
          breaches.set(`${target}@${c.dueAt}`, { target, dueAt: c.dueAt });
        }
        c.elapsedMs += work;
      }
    }
    t = to;
  };

  /** Recomputes due/warn times of running targets at instant t (after applying events at t). */
  const project = (): void => {
    for (const target of SLA_TARGETS) {
      const c = clocks[target];
      if (c.met) continue; // frozen at the time it was met
      const minutes = plan === null ? null : targetMinutes(plan, target, priority);
      if (plan === null || minutes === null) {
        c.dueAt = c.warnAt = c.breachedDue = c.warnedAt = null;
        continue;
      }
      if (paused) {
        c.dueAt = c.breachedDue;
        c.warnAt = c.warnedAt;
        continue;
      }
      const cal = calendar();
      const from = new Date(t);
      const targetMs = Math.round(minutes * MIN_MS);
      const remaining = targetMs - c.elapsedMs;
      if (remaining > 0) {
        c.breachedDue = null;
        c.dueAt = addWorkingMs(cal, from, remaining)?.getTime() ?? null;
      } else if (c.breachedDue !== null) {
        c.dueAt = c.breachedDue;
      } else {
        c.dueAt = addWorkingMs(cal, from, 0)?.getTime() ?? null;
      }
      const pct = warnPercent(plan);
      if (pct === null) {
        c.warnAt = c.warnedAt = null;
        continue;
      }
      const warnRemaining = Math.round((targetMs * pct) / 100) - c.elapsedMs;
      if (warnRemaining > 0) {
        c.warnedAt = null;
        c.warnAt = addWorkingMs(cal, from, warnRemaining)?.getTime() ?? null;
      } else if (c.warnedAt !== null) {
        c.warnAt = c.warnedAt;
      } else {
        c.warnAt = addWorkingMs(cal, from, 0)?.getTime() ?? null;
      }
    }
  };

  const meet = (target: SlaTarget): void => {
    const c = clocks[target];
    if (c.met) return;
    c.met = true;
    if (paused) {
      c.dueAt = c.breachedDue;
      c.warnAt = c.warnedAt;
    }
  };

  project();
  for (const { e, t: at } of ordered.slice(1)) {
    advance(at);
    switch (e.kind) {
      case 'started':
        break; // duplicate start: ignored
      case 'paused':
        if (resolvedAt === null) paused = true;
        break;
      case 'resumed':
        paused = false;
        break;
      case 'first-response':
        if (firstRespondedAt === null) firstRespondedAt = at;
        meet('first-response');
        break;
      case 'resolved':
        if (resolvedAt !== null) break;
        if (firstRespondedAt === null) firstRespondedAt = at;
        meet('first-response');
        meet('resolution');
        resolvedAt = at;
        paused = false;
        break;
      case 'reopened':
        if (resolvedAt === null) break;
        resolvedAt = null;
        paused = false;
        clocks.resolution.met = false;
        break;
      case 'priority-changed':
        if (typeof e.priority !== 'number') throw new SlaInputError('priority-changed needs a priority');
        priority = e.priority;
        break;
      case 'plan-changed':
        if (e.plan === undefined) throw new SlaInputError('plan-changed needs a plan (null to remove it)');
        plan = e.plan;
        if (plan === null) {
          // No obligation any more: the clock and its history go; a plan added later starts afresh.
          for (const target of SLA_TARGETS) clocks[target].elapsedMs = 0;
          breaches.clear();
          warnings.clear();
        }
        break;
      case 'calendar-changed':
        if (!e.calendar) throw new SlaInputError('calendar-changed needs a calendar');
        teamCalendar = checkCalendar(e.calendar, 'calendar-changed');
        break;
      default:
        throw new SlaInputError(`unknown SLA event kind "${(e as SlaEvent).kind}"`);
    }
    project();
  }
  advance(nowMs);

  // ---- output ----
  const fr = clocks['first-response'];
  const res = clocks.resolution;
  const d = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
  let nextAlarm: SlaAlarm | null = null;
  if (plan !== null && !paused && resolvedAt === null) {
    const candidates: { kind: 'warning' | 'breach'; target: SlaTarget; at: number; rank: number }[] = [];
    SLA_TARGETS.forEach((target, ti) => {
      const c = clocks[target];
      if (!running(target)) return;
      if (c.dueAt !== null && c.breachedDue === null && c.dueAt >= nowMs) {
        candidates.push({ kind: 'breach', target, at: c.dueAt, rank: ti });
      }
      if (c.warnAt !== null && c.warnedAt === null && c.warnAt >= nowMs && (c.dueAt === null || c.warnAt < c.dueAt)) {
        candidates.push({ kind: 'warning', target, at: c.warnAt, rank: 2 + ti });
      }
    });
    candidates.sort((a, b) => a.at - b.at || a.rank - b.rank);
    const n = candidates[0];
    if (n) nextAlarm = { kind: n.kind, target: n.target, at: new Date(n.at) };
  }
  const noClock = plan === null;
  return {
    plan: plan?.id ?? null,
    priority,
    firstResponseDueAt: d(fr.dueAt),
    resolutionDueAt: d(res.dueAt),
    firstResponseWarnAt: d(fr.warnAt),
    resolutionWarnAt: d(res.warnAt),
    firstRespondedAt: d(firstRespondedAt),
    resolvedAt: d(resolvedAt),
    paused,
    pausedWorkingMinutes: pausedMs / MIN_MS,
    elapsedWorkingMinutes: { 'first-response': fr.elapsedMs / MIN_MS, resolution: res.elapsedMs / MIN_MS },
    breaches: noClock ? [] : [...breaches.values()].sort((a, b) => a.dueAt - b.dueAt || a.target.localeCompare(b.target)).map((b) => ({ target: b.target, dueAt: new Date(b.dueAt) })),
    warnings: noClock ? [] : [...warnings.values()].sort((a, b) => a.at - b.at || a.target.localeCompare(b.target)).map((w) => ({ target: w.target, at: new Date(w.at) })),
    nextAlarm,
  };
}

function emptyState(): SlaClockState {
  return {
    plan: null,
    priority: null,
    firstResponseDueAt: null,
    resolutionDueAt: null,
    firstResponseWarnAt: null,
    resolutionWarnAt: null,
    firstRespondedAt: null,
    resolvedAt: null,
    paused: false,
    pausedWorkingMinutes: 0,
    elapsedWorkingMinutes: { 'first-response': 0, resolution: 0 },
    breaches: [],
    warnings: [],
    nextAlarm: null,
  };
}
