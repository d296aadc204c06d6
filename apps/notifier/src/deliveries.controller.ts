import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { validateInput } from '@support/contracts';
import { MailDeliveryStore } from '@support/persistence';
import { Access, ApiError, ApiKeyErrors, BEARER } from '@support/platform';
import { DeliverySchema } from './deliveries.responses';
import { ListDeliveriesQuery } from './deliveries.query';
import { WebhookDeliveries } from './webhooks';

/** Every outgoing message with its state, for operators: what was sent, what is retried, what failed and why. */
@ApiTags('admin')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
@Access('admin')
@Controller('v1/admin/deliveries')
export class DeliveriesController {
  constructor(
    private readonly mails: MailDeliveryStore,
    private readonly webhooks: WebhookDeliveries,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listDeliveries', summary: 'Outgoing messages (mail and webhook) with their state, newest first' })
  @ApiOkResponse({ description: 'The messages', type: [DeliverySchema] })
  @ApiError(400, 'A bad filter')
  async list(@Query() raw: unknown): Promise<DeliverySchema[]> {
    const query = validateInput(ListDeliveriesQuery, raw);
    const limit = query.limit ?? 100;
    const byRequest = query.requestId ? { requestId: query.requestId } : {};
    const mails = await this.mails.list({ ...byRequest, ...(query.state ? { state: query.state } : {}) }, limit);
    // A webhook's `delivered` is a mail's `sent`: one state vocabulary for both channels.
    const hooks = await this.webhooks.latest({ ...byRequest, ...(query.state ? { state: query.state === 'sent' ? 'delivered' : query.state } : {}) }, limit);
    const mailViews: DeliverySchema[] = mails.map((m) => ({
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
    const hookViews: DeliverySchema[] = hooks.map((h) => ({
      id: h.id,
      channel: 'webhook',
      requestId: h.requestId,
      about: h.type,
      kind: 'webhook',
      recipient: h.subscriptionId,
      state: h.state === 'delivered' ? 'sent' : h.state,
      attempts: h.attempts.length,
      lastError: h.lastError,
      createdAt: h.createdAt,
      sentAt: h.state === 'delivered' ? h.finishedAt : null,
      detail: { attempts: h.attempts, nextAttemptAt: h.nextAttemptAt, round: h.round },
    }));
    return [...mailViews, ...hookViews].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
  }
}
