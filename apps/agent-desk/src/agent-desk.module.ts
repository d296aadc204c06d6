import { Module } from '@nestjs/common';
import { AgentQueues } from './agent-queues';
import { AgentController } from './agent.controller';
import { ClaimsService } from './claims.service';
import { ConversationService } from './conversation.service';
import { CustomerPanel } from './customer-panel';
import { DeskController } from './desk/desk.controller';
import { DeskAccess } from './desk-access';
import { LifecycleProcessor } from './lifecycle.processor';
import { QueuePlacement } from './queue-placement';
import { RequestContextController } from './request-context.controller';
import { ReturnToTeamAlarm } from './return-to-team-alarm';
import { RoutingProcessor } from './routing.processor';
import { SupervisorController } from './supervisor.controller';
import { SupervisorService } from './supervisor.service';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';

/** Routing into team queues, agents' claims with leases, the request lifecycle and its alarms, and the agents' page (/desk). */
@Module({
  controllers: [AgentController, TriageController, RequestContextController, SupervisorController, DeskController],
  providers: [RoutingProcessor, LifecycleProcessor, QueuePlacement, AgentQueues, ClaimsService, ConversationService, TriageService, SupervisorService, ReturnToTeamAlarm, DeskAccess, CustomerPanel],
})
export class AgentDeskModule {}
