import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProductDto, TeamDto } from './reference.dto';

/**
 * OpenAPI shapes of the admin API, for @nestjs/swagger only: the stored rows it answers with, and
 * the calendar and SLA plan bodies (validated by the domain's validators, not by DTO classes).
 */
const INTERVALS = { type: 'array', items: { type: 'array', items: { type: 'string', pattern: '^\\d{2}:\\d{2}$' }, minItems: 2, maxItems: 2 } } as const;
const MINUTES = {
  type: 'object',
  additionalProperties: { type: 'number', exclusiveMinimum: true, minimum: 0 },
  description: 'Minutes per priority ("1", "2", "3")',
  example: { '1': 60, '2': 240, '3': 480 },
} as const;

export class ProductSchema extends ProductDto {
  @ApiProperty({ example: 'kav' })
  code: string;
}

export class LicenceSchema {
  @ApiProperty({ example: 'LIC-ANNA-KAV' })
  key: string;

  @ApiProperty({ example: 'kav' })
  productCode: string;

  @ApiProperty({ type: String, nullable: true })
  customerId: string | null;

  @ApiProperty({ type: String, nullable: true })
  companyId: string | null;

  @ApiProperty({ enum: ['active', 'expired', 'revoked'] })
  status: string;

  @ApiProperty({ type: String, nullable: true })
  validUntil: string | null;

  @ApiProperty({ enum: ['commercial', 'free', 'trial'] })
  kind: string;

  @ApiProperty({ type: String, nullable: true, description: 'The paid SLA plan id' })
  supportPlan: string | null;
}

export class TeamSchema extends TeamDto {
  @ApiProperty({ example: 'home-lv' })
  id: string;
}

export class CalendarOverrideSchema {
  @ApiProperty({ format: 'date', example: '2026-12-24' })
  date: string;

  @ApiProperty({ ...INTERVALS, description: 'The working intervals of that day instead of the weekly ones ([] = closed)', example: [['09:00', '13:00']] })
  intervals: [string, string][];
}

/** PUT /v1/admin/calendars/{id} body: a team's working hours (rule 2.2). */
export class CalendarBody {
  @ApiProperty({ description: 'IANA time zone', example: 'Europe/Riga' })
  timezone: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: INTERVALS,
    description: 'Working intervals per weekday (mon … sun), as [start, end] local times; a day left out is closed',
    example: {
      mon: [
        ['09:00', '13:00'],
        ['14:00', '18:00'],
      ],
      tue: [['09:00', '18:00']],
    },
  })
  weekly: Record<string, [string, string][]>;

  @ApiPropertyOptional({ type: [String], description: 'Closed days (ISO dates)', example: ['2026-11-18'] })
  holidays?: string[];

  @ApiPropertyOptional({ type: [CalendarOverrideSchema], description: 'One-off days with other hours' })
  overrides?: CalendarOverrideSchema[];
}

export class CalendarSchema extends CalendarBody {
  @ApiProperty({ example: 'riga-office' })
  id: string;
}

/** PUT /v1/admin/sla-plans/{id} body: a paid plan's targets ([sla]). */
export class SlaPlanBody {
  @ApiProperty({ enum: ['business', '24x7'], description: "business: counted on the team's calendar; 24x7: around the clock" })
  hours: string;

  @ApiProperty(MINUTES)
  firstResponseMinutes: Record<string, number>;

  @ApiProperty(MINUTES)
  resolutionMinutes: Record<string, number>;

  @ApiPropertyOptional({ exclusiveMinimum: true, minimum: 0, exclusiveMaximum: true, maximum: 100, default: 80, description: 'Warn when this share of a target has elapsed' })
  warnAtPercent?: number;
}

export class SlaPlanSchema extends SlaPlanBody {
  @ApiProperty({ example: 'business-gold' })
  id: string;
}

const KEY = { description: 'The bearer key, answered only when created or rotated (stored hashed)' };

export class ProducerSchema {
  @ApiProperty({ example: 'web-form' })
  id: string;

  @ApiProperty({ example: 'Website form' })
  name: string;
}

export class ProducerWithKeySchema extends ProducerSchema {
  @ApiPropertyOptional(KEY)
  key?: string;
}

export class AgentSchema {
  @ApiProperty({ example: 'ilze' })
  id: string;

  @ApiProperty({ example: 'Ilze' })
  name: string;

  @ApiProperty({ type: [String], example: ['home-lv'] })
  teams: string[];

  @ApiProperty({ enum: ['agent', 'supervisor'] })
  role: string;

  @ApiProperty({ type: 'string', format: 'email', nullable: true, example: 'ilze@support.example.com' })
  email: string | null;
}

export class AgentWithKeySchema extends AgentSchema {
  @ApiPropertyOptional(KEY)
  key?: string;
}

export class CompanySchema {
  @ApiProperty({ example: 'acme-lv' })
  id: string;

  @ApiProperty({ example: 'SIA Piemērs' })
  name: string;

  @ApiProperty({ example: 'LV' })
  country: string;
}

export class CompanyWithKeySchema extends CompanySchema {
  @ApiPropertyOptional(KEY)
  key?: string;
}

/** A request the reconciler moved aside: its stage job kept failing after every retry. */
export class StuckRequestSchema {
  @ApiProperty({ example: 'req_4f1c9e0b2a7d4c8e9f1a2b3c4d5e6f70' })
  requestId: string;

  @ApiProperty({ description: 'The request status now (a pipeline status while it is stuck)', example: 'received' })
  status: string;

  @ApiProperty({ description: 'The stage event whose job keeps failing', enum: ['request.received', 'request.eligibility-decided', 'request.classified'] })
  job: string;

  @ApiProperty({ description: 'The queue of that job', example: 'licence-check' })
  queue: string;

  @ApiProperty({ description: 'The BullMQ job id (its failure reason is in the queue dashboard too)', example: 'req_4f1c9e0b2a7d4c8e9f1a2b3c4d5e6f70.request.received' })
  jobId: string;

  @ApiProperty({ description: "The reconciler's retries before it gave up (RECONCILE_RETRIES)", example: 3 })
  retries: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the job failed the last time', example: 'rules version 1999-01-01 is not loaded (config/rules)' })
  lastError: string | null;

  @ApiProperty({ description: 'When it was moved aside', example: '2026-11-17T10:00:00.000Z' })
  stuckAt: string;
}

export class StuckRetrySchema {
  @ApiProperty({ example: 'req_4f1c9e0b2a7d4c8e9f1a2b3c4d5e6f70' })
  requestId: string;

  @ApiProperty({ description: 'What happens next', example: 'the reconciler retries the stage job now, up to RECONCILE_RETRIES times again' })
  message: string;
}
