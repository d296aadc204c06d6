import { ConflictException, Injectable } from '@nestjs/common';
import { InvalidInputError, teamQueueName } from '@support/contracts';
import { addNote, factsOf, type QueuePlace, reclassify, routeRequest, type SupportRequest, type Transition, transfer } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { type AgentEntity, LabelledExampleEntity, ReferenceStore, RequestStore } from '@support/persistence';
import { placeInQueue, publishAfterCommit, RulesService } from '@support/platform';
import type { Job } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { AgentQueues } from './agent-queues';
import { ClaimsService } from './claims.service';
import { QueuePlacement } from './queue-placement';

const invalid = (field: string, message: string) => new InvalidInputError([{ field, messages: [message] }]);

/** Triage by agents: internal notes, transfers to another team, reclassification (pure steps in libs/domain/src/request/triage.ts). */
@Injectable()
export class TriageService {
  constructor(
    private readonly store: RequestStore,
    private readonly claims: ClaimsService,
    private readonly queues: AgentQueues,
    private readonly publisher: EventPublisher,
    private readonly reference: ReferenceStore,
    private readonly rules: RulesService,
    private readonly placement: QueuePlacement,
  ) {}

  /** An internal note: stored only (nothing is published, so no mail or webhook can carry it). */
  async note(agent: AgentEntity, request: SupportRequest, body: string): Promise<void> {
    await this.store.apply(request.id, addNote(request, agent.id, body, new Date()), { durable: true });
  }

  async transfer(agent: AgentEntity, request: SupportRequest, to: string, reason: string): Promise<boolean> {
    if (to === request.teamId) throw invalid('team', `the request is already in team ${to}`);
    if (!(await this.reference.team(to))) throw invalid('team', `no team ${to}`);
    await this.takeHold(agent, request, true);
    const place = placeIn(request, to);
    return this.commit(request, transfer(request, agent.id, to, reason, place, new Date()), place);
  }

  /** The agent's clause (one standard support includes, 4.1) over the classifier's: routing and the SLA again, and a labelled example. */
  async reclassify(agent: AgentEntity, request: SupportRequest, to: string, reason: string): Promise<boolean> {
    const rules = this.rules.of(request);
    if (rules.clauses[to]?.kind !== 'included')
      throw invalid('clause', `${to} is not a clause standard support includes in rules ${rules.version} (4.1); a request it does not cover is declined, not reclassified`);
    if (to === request.classification?.clause) throw invalid('clause', `the request is already classified ${to}`);
    const route = request.segment ? routeRequest(rules, await this.reference.teams(), factsOf(request), request.segment, to, 'included', request.supportPlan) : null;
    if (!route) throw new ConflictException(`no ${request.segment ?? ''} team takes clause ${to}`);
    const moves = route.teamId !== request.teamId;
    await this.takeHold(agent, request, moves);
    const place = moves ? placeIn(request, route.teamId) : null;
    const now = new Date();
    const next = reclassify(request, { agent: agent.id, to, reason, route, place, now });
    const example: LabelledExampleEntity = {
      id: `${request.id}.${now.getTime()}`,
      requestId: request.id,
      language: request.language,
      subject: request.subject,
      description: request.description,
      clause: to,
      classifierClause: request.classification?.clause ?? null,
      rulesVersion: rules.version,
      agentId: agent.id,
      createdAt: now.toISOString(),
    };
    return this.commit(request, next, place, (m) => m.insert(LabelledExampleEntity, example));
  }

  /**
   * Only a queued or claimed request, a claimed one only by its holder. Moving to another queue
   * takes the job out of the old one first: the holder's job completes; a waiting job a claimer
   * took meanwhile cannot be removed (409, nothing stored).
   */
  private async takeHold(agent: AgentEntity, request: SupportRequest, moving: boolean): Promise<void> {
    if (request.status !== 'assigned' && request.status !== 'queued') throw new ConflictException(`request ${request.id} is ${request.status}: only a queued or claimed request can be triaged`);
    const held = request.status === 'assigned' ? await this.claims.heldJob(agent, request) : null;
    if (!moving) return;
    if (held) return void (await held.moveToCompleted('transferred', request.leaseToken as string, false));
    const job: Job | null = request.queueJob ? await this.queues.job(request.queueJob.queue, request.queueJob.id) : null;
    await job?.remove().catch(() => {
      throw new ConflictException(`request ${request.id} was claimed meanwhile: only the agent holding it can move it now`);
    });
  }

  private async commit(request: SupportRequest, next: Transition, place: QueuePlace | null, alsoStore?: (manager: EntityManager) => Promise<unknown>): Promise<boolean> {
    await this.store.apply(request.id, next, { alsoStore, durable: true });
    return publishAfterCommit('triage', async () => {
      if (place) await placeInQueue(this.publisher, { ...request, ...next.patch }, place);
      else await this.placement.follow(request.id); // a new priority re-orders a waiting request in its queue
      await this.publisher.emit(request, next.emits);
    });
  }
}

const placeIn = (request: SupportRequest, team: string): QueuePlace => ({ queue: teamQueueName(team), id: `${request.id}.triage.${Date.now()}` });
