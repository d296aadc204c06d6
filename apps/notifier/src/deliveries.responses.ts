import { ApiProperty } from '@nestjs/swagger';

/** One outgoing message and what became of it. */
export class DeliverySchema {
  @ApiProperty({ example: 'm_3f1c0d2a9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a' })
  id: string;

  @ApiProperty({ enum: ['email', 'webhook'] })
  channel: string;

  @ApiProperty({ type: 'string', nullable: true, example: 'req_0f8e2c4b6a1d4e3f9a7b5c3d1e2f4a6b' })
  requestId: string | null;

  @ApiProperty({ description: 'The event the message is about', example: 'request.resolved' })
  about: string;

  @ApiProperty({ description: 'The mail template (email) or the subscription (webhook)', example: 'resolved' })
  kind: string;

  @ApiProperty({ description: 'The address (email) or the subscription id (webhook)', example: 'anna@example.com' })
  recipient: string;

  @ApiProperty({ enum: ['pending', 'sent', 'failed'] })
  state: string;

  @ApiProperty({ example: 1 })
  attempts: number;

  @ApiProperty({ type: 'string', nullable: true, description: 'Why the last attempt failed' })
  lastError: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'email: language, subject, Message-ID' })
  detail: Record<string, unknown>;
}
