import type { QueuePlace, SupportRequest, Transition } from './aggregate';
import { transition } from './transition';

/**
 * Triage by a person, pure: an internal note, and a transfer to another team. Neither writes a
 * status by hand: the lifecycle table decides (a transfer from `assigned` goes back to `queued`).
 */

const STAGE = 'agent-desk';

/** An internal note: kept on the timeline for agents; it publishes nothing, so no mail or webhook can carry it. */
export function addNote(request: SupportRequest, agent: string, body: string, now: Date): Transition {
  return transition(request, [{ stage: STAGE, event: 'request.note-added', effectKey: `note:${now.getTime()}:${agent}`, at: now, detail: { agent, body } }], {}, []);
}

/**
 * To another team's queue, with the reason. The `request.routed` written with it is what the SLA
 * clock already reads for a team (its calendar, rule 2.2), so the deadlines follow the new team.
 */
export function transfer(request: SupportRequest, agent: string, to: string, reason: string, place: QueuePlace, now: Date): Transition {
  const key = `transfer.${now.getTime()}.${agent}`;
  const priority = request.priority ?? 3;
  return transition(
    request,
    [
      { stage: STAGE, event: 'request.transferred', effectKey: `transferred:${now.getTime()}:${agent}`, at: now, detail: { agent, from: request.teamId, to, reason } },
      {
        stage: STAGE,
        event: 'request.routed',
        at: now,
        detail: { team: to, priority, reason: `transferred by ${agent}: ${reason}`, fallback: false, clauses: [], priorityReason: 'kept from before the transfer' },
      },
    ],
    { teamId: to, assigneeId: null, leaseToken: null, leaseExpiresAt: null, queueJob: place },
    [{ event: 'request.routed', key }],
  );
}
