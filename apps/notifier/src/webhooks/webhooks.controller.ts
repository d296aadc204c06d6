import { Body, ConflictException, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InvalidInputError, validateInput } from '@support/contracts';
import { EventPublisher } from '@support/messaging';
import { WebhookStore } from '@support/persistence';
import { Access, ApiBodyTooLarge, ApiError, ApiInvalidInput, ApiKeyErrors, BEARER } from '@support/platform';
import type { Response } from 'express';
import { checkId, found } from '../../../admin/src/admin-helpers';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookSubscriptionDto } from './webhook-subscription.dto';
import { WebhookSubscriptions } from './webhook-subscriptions';
import { deliveryView, subscriptionView } from './webhook-views';
import { WebhookDeliverySchema, WebhookSubscriptionSchema, WebhookSubscriptionWithSecretSchema } from './webhooks.responses';

const limitOf = (value: string | undefined): number => {
  if (value === undefined) return 100;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1000) throw new InvalidInputError([{ field: 'limit', messages: ['limit must be an integer from 1 to 1000'] }]);
  return Number(value);
};

/**
 * Integrators' webhook subscriptions (Standard Webhooks): the secret is answered once, when set;
 * deliveries are listed with every attempt and can be sent again.
 */
@ApiTags('admin')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
@Access('admin')
@Controller('v1/admin/webhooks')
export class WebhooksController {
  constructor(
    private readonly store: WebhookStore,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly deliveries: WebhookDeliveries,
    private readonly publisher: EventPublisher,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listWebhooks', summary: 'Every webhook subscription (never their secrets)' })
  @ApiOkResponse({ description: 'The subscriptions, by id', type: [WebhookSubscriptionSchema] })
  async list() {
    return (await this.store.subscriptions()).map(subscriptionView);
  }

  @Put(':id')
  @ApiOperation({ operationId: 'putWebhook', summary: 'Create or replace a webhook subscription (enables it again); its secret is answered once' })
  @ApiParam({ name: 'id', description: 'The subscription id (1–64 letters, digits, dot, dash or underscore)' })
  @ApiQuery({ name: 'rotateSecret', required: false, enum: ['true', 'false'], description: 'true: a new generated secret for an existing subscription (the old one stops signing)' })
  @ApiBody({ type: WebhookSubscriptionDto })
  @ApiResponse({ status: 201, description: 'Created, with its secret', type: WebhookSubscriptionWithSecretSchema })
  @ApiOkResponse({ description: 'Replaced; with the secret only when this call changed it', type: WebhookSubscriptionWithSecretSchema })
  @ApiInvalidInput()
  @ApiBodyTooLarge()
  async put(@Param('id') id: string, @Body() body: unknown, @Query('rotateSecret') rotate: string | undefined, @Res({ passthrough: true }) res: Response) {
    checkId(id);
    const { created, subscription, secret } = await this.subscriptions.put(id, validateInput(WebhookSubscriptionDto, body), rotate === 'true');
    res.status(created ? 201 : 200);
    return secret ? { ...subscription, secret } : subscription;
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getWebhook', summary: 'A webhook subscription (never its secret)' })
  @ApiParam({ name: 'id', description: 'The subscription id' })
  @ApiOkResponse({ description: 'The subscription', type: WebhookSubscriptionSchema })
  @ApiError(404, 'No such subscription')
  async get(@Param('id') id: string) {
    return subscriptionView(found(await this.store.subscription(id), `webhook ${id}`));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteWebhook', summary: 'Remove a webhook subscription with its delivery history (pending deliveries are not sent)' })
  @ApiParam({ name: 'id', description: 'The subscription id' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiError(404, 'No such subscription')
  async remove(@Param('id') id: string) {
    found(await this.store.removeSubscription(id), `webhook ${id}`);
  }

  @Get(':id/deliveries')
  @ApiOperation({ operationId: 'listWebhookDeliveries', summary: "A subscription's deliveries, newest first, each with its attempts" })
  @ApiParam({ name: 'id', description: 'The subscription id' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } })
  @ApiOkResponse({ description: 'The deliveries', type: [WebhookDeliverySchema] })
  @ApiInvalidInput('A bad limit')
  @ApiError(404, 'No such subscription')
  async listDeliveries(@Param('id') id: string, @Query('limit') limit: string | undefined) {
    const max = limitOf(limit);
    found(await this.store.subscription(id), `webhook ${id}`);
    return this.deliveries.ofSubscription(id, max);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ operationId: 'redeliverWebhook', summary: 'Send a finished delivery (failed or delivered) again, with the same webhook-id and body and a new retry schedule' })
  @ApiParam({ name: 'id', description: 'The subscription id' })
  @ApiParam({ name: 'deliveryId', description: 'The delivery id (its webhook-id)' })
  @ApiResponse({ status: 202, description: 'Accepted: pending again, sent now', type: WebhookDeliverySchema })
  @ApiError(404, 'No such subscription or delivery')
  @ApiError(409, 'The delivery is still pending, or the subscription is disabled (PUT it to enable it)')
  async redeliver(@Param('id') id: string, @Param('deliveryId') deliveryId: string) {
    const subscription = found(await this.store.subscription(id), `webhook ${id}`);
    const delivery = await this.store.delivery(deliveryId);
    if (delivery?.subscriptionId !== id) found(null, `delivery ${deliveryId} of webhook ${id}`);
    if (!subscription.enabled) throw new ConflictException(`webhook ${id} is disabled (${subscription.disabledReason}): PUT it to enable it, then redeliver`);
    const now = new Date();
    const pending = await this.store.redeliver(deliveryId, now);
    if (!pending) throw new ConflictException(`delivery ${deliveryId} is still pending: its retries run on their own`);
    await this.publisher.enqueueWebhookDelivery(pending.id, pending.round, now);
    return deliveryView(pending);
  }
}
