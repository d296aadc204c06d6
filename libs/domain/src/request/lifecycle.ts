import type { RequestStatus, TimelineEventName } from '@support/contracts';

/**
 * THE LIFE OF A SUPPORT REQUEST, top to bottom. Every status change happens through one of these
 * rows, and nothing else changes a status: a transition's timeline entries are folded through
 * this table (`statusAfter`), so an entry written from a status its row does not list is refused.
 *
 * `publishes`: the event is also a BullMQ job, fanned out to its subscriber queues by the
 * fan-out table in libs/contracts/src/jobs.ts (a unit test checks that the two agree).
 * `=` keeps the status: the entry records something that happened without moving the request.
 */

export const SAME = '=' as const;
type To = RequestStatus | typeof SAME;

/** Statuses on the way in, before a person sees the request. */
export const PIPELINE: readonly RequestStatus[] = ['received', 'checking-licence', 'classifying'];
/** Statuses while the request is with the agents. */
export const WITH_AGENTS: readonly RequestStatus[] = ['queued', 'assigned', 'awaiting-customer'];
/** Statuses a request never leaves. (`resolved` is not one: a customer may reopen it.) */
export const FINISHED: readonly RequestStatus[] = ['closed', 'declined'];
const OPEN: readonly RequestStatus[] = [...PIPELINE, ...WITH_AGENTS, 'resolved'];
const ANY: readonly RequestStatus[] = [...OPEN, ...FINISHED];

export interface LifecycleRow {
  stage: string;
  on: TimelineEventName | 'licence-registry-unreachable';
  from: readonly RequestStatus[] | 'new';
  to: To;
  publishes: boolean;
  why: string;
}

const row = (stage: string, on: LifecycleRow['on'], from: LifecycleRow['from'], to: To, publishes: boolean, why: string): LifecycleRow => ({ stage, on, from, to, publishes, why });

