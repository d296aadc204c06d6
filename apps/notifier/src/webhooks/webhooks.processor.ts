import { Processor } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, Queues, type WebhookDeliveryData } from '@support/contracts';
import { EventPublisher, Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { SETTINGS, type Settings } from '@support/platform';
import type { Job } from 'bullmq';
import { WebhookDeliveryRunner } from './webhook-delivery-runner';
import { WebhookSweeper } from './webhook-sweeper';

/** The webhooks queue: each delivery's attempts, and the periodic sweep for lost delivery jobs. */
@Processor(Queues.webhooks, stageWorkerOptions())
export class WebhooksProcessor extends StageProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly runner: WebhookDeliveryRunner,
    private readonly sweeper: WebhookSweeper,
    private readonly publisher: EventPublisher,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.publisher.schedule(Jobs.webhookSweep, { every: this.settings.webhooks.sweepEveryMs });
  }

  @Handles(Jobs.webhookDelivery)
  deliver({ deliveryId }: WebhookDeliveryData, job: Job): Promise<string> {
    return this.runner.run(deliveryId, job);
  }

  @Handles(Jobs.webhookSweep)
  async sweep(): Promise<{ requeued: number }> {
    return { requeued: await this.sweeper.sweep() };
  }
}
