import { ConflictException, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { agentQueueName, teamQueueName } from '@support/contracts';
import { assign, leaseExpired, type SupportRequest } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { type AgentEntity, ReferenceStore, RequestStore } from '@support/persistence';
import { SETTINGS, type Settings } from '@support/platform';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { AgentQueues } from './agent-queues';

export interface Claim {
  request: SupportRequest;
  leaseExpiresAt: string;
}

const MAX_TRIES = 20;

/**
 * Claims with leases. The next request for an agent is the head of its own queue (requests
 * coming back to it), else the best head among its teams' queues (BullMQ priority: level, then
 * deadline, then age). Two agents never get the same request: taking the job is BullMQ's atomic
 * move to active under the agent's lock token.
 */
@Injectable()
export class ClaimsService implements OnApplicationBootstrap {
  constructor(
    private readonly queues: AgentQueues,
    private readonly store: RequestStore,
    private readonly reference: ReferenceStore,
    private readonly publisher: EventPublisher,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queues.onLeaseLapsed((queue, jobId) => this.leaseLapsed(queue, jobId));
    this.queues.watch((await this.reference.teams()).map((t) => teamQueueName(t.id)));
  }

  async claim(agent: AgentEntity): Promise<Claim | null> {
    const own = agentQueueName(agent.id);
    const teamQueues = agent.teams.map(teamQueueName);
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      // The agent's own queue first, whatever its head; then its teams', best head first (ranked only when needed).
      const taken = (await this.takeFirst([own])) ?? (await this.takeFirst(await this.rankTeams(teamQueues)));
      if (!taken) return null;
      const claim = await this.assign(taken.job, taken.queue, taken.token, agent);
      if (claim) return claim; // else that job was stale and is gone now: look at the heads again
    }
    return null;
  }

  /** The first job any of these queues gives, taken under a new lock token (the lease). */
  private async takeFirst(queues: string[]): Promise<{ job: Job; queue: string; token: string } | null> {
    for (const queue of queues) {
      const token = randomUUID();
      const job = await this.queues.worker(queue).getNextJob(token, { block: false });
      if (job) return { job, queue, token };
    }
    return null;
  }

  /**
   * Team queues with work, best first by their head job's priority and age. An agent of one team
   * needs no ranking: taking from an empty queue answers nothing, as cheaply as looking at its head.
   */
  private async rankTeams(teamQueues: string[]): Promise<string[]> {
    if (teamQueues.length <= 1) return teamQueues;
    const heads = await Promise.all(teamQueues.map(async (queue) => ({ queue, head: await this.queues.head(queue) })));
    return heads
      .filter((h) => h.head)
      .sort((a, b) => (a.head!.priority || 0) - (b.head!.priority || 0) || a.head!.timestamp - b.head!.timestamp)
      .map((h) => h.queue);
  }

  private async assign(job: Job, queue: string, token: string, agent: AgentEntity): Promise<Claim | null> {
    // Twice at most: a lapsed-lease note written meanwhile by the stalled check makes the first try a no-op.
    for (let attempt = 0; attempt < 2; attempt++) {
      const request = await this.store.find(job.data?.requestId);
      const isItsJob = request?.queueJob?.queue === queue && request.queueJob.id === job.id;
      // 'assigned' too: a lapsed lease put the job back before the row heard of it.
      if (!request || !isItsJob || !['queued', 'assigned'].includes(request.status)) break;
      const leaseExpiresAt = new Date(Date.now() + this.settings.leaseMs).toISOString();
      const next = assign(request, { agent: agent.id, token, place: { queue, id: job.id as string }, expiresAt: leaseExpiresAt });
      if (!(await this.store.apply(request.id, next))) continue;
      await this.publisher.emit(request, next.emits);
      // The row as just written, not read back (a second read of the row, ~50 µs of a claim's database time).
      return { request: { ...request, ...next.patch }, leaseExpiresAt };
    }
    // A job whose request no longer waits here (resolved, or moved elsewhere): finish it.
    await job.moveToCompleted('stale', token, false);
    return null;
  }

  /** Keeps the lease; fails with 409 when it has lapsed and the request went back to the queue. */
  async renew(agent: AgentEntity, request: SupportRequest): Promise<string> {
    const job = await this.heldJob(agent, request);
    const leaseExpiresAt = new Date(Date.now() + this.settings.leaseMs).toISOString();
    const extended = await job.extendLock(request.leaseToken as string, this.settings.leaseMs).catch(() => 0);
    if (!extended) throw new ConflictException('the lease has lapsed: the request went back to its queue');
    await this.store.update(request.id, { leaseExpiresAt });
    return leaseExpiresAt;
  }

  /** The job an agent holds for a request, or 409 when the agent does not hold it. */
  async heldJob(agent: AgentEntity, request: SupportRequest): Promise<Job> {
    if (request.status !== 'assigned' || request.assigneeId !== agent.id || !request.leaseToken || !request.queueJob) {
      throw new ConflictException(`request ${request.id} is not claimed by you (status ${request.status})`);
    }
    const job = await this.queues.job(request.queueJob.queue, request.queueJob.id);
    if (!job || (await job.getState()) !== 'active') throw new ConflictException('the lease has lapsed: the request went back to its queue');
    return job;
  }

  /** BullMQ found a lapsed lease and put the job back: the request is waiting again. */
  private async leaseLapsed(queue: string, jobId: string): Promise<void> {
    const job = await this.queues.job(queue, jobId);
    if (!job || (await job.getState()) === 'active') return; // already claimed again
    const request = await this.store.find(job.data?.requestId);
    if (!request || request.status !== 'assigned' || request.queueJob?.id !== jobId) return;
    await this.store.apply(request.id, leaseExpired(request, queue));
  }
}
