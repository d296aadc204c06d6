import { ApiProperty, OmitType } from '@nestjs/swagger';
import { REQUEST_STATUSES } from '@support/contracts';
import { CustomerRefSchema, OutcomeSchema, ProductRefSchema, SlaSchema } from './request-view.schema';

/**
 * The OpenAPI shapes of the customer's projection of a request (requests/customer-view.ts): what
 * a customer token or a company key reads. Never instantiated.
 */
export class CustomerMessageSchema {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ enum: ['support', 'customer'] })
  from: string;

  @ApiProperty({
    enum: ['answer', 'information-request', 'diagnostic-utility', 'notice', 'message'],
    description: "An agent's reply (answer, information-request, diagnostic-utility), an automatic notice, or the customer's own message",
  })
  kind: string;

  @ApiProperty()
  body: string;
}

/** What a customer sees of the clock: the plan and its due times, not the breaches. */
export class CustomerSlaSchema extends OmitType(SlaSchema, ['breaches'] as const) {}

export class CustomerSurveySchema {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: ['sent', 'answered', 'expired'] })
  status: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: string | null;
}

export class CustomerRequestViewSchema {
  @ApiProperty({ example: 'req_01J9Z8X2K4QF' })
  id: string;

  @ApiProperty({ description: 'Shared by the requests split from one submission (rule 2.3)' })
  submissionId: string;

  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'RequestStatus', description: 'Where the request is in its lifecycle' })
  status: string;

  @ApiProperty({ type: CustomerRefSchema })
  customer: CustomerRefSchema;

  @ApiProperty({ type: String, nullable: true })
  companyId: string | null;

  @ApiProperty({ type: ProductRefSchema })
  product: ProductRefSchema;

  @ApiProperty({ enum: ['web', 'email', 'portal', 'phone', 'api'] })
  channel: string;

  @ApiProperty({ type: String, nullable: true, example: 'lv' })
  language: string | null;

  @ApiProperty()
  subject: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstResponseAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The clause the request was classified under; null before classification or when none fits', example: '4.1.2a' })
  clause: string | null;

  @ApiProperty({ type: [String], description: 'The 4.4 caveats attached to the request (no guarantee of a fix)', example: ['4.4.2'] })
  caveats: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The English title of every clause this view cites (clause, caveats, outcome clauses), from the rules version the request is judged by',
    example: { '4.1.2a': 'False positives', '4.4.2': 'Mixed environment with incompatible applications' },
  })
  clauseTitles: Record<string, string>;

  @ApiProperty({ type: OutcomeSchema, nullable: true, description: 'Set when standard support does not cover the request' })
  outcome: OutcomeSchema | null;

  @ApiProperty({ type: CustomerSlaSchema, nullable: true, description: 'null unless the customer has a paid plan' })
  sla: CustomerSlaSchema | null;

  @ApiProperty({ type: [CustomerMessageSchema], description: 'The conversation, oldest first (empty in lists)' })
  messages: CustomerMessageSchema[];

  @ApiProperty({ type: CustomerSurveySchema, nullable: true, description: 'The feedback survey, once sent' })
  survey: CustomerSurveySchema | null;
}
