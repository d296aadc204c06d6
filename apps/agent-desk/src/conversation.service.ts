import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { agentQueueName, Jobs, occurrenceJobId, type ReplyKind, teamQueueName } from '@support/contracts';
import { customerMessageKind, customerWrote, queueOrder, type QueuePlace, release, reply, resolve, type SupportRequest } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { type AgentEntity, RequestStore } from '@support/persistence';
import { type NotQueued, notQueued, type Principal, publishAfterCommit, SETTINGS, type Settings } from '@support/platform';
import { ClaimsService } from './claims.service';

export type { ReplyKind } from '@support/contracts';

/**
 * The request's life with an agent: replies (the first is the first response), waiting for the
 * customer (with a reminder, then auto-close), the customer's reply, resolve, release, reopen.
 * Each step is a pure transition (libs/domain/src/request/desk.ts) stored once, then published;
 * this service adds what the queues must do (the agent's lease, the alarms, the queue place).
 *
 * What follows a commit is publishing. When Redis cannot be reached then, the step stays stored
 * and the method answers false ("not queued"), so the caller says so rather than a 500 that hides
 * a stored change; what was not published is published again from the database (the reconciler).
 * Redis work before the commit (the held job) fails the step with nothing stored: a 503.
 */
@Injectable()
export class ConversationService {
  constructor(
    private readonly store: RequestStore,
    private readonly claims: ClaimsService,
    private readonly publisher: EventPublisher,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Answers whether what follows the commit was published (false: stored, Redis unreachable). */
  async reply(agent: AgentEntity, request: SupportRequest, body: string, waitForCustomer: boolean, kind: ReplyKind): Promise<boolean> {
    const job = await this.claims.heldJob(agent, request);
    const next = reply(request, agent.id, body, kind, waitForCustomer, new Date());
    await this.store.apply(request.id, next);
    return publishAfterCommit('reply', async () => {
      await this.publisher.emit(request.id, next.emits);
      if (!waitForCustomer) return;
      await job.moveToCompleted('awaiting-customer', request.leaseToken as string, false);
      const alarm = { requestId: request.id, awaitCount: request.awaitCount + 1 };
      await this.publisher.enqueue(Jobs.reminderDue, alarm, { jobId: occurrenceJobId(Jobs.reminderDue, request.id, alarm.awaitCount), delay: this.settings.reminderAfterMs });
      await this.publisher.enqueue(Jobs.autoCloseDue, alarm, { jobId: occurrenceJobId(Jobs.autoCloseDue, request.id, alarm.awaitCount), delay: this.settings.autoCloseAfterMs });
    });
  }

  async resolve(agent: AgentEntity, request: SupportRequest, summary: string): Promise<boolean> {
    const holds = request.status === 'assigned';
    if (!holds && !(request.status === 'awaiting-customer' && request.assigneeId === agent.id)) {
      throw new ConflictException(`request ${request.id} is ${request.status}: claim it before resolving`);
    }
    const job = holds ? await this.claims.heldJob(agent, request) : null;
    const next = resolve(request, agent.id, summary, new Date());
    await this.store.apply(request.id, next);
    return publishAfterCommit('resolve', async () => {
      if (job) await job.moveToCompleted('resolved', request.leaseToken as string, false);
      await this.publisher.emit(request.id, next.emits);
    });
  }

  /** Back to the team queue, for another agent. */
  async release(agent: AgentEntity, request: SupportRequest): Promise<boolean> {
    const job = await this.claims.heldJob(agent, request);
    await job.moveToCompleted('released', request.leaseToken as string, false);
    const place = { queue: teamQueueName(request.teamId as string), id: `${request.id}.release.${Date.now()}` };
    await this.store.apply(request.id, release(request, agent.id, place));
    return publishAfterCommit('release', () => this.place(request, place));
  }

  /**
   * A message from the customer (customer token or company key): it brings a request that waits
   * for them back to its agent, reopens a resolved one within the window, and is kept on any
   * other open request.
   */
  async customerReply(principal: Principal, request: SupportRequest, body: string): Promise<{ status: string } & Partial<NotQueued>> {
    const now = new Date();
    const kind = customerMessageKind(request, now, this.settings.reopenWindowMs);
    if (kind === 'too-late') throw new ConflictException('this request was resolved too long ago to reopen: please submit a new request');
    if (kind === 'finished') throw new ConflictException(`this request is ${request.status}: please submit a new request`);
    if (kind === 'note') {
      await this.store.apply(request.id, customerWrote(request, principal.kind, body, { kind: 'note' }, now));
      return { status: request.status };
    }
    // Back to its agent (a queue of their own, claimed before the team queues), or to the team.
    const occurrence = kind === 'answered' ? `r${request.awaitCount}` : `o${request.reopenCount + 1}`;
    const queue = request.assigneeId ? agentQueueName(request.assigneeId) : teamQueueName(request.teamId as string);
    const place = { queue, id: `${request.id}.${occurrence}` };
    const next = customerWrote(request, principal.kind, body, { kind, place }, now);
    if (!(await this.store.apply(request.id, next))) throw new ConflictException('this reply was already received');
    const queued = await publishAfterCommit('customer reply', async () => {
      await this.place(request, place);
      await this.publisher.emit(request.id, next.emits);
    });
    return { status: next.patch.status ?? request.status, ...(queued ? {} : notQueued('the agent sees it')) };
  }

  private async place(request: SupportRequest, place: QueuePlace): Promise<void> {
    await this.publisher.enqueueForAgents(place.queue, place.id, request.id, queueOrder(request));
  }
}