// prettier-ignore
export const LIFECYCLE: readonly LifecycleRow[] = [
  //   stage             on (event)                      from                                      to                    publishes  why
  row('intake',         'request.received',             'new',                                    'received',           true,  'stored, one request per problem (2.3)'),
  row('licence-check',  'licence-registry-unreachable', ['received'],                             'checking-licence',   false, 'an outage delays the check, never refuses'),
  row('licence-check',  'request.eligibility-decided',  ['received', 'checking-licence'],         'classifying',        true,  'eligible or limited (4.5, 2.4)'),
  row('licence-check',  'request.declined',             ['received', 'checking-licence', 'classifying'], 'declined',    true,  'refused (4.3), out of scope (4.2) or limited (2.4), with the clause and offer'),
  row('classification', 'request.classified',           ['classifying'],                          SAME,                 true,  'clause, scope and caveats (4.1, 4.2, 4.4)'),
  row('routing',        'request.routed',               ['classifying'],                          'queued',             true,  'team by segment × country × language × skill (2.2)'),
  row('routing',        'request.acknowledged',         ['queued'],                               SAME,                 false, 'arrived while the team is closed: when it opens (2.2)'),
  row('agent-desk',     'request.assigned',             ['queued', 'assigned'],                   'assigned',           true,  'an agent claimed it (a lease)'),
  row('agent-desk',     'request.lease-expired',        ['assigned'],                             'queued',             false, 'the lease lapsed: back to its queue'),
  row('agent-desk',     'request.released',             ['assigned'],                             'queued',             false, 'the agent gave it back to the team queue'),
  row('agent-desk',     'request.replied',              ['assigned'],                             SAME,                 true,  'an answer (the first is the first response)'),
  row('agent-desk',     'request.awaiting-customer',    ['assigned'],                             'awaiting-customer',  true,  'asked for information or a diagnostic utility ([cooperation], [utilities])'),
  row('agent-desk',     'request.reminder-sent',        ['awaiting-customer'],                    SAME,                 true,  'no answer yet: a reminder ([cooperation])'),
  row('agent-desk',     'request.closed',               ['awaiting-customer'],                    'closed',             true,  'no answer at all: closed (4.4.5, [cooperation])'),
  row('agent-desk',     'request.customer-replied',     ['awaiting-customer'],                    'queued',             true,  'the customer answered: back to its agent'),
  row('agent-desk',     'request.customer-message',     [...PIPELINE, 'queued', 'assigned'],      SAME,                 false, 'the customer wrote while nobody waited for them'),
  row('agent-desk',     'request.resolved',             ['assigned', 'awaiting-customer'],        'resolved',           true,  'solved; a survey follows ([feedback])'),
  row('agent-desk',     'request.reopened',             ['resolved'],                             'queued',             true,  'the customer wrote within the reopen window'),
  row('agent-desk',     'request.transferred',          ['queued', 'assigned'],                   'queued',             false, 'a person moved it to another team, with a reason: into that team\'s queue'),
  row('agent-desk',     'request.reclassified',         ['queued', 'assigned'],                   SAME,                 false, 'a person chose the clause: routing and the SLA are decided again (4.1, 2.2)'),
  row('agent-desk',     'request.routed',               ['queued', 'assigned'],                   SAME,                 true,  'written with a transfer or a reclassification: the SLA clock follows the team and priority (2.2)'),
  row('agent-desk',     'request.returned-to-team',     ['queued'],                               SAME,                 false, 'held for an absent agent: a supervisor or RETURN_TO_TEAM_AFTER gives it to the team'),
  row('agent-desk',     'request.reassigned',           ['queued', 'assigned'],                   'queued',             false, 'a supervisor gave it to one agent: into that agent\'s own queue'),
  row('agent-desk',     'request.note-added',           ANY,                                      SAME,                 false, 'an internal note: agents only, never the customer, a mail or a webhook'),
  row('agent-desk',     'request.escalated',            OPEN,                                     SAME,                 false, 'an SLA breach raised its priority in the team queue ([sla])'),
  row('licence-check',  'sla.plan-changed',             OPEN,                                     SAME,                 true,  'the licence\'s paid plan changed ([sla], 4.5, 2.4)'),
  row('sla',            'sla.warning',                  ANY,                                      SAME,                 true,  'a paid deadline is near ([sla])'),
  row('sla',            'sla.breached',                 ANY,                                      SAME,                 true,  'a paid deadline passed ([sla])'),
  row('sla',            'sla.escalated',                ANY,                                      SAME,                 true,  'supervisors told, priority to be raised ([sla])'),
  row('notifier',       'notification.failed',          ANY,                                      SAME,                 false, 'a mail or webhook could not be delivered: why, never dropped silently'),
];

export class TransitionRefused extends Error {
  constructor(
    readonly event: string,
    readonly status: RequestStatus | null,
  ) {
    super(`${event} is not allowed when the request is ${status ?? 'new'}`);
  }
}

const byEvent = new Map<string, LifecycleRow[]>();
for (const r of LIFECYCLE) byEvent.set(r.on, [...(byEvent.get(r.on) ?? []), r]);

/** The row that lets `event` happen in `status`, or null. */
export function rowFor(status: RequestStatus | null, event: LifecycleRow['on']): LifecycleRow | null {
  return (byEvent.get(event) ?? []).find((r) => (r.from === 'new' ? status === null : status !== null && r.from.includes(status))) ?? null;
}

/** May `event` happen to a request in `status`? */
export const can = (status: RequestStatus | null, event: LifecycleRow['on']): boolean => rowFor(status, event) !== null;

/** The status after these events, in order; throws TransitionRefused at the first one not allowed. */
export function statusAfter(status: RequestStatus | null, events: readonly LifecycleRow['on'][]): RequestStatus {
  let current = status;
  for (const event of events) {
    const r = rowFor(current, event);
    if (!r) throw new TransitionRefused(event, current);
    if (r.to !== SAME) current = r.to;
  }
  if (current === null) throw new TransitionRefused(events[0] ?? '(nothing)', null);
  return current;
}

/** The events the lifecycle publishes as jobs (what the fan-out table must route). */
export const PUBLISHED_EVENTS: readonly string[] = [...new Set(LIFECYCLE.filter((r) => r.publishes).map((r) => r.on))];

export const isFinished = (status: RequestStatus): boolean => FINISHED.includes(status);
