import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALL_WEBHOOK_EVENTS, WEBHOOK_EVENTS } from '@support/contracts';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length } from 'class-validator';

/** PUT /v1/admin/webhooks/{id} body. What the URL, event names and secret must be is checked by the domain's rules (webhook-subscriptions.ts). */
export class WebhookSubscriptionDto {
  @ApiProperty({ format: 'uri', maxLength: 2000, description: 'Where deliveries are POSTed (http or https)', example: 'https://crm.example.com/hooks/support' })
  @IsString()
  @Length(1, 2000)
  url: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [ALL_WEBHOOK_EVENTS, ...WEBHOOK_EVENTS] },
    minItems: 1,
    maxItems: 100,
    description: 'The events to deliver, or ["*"] for every event (also ones added later)',
    example: ['request.resolved', 'request.declined'],
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  events: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$',
    maxLength: 100,
    description: 'The signing secret: "whsec_" + base64 of 24–64 random bytes (Standard Webhooks). Left out (or null): a new subscription gets a generated one, an existing one keeps its own',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  secret?: string | null;
}
