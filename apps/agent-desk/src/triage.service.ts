import { ConflictException, Injectable } from '@nestjs/common';
import { InvalidInputError, teamQueueName } from '@support/contracts';
import { addNote, type SupportRequest, transfer } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { type AgentEntity, ReferenceStore, RequestStore } from '@support/persistence';
import { placeInQueue, publishAfterCommit } from '@support/platform';
import type { Job } from 'bullmq';
import { AgentQueues } from './agent-queues';
import { ClaimsService } from './claims.service';

/** Triage by agents: internal notes and transfers to another team (pure steps in libs/domain/src/request/triage.ts). */
@Injectable()
export class TriageService {
  constructor(
    private readonly store: RequestStore,
    private readonly claims: ClaimsService,
    private readonly queues: AgentQueues,
    private readonly publisher: EventPublisher,
    private readonly reference: ReferenceStore,
  ) {}

  /** An internal note: stored only (nothing is published, so no mail or webhook can carry it). */
  async note(agent: AgentEntity, request: SupportRequest, body: string): Promise<void> {
    await this.store.apply(request.id, addNote(request, agent.id, body, new Date()));
  }

  /**
   * Into another team's queue. A claimed request only by the agent holding it; a waiting one by
   * any agent of its team once its job is out of the old queue (a job a claimer took meanwhile
   * cannot be removed: 409, nothing stored).
   */
  async transfer(agent: AgentEntity, request: SupportRequest, to: string, reason: string): Promise<boolean> {
    if (to === request.teamId) throw new InvalidInputError([{ field: 'team', messages: [`the request is already in team ${to}`] }]);
    if (!(await this.reference.team(to))) throw new InvalidInputError([{ field: 'team', messages: [`no team ${to}`] }]);
    if (request.status !== 'assigned' && request.status !== 'queued') throw new ConflictException(`request ${request.id} is ${request.status}: only a queued or claimed request can be transferred`);
    const held = request.status === 'assigned' ? await this.claims.heldJob(agent, request) : null;
    if (held) await held.moveToCompleted('transferred', request.leaseToken as string, false);
    else await this.takeOutOfQueue(request);
    const place = { queue: teamQueueName(to), id: `${request.id}.transfer.${Date.now()}` };
    const next = transfer(request, agent.id, to, reason, place, new Date());
    await this.store.apply(request.id, next);
    return publishAfterCommit('transfer', async () => {
      await placeInQueue(this.publisher, { ...request, ...next.patch }, place);
      await this.publisher.emit(request.id, next.emits);
    });
  }

  private async takeOutOfQueue(request: SupportRequest): Promise<void> {
    const job: Job | null = request.queueJob ? await this.queues.job(request.queueJob.queue, request.queueJob.id) : null;
    await job?.remove().catch(() => {
      throw new ConflictException(`request ${request.id} was claimed meanwhile: only the agent holding it can transfer it now`);
    });
  }
}
