import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ClassificationSchema, CustomerRequestViewSchema, EligibilitySchema, NotQueuedFields, OutcomeSchema, RequestViewSchema } from '@support/platform';

/**
 * OpenAPI shapes of the intake answers (CONTRACT.md, "Submitting a request"), for @nestjs/swagger
 * only: the controllers answer plain objects of these shapes.
 */
export class CreatedRequestSchema {
  @ApiProperty()
  id: string;

  @ApiProperty({
    description:
      'Reads and answers this one request only (Authorization: Bearer <customerToken>): a signed JWS (HS256, with kid) of the customer purpose that expires CUSTOMER_TOKEN_TTL_MS after the request was received',
    example: 'eyJhbGciOiJIUzI1NiIsImtpZCI6Ii4uLiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBwb3J0LXdvcmtmbG93Ii4uLn0.3q2x…',
  })
  customerToken: string;
}

export class SubmissionAnswerSchema extends NotQueuedFields {
  @ApiProperty()
  submissionId: string;

  @ApiProperty({ type: [CreatedRequestSchema], description: 'More than one when the submission held several problems (rule 2.3)' })
  requests: CreatedRequestSchema[];

  @ApiPropertyOptional({ description: "Rule 2.3: the split, or the request to send one problem per request, in the customer's language" })
  notice?: string;
}

export class RequestPageSchema {
  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(RequestViewSchema) }, { $ref: getSchemaPath(CustomerRequestViewSchema) }] },
    description: "Newest first; timelines (and a customer's messages) are left empty. A customer token or a company key gets the customer's projection",
  })
  items: (RequestViewSchema | CustomerRequestViewSchema)[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}

export class PreviewEligibilitySchema extends EligibilitySchema {
  @ApiProperty({ type: String, nullable: true, enum: ['home', 'business'] })
  segment: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The paid SLA plan of a valid licence' })
  supportPlan: string | null;
}

export class PreviewEvidenceSchema {
  @ApiProperty({ example: '4.1.2a' })
  clause: string;

  @ApiProperty({ example: 'en' })
  language: string;

  @ApiProperty({ example: 'false positive' })
  term: string;

  @ApiProperty({ example: 'description' })
  field: string;

  @ApiProperty({ example: 1.5 })
  weight: number;
}

export class PreviewClassificationSchema extends ClassificationSchema {
  @ApiProperty({ description: 'The language the classifier read the text in', example: 'en' })
  language: string;

  @ApiProperty({ type: [PreviewEvidenceSchema], description: 'The terms that decided it' })
  evidence: PreviewEvidenceSchema[];
}

export class PreviewPartSchema {
  @ApiProperty()
  subject: string;

  @ApiProperty({ type: PreviewEligibilitySchema })
  eligibility: PreviewEligibilitySchema;

  @ApiProperty({ type: PreviewClassificationSchema, nullable: true, description: 'null when the licence check already refused' })
  classification: PreviewClassificationSchema | null;

  @ApiProperty({ type: OutcomeSchema, nullable: true, description: 'Set when standard support would not cover it' })
  outcome: OutcomeSchema | null;

  @ApiProperty({ type: String, nullable: true, example: 'home-lv' })
  team: string | null;

  @ApiPropertyOptional({ description: 'Why that team', example: 'home team for LV, speaks lv' })
  routing?: string;

  @ApiProperty({ type: Number, nullable: true, example: 3 })
  priority: number | null;

  @ApiProperty({ type: String, nullable: true })
  slaPlan: string | null;
}

export class TriagePreviewSchema {
  @ApiProperty({ example: '2022-04-07' })
  rulesVersion: string;

  @ApiProperty({ enum: ['split', 'ask', 'off'], description: 'Rule 2.3 as the rules version sets it' })
  splitting: string;

  @ApiProperty({ type: 'integer', example: 1 })
  problemsDetected: number;

  @ApiProperty({ type: String, nullable: true })
  notice: string | null;

  @ApiProperty({ type: [PreviewPartSchema] })
  parts: PreviewPartSchema[];
}
