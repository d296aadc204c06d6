import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REQUEST_STATUSES } from '@support/contracts';

/**
 * The OpenAPI shapes of GET /v1/requests/:id (CONTRACT.md, "Reading a request"), as classes for
 * @nestjs/swagger. They describe `RequestView` (requests/request-view.ts) and are never instantiated.
 */
export class CustomerRefSchema {
  @ApiProperty({ example: 'c-1001' })
  id: string;
}

export class ProductRefSchema {
  @ApiProperty({ example: 'kav' })
  code: string;

  @ApiProperty({ example: '21.3' })
  version: string;
}

export class EligibilitySchema {
  @ApiProperty({ enum: ['supported', 'limited', 'refused'] })
  decision: string;

  @ApiProperty({ type: [String], description: 'Clause ids of the support rules the decision rests on', example: ['4.5a'] })
  clauses: string[];

  @ApiProperty({ description: 'A short English reason for agents', example: 'commercial licence, version supported' })
  reason: string;
}

export class ClassificationSchema {
  @ApiProperty({ type: String, nullable: true, description: 'The clause of the rules the request falls under', example: '4.1.2a' })
  clause: string | null;

  @ApiProperty({ enum: ['included', 'excluded', 'unknown'] })
  scope: string;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.91 })
  confidence: number;

  @ApiProperty({ type: [String], description: 'Caveat clauses (4.4)', example: ['4.4.2'] })
  caveats: string[];
}

export class OutcomeSchema {
  @ApiProperty({ enum: ['refused', 'out-of-scope', 'limited'] })
  kind: string;

  @ApiProperty({ type: [String], example: ['4.3.2'] })
  clauses: string[];

  @ApiProperty({ type: String, nullable: true, enum: ['professional-services', 'incident-response', 'support-restoration', 'premium-support'] })
  offer: string | null;

  @ApiProperty({ description: "The reply text in the request's language" })
  message: string;
}

export class SlaBreachSchema {
  @ApiProperty({ enum: ['first-response', 'resolution'] })
  target: string;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;
}

/** The response-time clock of a paid plan ([sla]); more fields may be present (apps/sla/README.md). */
export class SlaSchema {
  @ApiProperty({ description: 'The SLA plan id', example: 'business-gold' })
  plan: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstResponseDueAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolutionDueAt: string | null;

  @ApiProperty({ description: 'Paused while awaiting the customer' })
  paused: boolean;

  @ApiProperty({ type: [SlaBreachSchema] })
  breaches: SlaBreachSchema[];
}

export class TimelineEntrySchema {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ example: 'intake' })
  stage: string;

  @ApiProperty({ example: 'request.received' })
  event: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the stage recorded' })
  detail: Record<string, unknown>;
}

export class RequestViewSchema {
  @ApiProperty({ example: '01J9Z8X2K4QF' })
  id: string;

  @ApiProperty({ description: 'Shared by the requests split from one submission (rule 2.3)' })
  submissionId: string;

  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'RequestStatus', description: 'Where the request is in its lifecycle' })
  status: string;

  @ApiProperty({ type: String, nullable: true, enum: ['home', 'business'], description: 'From the product catalogue, once the licence check ran' })
  segment: string | null;

  @ApiProperty({ example: 'LV' })
  country: string;

  @ApiProperty({ type: String, nullable: true, example: 'lv' })
  language: string | null;

  @ApiProperty({ type: CustomerRefSchema })
  customer: CustomerRefSchema;

  @ApiProperty({ type: String, nullable: true })
  companyId: string | null;

  @ApiProperty({ type: ProductRefSchema })
  product: ProductRefSchema;

  @ApiProperty({ enum: ['web', 'email', 'portal', 'phone', 'api'] })
  channel: string;

  @ApiProperty()
  subject: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ type: String, nullable: true, example: '2022-04-07', description: 'The rules version the request is judged by' })
  rulesVersion: string | null;

  @ApiProperty({ type: EligibilitySchema, nullable: true })
  eligibility: EligibilitySchema | null;

  @ApiProperty({ type: ClassificationSchema, nullable: true })
  classification: ClassificationSchema | null;

  @ApiProperty({ type: OutcomeSchema, nullable: true, description: 'Set when the request is declined' })
  outcome: OutcomeSchema | null;

  @ApiProperty({ type: String, nullable: true, example: 'home-lv' })
  team: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Queue priority level, 1 first', example: 3 })
  priority: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'The agent holding or last holding the request' })
  assignee: string | null;

  @ApiProperty({ type: SlaSchema, nullable: true, description: 'null unless the customer has a paid plan' })
  sla: SlaSchema | null;

  @ApiProperty({ type: [TimelineEntrySchema], description: 'Every stage, oldest first (empty in lists)' })
  timeline: TimelineEntrySchema[];
}

/** The request as an agent sees it in their own list: with the lease. */
export class AgentRequestViewSchema extends RequestViewSchema {
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'When the lease lapses unless renewed' })
  leaseExpiresAt: string | null;
}
