import { agentQueueName } from '@support/contracts';
import type { QueuePlace, SupportRequest, Transition } from './aggregate';
import { transition } from './transition';

/** Is the request waiting in its agent's own queue (after a customer reply) rather than the team's? */
export const heldForAgent = (r: Pick<SupportRequest, 'status' | 'assigneeId' | 'queueJob'>): boolean => r.status === 'queued' && !!r.assigneeId && r.queueJob?.queue === agentQueueName(r.assigneeId);

/**
 * A request held for its agent goes to the team queue: the agent is away (a supervisor's call, `by`)
 * or nobody took it within RETURN_TO_TEAM_AFTER (`by: "timer"`). `holdId` is the held job: a timer
 * of an earlier hold, or one the agent already took, finds another and does nothing.
 */
export function returnToTeam(request: SupportRequest, by: string, place: QueuePlace): Transition {
  return transition(
    request,
    [{ stage: 'agent-desk', event: 'request.returned-to-team', effectKey: `returned:${request.queueJob?.id}`, detail: { agent: request.assigneeId as string, by, team: request.teamId as string } }],
    { assigneeId: null, queueJob: place },
    [],
  );
}

type Row = Pick<SupportRequest, 'id' | 'subject' | 'status' | 'priority' | 'assigneeId' | 'queueJob' | 'leaseExpiresAt' | 'receivedAt'> & { slaDueAt: string | null };

const brief = (r: Row) => ({ id: r.id, subject: r.subject, status: r.status, priority: r.priority, assignee: r.assigneeId, slaDueAt: r.slaDueAt, receivedAt: r.receivedAt });

/**
 * A supervisor's picture of a team (its open requests): waiting, being worked, SLA deadlines at
 * risk (open, not yet passed, within `riskWithinMs`) with the next one, breached, and per agent
 * what they hold (claimed, or waiting in their own queue).
 */
export function teamOverview(rows: readonly Row[], agents: readonly { id: string; name: string; role: string }[], now: Date, riskWithinMs: number) {
  const at = now.toISOString();
  const horizon = new Date(now.getTime() + riskWithinMs).toISOString();
  const bySla = [...rows].filter((r) => r.slaDueAt && r.status !== 'awaiting-customer').sort((a, b) => (a.slaDueAt as string).localeCompare(b.slaDueAt as string));
  const atRisk = bySla.filter((r) => (r.slaDueAt as string) >= at && (r.slaDueAt as string) <= horizon);
  return {
    waiting: rows.filter((r) => r.status === 'queued' && !heldForAgent(r)).map(brief),
    heldForAgents: rows.filter(heldForAgent).map(brief),
    beingWorked: rows.filter((r) => r.status === 'assigned').map((r) => ({ ...brief(r), leaseExpiresAt: r.leaseExpiresAt })),
    awaitingCustomer: rows.filter((r) => r.status === 'awaiting-customer').length,
    slaAtRisk: { nextDeadline: atRisk[0]?.slaDueAt ?? null, requests: atRisk.map(brief) },
    breached: bySla.filter((r) => (r.slaDueAt as string) < at).map(brief),
    agents: agents.map((a) => ({ id: a.id, name: a.name, role: a.role, holds: rows.filter((r) => r.assigneeId === a.id && r.status !== 'awaiting-customer').map(brief) })),
  };
}

/** When a request held for its agent goes to the team (RETURN_TO_TEAM_AFTER from when the hold began, its last change); null when not held. */
export function returnToTeamDue(request: Pick<SupportRequest, 'status' | 'assigneeId' | 'queueJob' | 'updatedAt'>, afterMs: number): { holdId: string; at: number } | null {
  if (!heldForAgent(request)) return null;
  return { holdId: (request.queueJob as QueuePlace).id, at: Date.parse(request.updatedAt) + afterMs };
}

/** A supervisor gives the request to one agent: out of the team queue or another agent's hands, into `to`'s own queue (claimed before the team's). */
export function reassign(request: SupportRequest, by: string, to: string, place: QueuePlace, now: Date): Transition {
  return transition(
    request,
    [{ stage: 'agent-desk', event: 'request.reassigned', effectKey: `reassigned:${now.getTime()}:${to}`, at: now, detail: { by, from: request.assigneeId, to } }],
    { assigneeId: to, leaseToken: null, leaseExpiresAt: null, queueJob: place },
    [],
  );
}
