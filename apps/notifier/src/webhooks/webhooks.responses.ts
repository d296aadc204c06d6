import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WebhookSubscriptionDto } from './webhook-subscription.dto';

/** OpenAPI shapes of the webhook admin API (webhook-views.ts builds them). */
export class WebhookSubscriptionSchema extends WebhookSubscriptionDto {
  @ApiProperty({ example: 'crm' })
  id: string;

  @ApiProperty({ description: 'false after its endpoint answered 410 Gone, or after WEBHOOK_DISABLE_AFTER_FAILURES deliveries in a row failed; a PUT enables it again' })
  enabled: boolean;

  @ApiProperty({ type: String, nullable: true, example: null })
  disabledReason: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  disabledAt: string | null;

  @ApiProperty({ description: 'Deliveries in a row that failed for good' })
  consecutiveFailures: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class WebhookSubscriptionWithSecretSchema extends WebhookSubscriptionSchema {
  @ApiPropertyOptional({ description: 'The signing secret, answered only when this call set it (created, given or rotated); never again', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  declare secret?: string;
}

export class WebhookAttemptSchema {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: Number, nullable: true, description: "The receiver's HTTP status; null when no answer came", example: 500 })
  status: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why no answer came (timeout, connection refused, DNS)', example: null })
  error: string | null;

  @ApiProperty({ example: 42 })
  durationMs: number;
}

export class WebhookDeliverySchema {
  @ApiProperty({ enum: ['webhook'] })
  channel: string;

  @ApiProperty({ description: 'The delivery id, sent as the webhook-id header (the same on every attempt)', example: 'msg_4f9c2b1d0e8a7f6c5b4a39281706f5e4' })
  id: string;

  @ApiProperty({ example: 'crm' })
  subscriptionId: string;

  @ApiProperty({ description: 'The event', example: 'request.resolved' })
  type: string;

  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;

  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] })
  state: string;

  @ApiProperty({ type: [WebhookAttemptSchema], description: 'Every attempt, oldest first' })
  attempts: WebhookAttemptSchema[];

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the next attempt runs (pending only)' })
  nextAttemptAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it failed for good, or the last error while it is retried' })
  lastError: string | null;

  @ApiProperty({ description: 'Redeliveries asked so far' })
  round: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  finishedAt: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The JSON body sent: { type, timestamp, data: { requestId, ... } }' })
  body: object;
}
