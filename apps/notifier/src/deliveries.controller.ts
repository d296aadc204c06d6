import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { validateInput } from '@support/contracts';
import { MailDeliveryStore } from '@support/persistence';
import { Access, ApiError, ApiKeyErrors, BEARER } from '@support/platform';
import { DeliverySchema } from './deliveries.responses';
import { ListDeliveriesQuery } from './deliveries.query';

/** Every outgoing message with its state, for operators: what was sent, what is retried, what failed and why. */
@ApiTags('admin')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
@Access('admin')
@Controller('v1/admin/deliveries')
export class DeliveriesController {
  constructor(private readonly mails: MailDeliveryStore) {}

  @Get()
  @ApiOperation({ operationId: 'listDeliveries', summary: 'Outgoing messages (mail and webhook) with their state, newest first' })
  @ApiOkResponse({ description: 'The messages', type: [DeliverySchema] })
  @ApiError(400, 'A bad filter')
  async list(@Query() raw: unknown): Promise<DeliverySchema[]> {
    const query = validateInput(ListDeliveriesQuery, raw);
    const mails = await this.mails.list({ ...(query.requestId ? { requestId: query.requestId } : {}), ...(query.state ? { state: query.state } : {}) }, query.limit ?? 100);
    return mails.map((m) => ({
      id: m.id,
      channel: 'email',
      requestId: m.requestId,
      about: m.about,
      kind: m.kind,
      recipient: m.recipient,
      state: m.state,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
      detail: { language: m.language, subject: m.subject, messageId: m.headers.messageId },
    }));
  }
}
