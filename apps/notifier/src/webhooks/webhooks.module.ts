import { Module } from '@nestjs/common';
import { WebhookStore } from '@support/persistence';
import { SETTINGS, type Settings } from '@support/platform';
import { DataSource } from 'typeorm';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookDeliveryRunner } from './webhook-delivery-runner';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookFailures } from './webhook-failures';
import { WebhookSubscriptions } from './webhook-subscriptions';
import { WebhookSweeper } from './webhook-sweeper';
import { WebhooksController } from './webhooks.controller';
import { WebhooksProcessor } from './webhooks.processor';

/**
 * Signed webhooks (Standard Webhooks): the admin API of subscriptions and deliveries, the
 * dispatcher the notifier calls for every event it handles, and the worker of the webhooks queue.
 * Exports WebhookDispatcher and WebhookDeliveries.
 */
@Module({
  controllers: [WebhooksController],
  providers: [
    { provide: WebhookStore, useFactory: (ds: DataSource, settings: Settings) => new WebhookStore(ds, settings.referenceCacheMs), inject: [DataSource, SETTINGS] },
    WebhookSubscriptions,
    WebhookDispatcher,
    WebhookDeliveries,
    WebhookDeliveryRunner,
    WebhookFailures,
    WebhookSweeper,
    WebhooksProcessor,
  ],
  exports: [WebhookDispatcher, WebhookDeliveries],
})
export class WebhooksModule {}
