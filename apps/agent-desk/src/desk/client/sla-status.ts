/**
 * Where each SLA target of a request stands (pure: no DOM, unit-tested in ../sla-status.spec.ts).
 * The SLA worker fills `sla.firstRespondedAt` / `sla.resolvedAt` a moment after the reply or the
 * resolution, so the request's own status and timeline count too: an action's answer already shows
 * the clock stopped.
 */
import type { RequestView, Sla, TimelineEntry } from './types';

export type TargetState =
  /** done on time */
  | { kind: 'met'; at: string }
  /** done after its due time, by `byMs` */
  | { kind: 'late'; at: string; byMs: number }
  /** not done and past its due time (recorded by the worker or not yet): counts on from `dueAt` */
  | { kind: 'breached'; dueAt: string }
  | { kind: 'paused' }
  | { kind: 'running'; dueAt: string }
  /** no due time (e.g. resolution while the first response is still the open target) */
  | { kind: 'none' };

export type ClockState = 'running' | 'paused' | 'resolved' | 'stopped';

export interface SlaStatus {
  /** no paid plan now: null sla; `stopped` when a plan was removed while the request was open */
  clock: ClockState | 'none';
  plan: string | null;
  firstResponse: TargetState;
  resolution: TargetState;
}

const DONE = ['resolved', 'closed'];

function firstAt(timeline: TimelineEntry[] | undefined, event: string, last = false): string | null {
  const hits = (timeline || []).filter((e) => e.event === event);
  const hit = last ? hits[hits.length - 1] : hits[0];
  return hit ? hit.at : null;
}

function target(due: string | null | undefined, done: string | null, breach: string | null, paused: boolean, now: number): TargetState {
  const dueAt = breach || due || null;
  if (done) {
    const byMs = dueAt ? Date.parse(done) - Date.parse(dueAt) : 0;
    return byMs > 0 ? { kind: 'late', at: done, byMs } : { kind: 'met', at: done };
  }
  if (breach) return { kind: 'breached', dueAt: breach };
  if (paused) return { kind: 'paused' };
  if (!dueAt) return { kind: 'none' };
  return Date.parse(dueAt) < now ? { kind: 'breached', dueAt } : { kind: 'running', dueAt };
}

/** The request's SLA targets at `now`: met, breached (by how much), paused, running, or no clock / stopped. */
export function slaStatus(r: Pick<RequestView, 'status' | 'sla' | 'timeline'>, now = Date.now()): SlaStatus {
  const sla: Sla | null | undefined = r.sla;
  if (!sla) {
    const changes = (r.timeline || []).filter((e) => e.event === 'sla.plan-changed');
    const removed = changes.length > 0 && !(changes[changes.length - 1].detail || {}).to;
    const idle: TargetState = { kind: 'none' };
    return { clock: removed ? 'stopped' : 'none', plan: null, firstResponse: idle, resolution: idle };
  }
  const breaches = Array.isArray(sla.breaches) ? sla.breaches : [];
  const breachOf = (t: string) => breaches.find((b) => b && b.target === t)?.dueAt || null;
  const resolved = DONE.indexOf(r.status) >= 0;
  const responded = sla.firstRespondedAt || firstAt(r.timeline, 'request.replied');
  // (now only when the view carries neither: the clock stopped at the latest by now)
  const resolvedAt = resolved ? sla.resolvedAt || firstAt(r.timeline, 'request.resolved', true) || new Date(now).toISOString() : null;
  const paused = !resolved && !!sla.paused;
  // A resolution without a reply answers the customer too (its summary is mailed): the first response is met then.
  const firstDone = responded || (resolved ? resolvedAt : null);
  const fr = target(sla.firstResponseDueAt, firstDone, breachOf('first-response'), paused, now);
  const res = target(sla.resolutionDueAt, resolvedAt, breachOf('resolution'), paused, now);
  return {
    clock: resolved ? 'resolved' : paused ? 'paused' : 'running',
    plan: sla.plan ? String(sla.plan) : null,
    firstResponse: fr,
    resolution: res,
  };
}
