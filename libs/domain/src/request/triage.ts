import type { Route } from '../triage/triage';
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

export interface Reclassification {
  agent: string;
  to: string;
  reason: string;
  /** routing decided again for the new clause (routeRequest) */
  route: Route;
  /** the new team's queue place when the route changes the team; null keeps the request where it is */
  place: QueuePlace | null;
  now: Date;
}

/**
 * A person's clause over the classifier's: the decision on the timeline, then routing again (the
 * team and priority the new clause gets; a new team is a transfer) with a `request.routed` the SLA
 * clock reads. The caller stores the labelled example with it.
 */
export function reclassify(request: SupportRequest, { agent, to, reason, route, place, now }: Reclassification): Transition {
  const from = request.classification?.clause ?? null;
  const entries: Transition['entries'] = [
    { stage: STAGE, event: 'request.reclassified', effectKey: `reclassified:${now.getTime()}:${agent}`, at: now, detail: { agent, from, to, reason, rulesVersion: request.rulesVersion } },
  ];
  const classification = { clause: to, scope: 'included' as const, confidence: 1, caveats: request.classification?.caveats ?? [] };
  const patch: Partial<SupportRequest> = { classification, priority: route.priority };
  if (place) {
    entries.push({ stage: STAGE, event: 'request.transferred', at: now, detail: { agent, from: request.teamId, to: route.teamId, reason: `reclassified to ${to}: ${reason}` } });
    Object.assign(patch, { teamId: route.teamId, assigneeId: null, leaseToken: null, leaseExpiresAt: null, queueJob: place });
  }
  const { teamId, priority, fallback, clauses, priorityReason } = route;
  entries.push({ stage: STAGE, event: 'request.routed', at: now, detail: { team: teamId, priority, reason: route.reason, fallback, clauses, priorityReason } });
  return transition(request, entries, patch, [{ event: 'request.routed', key: `reclassify.${now.getTime()}.${agent}` }]);
}
