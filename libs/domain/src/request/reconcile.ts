import type { QueuePlace, SupportRequest } from './aggregate';
import { PIPELINE } from './lifecycle';
import { queueOrder } from './queue-order';

/**
 * The reconciler's decisions, pure (the database is the truth, Redis holds only triggers): what
 * should exist in Redis for a request, and what to do when what Redis holds differs.
 */

/** The pipeline event whose job a request in a PIPELINE status waits for (its next stage's input). */
export type StageEvent = 'request.received' | 'request.eligibility-decided' | 'request.classified';

/** A request waiting for an agent: its job in its team or agent queue, at its queue order. */
export interface AgentQueueJob extends QueuePlace {
  priority: number;
}

/** What should exist in Redis for one request, derived from the stored aggregate alone. */
export interface ExpectedJobs {
  /** the stage job of a request in a pipeline status */
  stage: StageEvent | null;
  /** the team- or agent-queue job of a queued request */
  agentQueue: AgentQueueJob | null;
  /** the next SLA alarm of a paid request */
  slaAlarm: { kind: 'warning' | 'breach'; target: 'first-response' | 'resolution'; at: string } | null;
  /** a paid request queued without a clock: the SLA worker never heard of its routing (its job was lost) */
  slaClock: boolean;
}

/** The stage a pipeline request waits for: licence check until eligible, then classification, then routing. */
export function expectedStage(request: Pick<SupportRequest, 'status' | 'classification'>): StageEvent | null {
  if (!PIPELINE.includes(request.status)) return null;
  if (request.status !== 'classifying') return 'request.received';
  return request.classification ? 'request.classified' : 'request.eligibility-decided';
}

export function expectedJobs(request: SupportRequest): ExpectedJobs {
  const agentQueue = request.status === 'queued' && request.queueJob ? { ...request.queueJob, priority: queueOrder(request) } : null;
  const next = request.sla?.nextAlarm ?? null;
  const slaAlarm = request.slaNextAlarmAt && next ? { kind: next.kind, target: next.target, at: next.at } : null;
  const slaClock = request.status === 'queued' && request.supportPlan !== null && request.sla === null;
  return { stage: expectedStage(request), agentQueue, slaAlarm, slaClock };
}

/** What Redis holds for a job id: BullMQ's state, or `missing`. */
export type ObservedJob = 'missing' | 'waiting' | 'delayed' | 'prioritized' | 'waiting-children' | 'active' | 'completed' | 'failed';

/**
 * What to do about a pipeline request's stage job (the request has sat in its status longer than
 * a job should take): `publish` a lost one, `retry` a finished one (failed for good, or completed
 * although the request did not move on) while the reconciler's retries last, else `move-aside`
 * (record it as stuck, once), and `none` while the job is still on its way.
 */
export type StageRepair = 'none' | 'publish' | 'retry' | 'move-aside';

export function stageRepair(observed: ObservedJob, retriesSoFar: number, maxRetries: number, alreadyStuck: boolean): StageRepair {
  if (observed === 'missing') return alreadyStuck ? 'none' : 'publish';
  if (observed !== 'failed' && observed !== 'completed') return 'none';
  if (alreadyStuck) return 'none';
  return retriesSoFar < maxRetries ? 'retry' : 'move-aside';
}

/** The reminder and auto-close alarms of a request waiting for its customer: when each is due. */
export interface WaitAlarms {
  awaitCount: number;
  reminderAt: number;
  autoCloseAt: number;
}

/** The alarms a request waiting for its customer should have in Redis (null when it does not wait). */
export function expectedWaitAlarms(request: Pick<SupportRequest, 'status' | 'awaitCount' | 'awaitingSince'>, reminderAfterMs: number, autoCloseAfterMs: number): WaitAlarms | null {
  if (request.status !== 'awaiting-customer' || !request.awaitingSince) return null;
  const since = Date.parse(request.awaitingSince);
  return { awaitCount: request.awaitCount, reminderAt: since + reminderAfterMs, autoCloseAt: since + autoCloseAfterMs };
}

/** An agent's lease is its BullMQ job's lock: a held request whose job Redis lost holds nothing any more. */
export const leaseLost = (request: Pick<SupportRequest, 'status' | 'queueJob'>, observed: ObservedJob): boolean => request.status === 'assigned' && request.queueJob !== null && observed === 'missing';
