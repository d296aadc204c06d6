import { Processor } from '@nestjs/bullmq';
import { Events, Queues, type RequestEventData, teamQueueName } from '@support/contracts';
import { queuePriority, routeRequest, type Scope } from '@support/domain';
import { EventPublisher, Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { ReferenceStore, RequestStore } from '@support/persistence';
import { factsOf, Metrics, RulesService } from '@support/platform';
import { UnrecoverableError } from 'bullmq';
import { outOfHoursNotice } from './opening-hours';

const STAGE = 'routing';

/**
 * Routing (rule 2.2): the team by segment × country × language (and skill), the queue priority,
 * then one job in that team's BullMQ queue for agents to claim. A request that arrives while the
 * team is closed is acknowledged with the team's opening time.
 */
@Processor(Queues.routing, stageWorkerOptions())
export class RoutingProcessor extends StageProcessor {
  constructor(
    private readonly store: RequestStore,
    private readonly reference: ReferenceStore,
    private readonly rules: RulesService,
    private readonly publisher: EventPublisher,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  @Handles(Events.classified)
  async onClassified({ requestId }: RequestEventData): Promise<string | null> {
    let request = await this.store.find(requestId);
    if (!request) throw new UnrecoverableError(`request ${requestId} does not exist`);
    if (!request.classification || !request.segment) throw new UnrecoverableError(`request ${requestId} is not classified yet`);
    // The team is written with the stage's effect, in one transaction: its presence is the effect's.
    if (!request.teamId) {
      const { clause, scope } = request.classification as { clause: string | null; scope: Scope };
      const route = routeRequest(this.rules.byVersion(request.rulesVersion as string), await this.reference.teams(), factsOf(request), request.segment as 'home' | 'business', clause, scope, request.supportPlan);
      // No team at all for the segment is a configuration gap: retry (with backoff) until an admin adds one.
      if (!route) throw new Error(`no ${request.segment} team exists to route request ${requestId} to`);
      const team = await this.reference.team(route.teamId);
      const calendar = team?.calendar ? await this.reference.calendar(team.calendar) : null;
      const notice = outOfHoursNotice(this.rules.byVersion(request.rulesVersion as string), calendar, request.language, new Date());
      const queueJob = { queue: teamQueueName(route.teamId), id: requestId };
      const patch = { teamId: route.teamId, priority: route.priority, status: 'queued', queueJob };
      request = await this.store.applyEffectTo(
        request,
        { stage: STAGE, event: Events.routed, effectKey: STAGE, detail: { team: route.teamId, priority: route.priority, reason: route.reason, fallback: route.fallback, clauses: route.clauses, priorityReason: route.priorityReason } },
        patch,
        notice ? [{ stage: STAGE, event: 'request.acknowledged', effectKey: 'out-of-hours', detail: notice }] : [],
      );
      this.metrics.decisions.inc({ stage: STAGE, outcome: route.fallback ? 'fallback' : 'matched' });
    }
    const routed = request;
    // Only a request still waiting for its first agent goes (back) into its team queue.
    if (routed.status === 'queued' && routed.queueJob?.id === requestId) {
      const deadline = (routed.sla as { firstResponseDueAt?: string } | null)?.firstResponseDueAt;
      await this.publisher.enqueueForAgents(routed.queueJob.queue, requestId, requestId, queuePriority(routed.priority ?? 3, deadline ? new Date(deadline) : null));
    }
    await this.publisher.publish(Events.routed, { requestId });
    return routed.teamId;
  }
}
