import { Processor } from '@nestjs/bullmq';
import { Events, Queues, type RequestEventData, teamQueueName } from '@support/contracts';
import { outOfHoursNotice, queueOrder, routeRequest, routingEmits, routingTransition, type SupportRequest, waitsForFirstAgent, factsOf } from '@support/domain';
import { EventPublisher, Handles, type Stage, StageProcessor, StageRunner, stageWorkerOptions } from '@support/messaging';
import { ReferenceStore } from '@support/persistence';
import { RulesService } from '@support/platform';

/**
 * Routing (rule 2.2): the team by segment × country × language (and skill), the queue priority,
 * then one job in that team's BullMQ queue for agents to claim. A request that arrives while the
 * team is closed is acknowledged with the team's opening time.
 */
@Processor(Queues.routing, stageWorkerOptions())
export class RoutingProcessor extends StageProcessor {
  private readonly stage: Stage = {
    name: 'routing',
    done: (r) => r.teamId !== null,
    notReady: (r) => (r.classification && r.segment ? null : 'is not classified yet'),
    decide: (r) => this.route(r),
    emits: routingEmits,
    // Only a request still waiting for its first agent goes (back) into its team queue.
    after: async (r) => {
      if (waitsForFirstAgent(r)) await this.publisher.enqueueForAgents(r.queueJob.queue, r.id, r.id, queueOrder(r));
    },
    outcome: (t) => (t.entries[0].event === 'request.routed' && t.entries[0].detail.fallback ? 'fallback' : 'matched'),
  };

  constructor(
    private readonly runner: StageRunner,
    private readonly reference: ReferenceStore,
    private readonly rules: RulesService,
    private readonly publisher: EventPublisher,
  ) {
    super();
  }

  @Handles(Events.classified)
  async onClassified({ requestId }: RequestEventData): Promise<string | null> {
    return (await this.runner.run(requestId, this.stage)).teamId;
  }

  private async route(request: SupportRequest) {
    const { clause, scope } = request.classification!;
    const route = routeRequest(this.rules.of(request), await this.reference.teams(), factsOf(request), request.segment!, clause, scope, request.supportPlan);
    // No team at all for the segment is a configuration gap: retry (with backoff) until an admin adds one.
    if (!route) throw new Error(`no ${request.segment} team exists to route request ${request.id} to`);
    const team = await this.reference.team(route.teamId);
    const calendar = team?.calendar ? await this.reference.calendar(team.calendar) : null;
    const notice = outOfHoursNotice(this.rules.of(request), calendar, request.language, new Date());
    return routingTransition(request, route, { queue: teamQueueName(route.teamId), id: request.id }, notice);
  }
}
