import type { CustomerMessageDetail, ReplyKind, SlaTargetName } from '@support/contracts';
import { fillTemplate, replyLanguage, type RuleSet } from '../rules';
import type { QueuePlace, SupportRequest, Transition } from './aggregate';
import { transition } from './transition';

/**
 * The request's life with the agents, pure: claims and leases, replies, waiting for the
 * customer, the customer's answer, resolution, reopening, auto-close, escalation. The status each
 * step leads to comes from the lifecycle table; the effect keys make each step happen once.
 */

const STAGE = 'agent-desk';
const noLease = { leaseToken: null, leaseExpiresAt: null } as const;

export interface Lease {
  agent: string;
  token: string;
  place: QueuePlace;
  expiresAt: string;
}

/** An agent takes the request (a lease). A lapsed lease the row has not heard of yet is recorded first. */
export function assign(request: SupportRequest, lease: Lease): Transition {
  const entries: Transition['entries'] = [];
  if (request.status === 'assigned') entries.push(leaseExpiredEntry(request, lease.place.queue));
  entries.push({ stage: STAGE, event: 'request.assigned', effectKey: `assigned:${lease.token}`, detail: { agent: lease.agent, queue: lease.place.queue, leaseExpiresAt: lease.expiresAt } });
  return transition(request, entries, { assigneeId: lease.agent, leaseToken: lease.token, leaseExpiresAt: lease.expiresAt, queueJob: lease.place }, [{ event: 'request.assigned', key: lease.token }]);
}

const leaseExpiredEntry = (request: SupportRequest, queue: string) =>
  ({ stage: STAGE, event: 'request.lease-expired', effectKey: `lease-expired:${request.leaseToken}`, detail: { agent: request.assigneeId, queue } }) as const;

/** Nobody renewed the lease: BullMQ put the job back, and the request waits in its queue again. */
export function leaseExpired(request: SupportRequest, queue: string): Transition {
  return transition(request, [leaseExpiredEntry(request, queue)], { assigneeId: null, ...noLease }, []);
}

/** The agent gives the request back to the team queue. */
export function release(request: SupportRequest, agent: string, place: QueuePlace): Transition {
  return transition(request, [{ stage: STAGE, event: 'request.released', effectKey: `released:${request.leaseToken}`, detail: { agent } }], { assigneeId: null, ...noLease, queueJob: place }, []);
}

/** A reply (the first is the first response); asking for information or a utility waits for the customer. */
export function reply(request: SupportRequest, agent: string, body: string, kind: ReplyKind, waitForCustomer: boolean, now: Date, suggestionId?: string): Transition {
  const first = !request.firstResponseAt;
  const replyKey = `reply:${now.getTime()}:${agent}`;
  const detail = { agent, body, kind, firstResponse: first, ...(suggestionId ? { suggestionId } : {}) };
  const entries: Transition['entries'] = [{ stage: STAGE, event: 'request.replied', effectKey: replyKey, at: now, detail }];
  const patch: Partial<SupportRequest> = first ? { firstResponseAt: now.toISOString() } : {};
  // Job ids keep clear of ":" (BullMQ reserves it), so the occurrence is spelled with dots.
  const emits: Transition['emits'] = [{ event: 'request.replied', key: `reply.${now.getTime()}.${agent}` }];
  if (waitForCustomer) {
    const awaitCount = request.awaitCount + 1;
    const clauses = kind === 'diagnostic-utility' ? ['[utilities]'] : ['[cooperation]'];
    entries.push({ stage: STAGE, event: 'request.awaiting-customer', effectKey: `awaiting:${awaitCount}`, at: now, detail: { kind, clauses } });
    Object.assign(patch, { awaitingSince: now.toISOString(), awaitCount, ...noLease, queueJob: null });
    emits.push({ event: 'request.awaiting-customer', key: String(awaitCount) });
  }
  return transition(request, entries, patch, emits);
}

/** Solved: once per resolution round (a reopened request can be resolved again). */
export function resolve(request: SupportRequest, agent: string, summary: string, now: Date): Transition {
  const round = request.reopenCount;
  const at = now.toISOString();
  return transition(
    request,
    [{ stage: STAGE, event: 'request.resolved', effectKey: `resolved:${round}`, at: now, detail: { agent, summary } }],
    { resolvedAt: at, ...noLease, queueJob: null, firstResponseAt: request.firstResponseAt ?? at },
    [{ event: 'request.resolved', key: String(round) }],
  );
}

