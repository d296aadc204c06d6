import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { Jobs, occurrenceJobId, type ReplyKind, teamQueueName } from '@support/contracts';
import { release, reply, resolve, type SupportRequest } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { type AgentEntity, RequestStore } from '@support/persistence';
import { CustomerReplies, type NotQueued, placeInQueue, type Principal, publishAfterCommit, SETTINGS, type Settings } from '@support/platform';
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
  async reply(agent: AgentEntity, request: SupportRequest, body: string, waitForCustomer: boolean, kind: ReplyKind, suggestionId?: string): Promise<boolean> {
    const job = await this.claims.heldJob(agent, request);
    const next = reply(request, agent.id, body, kind, waitForCustomer, new Date(), suggestionId);
    await this.store.apply(request.id, next, { durable: true });
    return publishAfterCommit('reply', async () => {
      await this.publisher.emit(request, next.emits);
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
    await this.store.apply(request.id, next, { durable: true });
    return publishAfterCommit('resolve', async () => {
      if (job) await job.moveToCompleted('resolved', request.leaseToken as string, false);
      await this.publisher.emit(request, next.emits);
    });
  }

  /** Back to the team queue, for another agent. */
  async release(agent: AgentEntity, request: SupportRequest): Promise<boolean> {
    const job = await this.claims.heldJob(agent, request);
    await job.moveToCompleted('released', request.leaseToken as string, false);
    const place = { queue: teamQueueName(request.teamId as string), id: `${request.id}.release.${Date.now()}` };
    await this.store.apply(request.id, release(request, agent.id, place), { durable: true });
    return publishAfterCommit('release', () => placeInQueue(this.publisher, request, place));
  }

  /** A message from the customer (customer token or company key): libs/platform's CustomerReplies, shared with reply mails. */
  customerReply(principal: Principal, request: SupportRequest, body: string): Promise<{ status: string } & Partial<NotQueued>> {
    return new CustomerReplies(this.store, this.publisher, this.settings).reply(principal.kind, request, body);
  }
}
