import { ApiProperty } from '@nestjs/swagger';
import { AgentRequestViewSchema, NotQueuedFields, RequestViewSchema } from '@support/platform';

/** OpenAPI shapes of the agents' API answers, for @nestjs/swagger only. */
export class ClaimSchema {
  @ApiProperty({ format: 'date-time', description: 'The lease lapses then unless renewed (POST /v1/agent/claims/{requestId}/renew)' })
  leaseExpiresAt: string;

  @ApiProperty({ type: RequestViewSchema })
  request: RequestViewSchema;
}

export class LeaseSchema {
  @ApiProperty({ format: 'date-time' })
  leaseExpiresAt: string;
}

export class QueueCountsSchema {
  @ApiProperty({ type: 'integer', description: 'Requests waiting to be claimed' })
  waiting: number;

  @ApiProperty({ type: 'integer', description: 'Requests claimed now' })
  active: number;
}

export class TeamQueueCountsSchema extends QueueCountsSchema {
  @ApiProperty({ description: 'The team id', example: 'home-lv' })
  id: string;
}

export class AgentSelfSchema {
  @ApiProperty()
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['agent', 'supervisor'] })
  role: string;

  @ApiProperty({ type: [TeamQueueCountsSchema] })
  teams: TeamQueueCountsSchema[];

  @ApiProperty({ type: QueueCountsSchema, description: "Requests coming back to this agent (the customer answered): the agent's own queue" })
  returning: QueueCountsSchema;
}

export class AgentRequestsSchema {
  @ApiProperty({ type: [AgentRequestViewSchema], description: 'Newest activity first; timelines are left empty' })
  items: AgentRequestViewSchema[];
}

export class CustomerReplyAnswerSchema extends NotQueuedFields {
  @ApiProperty({ description: 'The request status after the reply: queued when it went back to its agent', example: 'queued' })
  status: string;
}