export type CustomerWrote =
  /** the customer answered a question: back to the agent (or the team) */
  | { kind: 'answered'; place: QueuePlace }
  /** the customer wrote about a resolved request within the window: reopened */
  | { kind: 'reopened'; place: QueuePlace }
  /** the customer wrote while nobody waited: kept on the timeline */
  | { kind: 'note' };

/** What a customer's message does to the request in its status (null: it cannot take one). */
export function customerMessageKind(request: SupportRequest, now: Date, reopenWindowMs: number): 'answered' | 'reopened' | 'too-late' | 'note' | 'finished' {
  if (request.status === 'awaiting-customer') return 'answered';
  if (request.status === 'resolved') return now.getTime() - Date.parse(request.resolvedAt ?? '') > reopenWindowMs ? 'too-late' : 'reopened';
  if (request.status === 'closed' || request.status === 'declined') return 'finished';
  return 'note';
}

/** The customer's message, as `customerMessageKind` classified it; `extra`: what its channel adds (a mail's attachments). */
export function customerWrote(request: SupportRequest, from: string, body: string, wrote: CustomerWrote, now: Date, extra: Omit<CustomerMessageDetail, 'from' | 'body'> = {}): Transition {
  const detail: CustomerMessageDetail = { from, body, ...extra };
  if (wrote.kind === 'note') return transition(request, [{ stage: STAGE, event: 'request.customer-message', effectKey: `customer:${now.getTime()}`, at: now, detail }], {}, []);
  const back = { awaitingSince: null, queueJob: wrote.place };
  if (wrote.kind === 'answered') {
    // Once per wait: a second answer sent at the same moment (a form posted twice) finds the effect stored.
    return transition(request, [{ stage: STAGE, event: 'request.customer-replied', effectKey: `customer-replied:${request.awaitCount}`, at: now, detail }], back, [
      { event: 'request.customer-replied', key: `r${request.awaitCount}` },
    ]);
  }
  const reopenCount = request.reopenCount + 1;
  return transition(request, [{ stage: STAGE, event: 'request.reopened', effectKey: `reopened:${reopenCount}`, at: now, detail }], { ...back, reopenCount, resolvedAt: null }, [
    { event: 'request.reopened', key: `o${reopenCount}` },
  ]);
}

const waitMessage = (rules: RuleSet, request: SupportRequest, key: 'reminder' | 'auto-closed') => fillTemplate(rules.messages[replyLanguage(request.language)][key], { subject: request.subject });

/** Does an alarm of the `awaitCount`-th wait still apply (an answer or a later wait makes it stale)? */
export const stillWaiting = (request: SupportRequest | null, awaitCount: number): request is SupportRequest => request?.status === 'awaiting-customer' && request.awaitCount === awaitCount;

/** No answer yet: a reminder ([cooperation]). */
export function remind(request: SupportRequest, rules: RuleSet): Transition {
  const detail = { message: waitMessage(rules, request, 'reminder'), clauses: ['[cooperation]'] };
  return transition(request, [{ stage: STAGE, event: 'request.reminder-sent', effectKey: `reminder:${request.awaitCount}`, detail }], {}, [
    { event: 'request.reminder-sent', key: String(request.awaitCount) },
  ]);
}

/** No answer at all: closed, citing 4.4.5 and [cooperation]. */
export function autoClose(request: SupportRequest, rules: RuleSet): Transition {
  const detail = { message: waitMessage(rules, request, 'auto-closed'), clauses: ['4.4.5', '[cooperation]'], reason: 'no answer from the customer' };
  return transition(request, [{ stage: STAGE, event: 'request.closed', effectKey: `closed:${request.awaitCount}`, detail }], { awaitingSince: null }, [{ event: 'request.closed' }]);
}

/** A breach raises the request's priority by one level (1 is the highest). */
export const escalatedPriority = (priority: number | null): number => Math.max(1, (priority ?? 3) - 1);

/** An SLA breach ([sla]): the desk raises the request's priority in its queue, once per breach. */
export function escalate(request: SupportRequest, breach: { target: SlaTargetName; dueAt: string | null; team: string | null; supervisors: string[] }): Transition {
  const to = escalatedPriority(request.priority);
  const detail = { ...breach, priority: { from: request.priority, to } };
  return transition(request, [{ stage: STAGE, event: 'request.escalated', effectKey: `escalated:${breach.target}:${breach.dueAt}`, detail }], { priority: to }, []);
}
