import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { agentQueueName, Events, Jobs, occurrenceJobId, Queues, teamQueueName } from '@support/contracts';
import { queuePriority } from '@support/domain';
import { EventPublisher, QueueRegistry } from '@support/messaging';
import { type AgentEntity, type RequestEntity, RequestStore, type TimelineEntry } from '@support/persistence';
import { type Principal, SETTINGS, type Settings } from '@support/platform';
import { ClaimsService } from './claims.service';

export type ReplyKind = 'answer' | 'information-request' | 'diagnostic-utility';

const STAGE = 'agent-desk';

/**
 * The request's life with an agent: replies (the first is the first response), waiting for the
 * customer (with a reminder, then auto-close), the customer's reply, resolve, release, reopen.
 * Every step is an event and a timeline entry.
 */
@Injectable()
export class ConversationService {
  constructor(
    private readonly store: RequestStore,
    private readonly claims: ClaimsService,
    private readonly publisher: EventPublisher,
    private readonly queues: QueueRegistry,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async reply(agent: AgentEntity, request: RequestEntity, body: string, waitForCustomer: boolean, kind: ReplyKind): Promise<void> {
    const job = await this.claims.heldJob(agent, request);
    const now = new Date();
    const first = !request.firstResponseAt;
    const replyKey = `reply:${now.getTime()}:${agent.id}`;
    const entries: TimelineEntry[] = [];
    const patch: Partial<RequestEntity> = first ? { firstResponseAt: now.toISOString() } : {};
    if (waitForCustomer) {
      const awaitCount = request.awaitCount + 1;
      Object.assign(patch, { status: 'awaiting-customer', awaitingSince: now.toISOString(), awaitCount, leaseToken: null, leaseExpiresAt: null, queueJob: null });
      entries.push({ stage: STAGE, event: Events.awaitingCustomer, effectKey: `awaiting:${awaitCount}`, detail: { kind, clauses: kind === 'diagnostic-utility' ? ['[utilities]'] : ['[cooperation]'] } });
    }
    await this.store.applyEffect(request.id, { stage: STAGE, event: Events.replied, effectKey: replyKey, detail: { agent: agent.id, body, kind, firstResponse: first } }, patch, entries);
    await this.publisher.publish(Events.replied, { requestId: request.id }, { key: `${request.id}.${replyKey}` });
    if (!waitForCustomer) return;
    await job.moveToCompleted('awaiting-customer', request.leaseToken as string, false);
    const awaitCount = request.awaitCount + 1;
    await this.publisher.publish(Events.awaitingCustomer, { requestId: request.id }, { key: `${request.id}.${awaitCount}` });
    const lifecycle = this.queues.get(Queues.lifecycle);
    await lifecycle.add(Jobs.reminderDue, { requestId: request.id, awaitCount }, { jobId: occurrenceJobId(Jobs.reminderDue, request.id, awaitCount), delay: this.settings.reminderAfterMs });
    await lifecycle.add(Jobs.autoCloseDue, { requestId: request.id, awaitCount }, { jobId: occurrenceJobId(Jobs.autoCloseDue, request.id, awaitCount), delay: this.settings.autoCloseAfterMs });
  }

  async resolve(agent: AgentEntity, request: RequestEntity, summary: string): Promise<void> {
    const holds = request.status === 'assigned';
    if (!holds && !(request.status === 'awaiting-customer' && request.assigneeId === agent.id)) {
      throw new ConflictException(`request ${request.id} is ${request.status}: claim it before resolving`);
    }
    const job = holds ? await this.claims.heldJob(agent, request) : null;
    const now = new Date().toISOString();
    const round = request.reopenCount;
    await this.store.applyEffect(
      request.id,
      { stage: STAGE, event: Events.resolved, effectKey: `resolved:${round}`, detail: { agent: agent.id, summary } },
      { status: 'resolved', resolvedAt: now, leaseToken: null, leaseExpiresAt: null, queueJob: null, firstResponseAt: request.firstResponseAt ?? now },
    );
    if (job) await job.moveToCompleted('resolved', request.leaseToken as string, false);
    await this.publisher.publish(Events.resolved, { requestId: request.id }, { key: `${request.id}.${round}` });
  }

  /** Back to the team queue, for another agent. */
  async release(agent: AgentEntity, request: RequestEntity): Promise<void> {
    const job = await this.claims.heldJob(agent, request);
    const queue = teamQueueName(request.teamId as string);
    await job.moveToCompleted('released', request.leaseToken as string, false);
    const jobId = `${request.id}.release.${Date.now()}`;
    await this.store.applyEffect(
      request.id,
      { stage: STAGE, event: Events.released, effectKey: `released:${request.leaseToken}`, detail: { agent: agent.id } },
      { status: 'queued', assigneeId: null, leaseToken: null, leaseExpiresAt: null, queueJob: { queue, id: jobId } },
    );
    await this.enqueue(request, queue, jobId);
  }

  /**
   * A message from the customer (customer token or company key): it brings a request that waits
   * for them back to its agent, reopens a resolved one within the window, and is kept on any
   * other open request.
   */
  async customerReply(principal: Principal, request: RequestEntity, body: string): Promise<{ status: string }> {
    const now = new Date();
    const detail = { from: principal.kind, body };
    const key = `customer:${now.getTime()}`;
    if (request.status === 'awaiting-customer') {
      return this.backToAgent(request, { stage: STAGE, event: Events.customerReplied, effectKey: key, detail }, {}, Events.customerReplied, `r${request.awaitCount}`);
    }
    if (request.status === 'resolved') {
      const resolvedAt = Date.parse(request.resolvedAt ?? '');
      if (now.getTime() - resolvedAt > this.settings.reopenWindowMs) {
        throw new ConflictException('this request was resolved too long ago to reopen: please submit a new request');
      }
      const reopenCount = request.reopenCount + 1;
      return this.backToAgent(
        request,
        { stage: STAGE, event: Events.reopened, effectKey: `reopened:${reopenCount}`, detail },
        { reopenCount, resolvedAt: null },
        Events.reopened,
        `o${reopenCount}`,
      );
    }
    if (['closed', 'declined'].includes(request.status)) {
      throw new ConflictException(`this request is ${request.status}: please submit a new request`);
    }
    await this.store.applyEffect(request.id, { stage: STAGE, event: 'request.customer-message', effectKey: key, detail }, {});
    return { status: request.status };
  }

  private async backToAgent(request: RequestEntity, entry: TimelineEntry & { effectKey: string }, patch: Partial<RequestEntity>, event: typeof Events.customerReplied | typeof Events.reopened, occurrence: string) {
    const queue = request.assigneeId ? agentQueueName(request.assigneeId) : teamQueueName(request.teamId as string);
    const jobId = `${request.id}.${occurrence}`;
    const applied = await this.store.applyEffect(request.id, entry, { ...patch, status: 'queued', awaitingSince: null, queueJob: { queue, id: jobId } });
    if (!applied) throw new ConflictException('this reply was already received');
    await this.enqueue(request, queue, jobId);
    await this.publisher.publish(event, { requestId: request.id }, { key: `${request.id}.${occurrence}` });
    return { status: 'queued' };
  }

  private async enqueue(request: RequestEntity, queue: string, jobId: string): Promise<void> {
    const deadline = (request.sla as { resolutionDueAt?: string } | null)?.resolutionDueAt;
    await this.publisher.enqueueForAgents(queue, jobId, request.id, queuePriority(request.priority ?? 3, deadline ? new Date(deadline) : null));
  }
}
