import { Inject, Injectable } from '@nestjs/common';
import { Queues, webhookDeliveryJobId } from '@support/contracts';
import { EventPublisher, JobInspector } from '@support/messaging';
import { WebhookStore } from '@support/persistence';
import { SETTINGS, type Settings } from '@support/platform';

const SWEEP_BATCH = 500;

/**
 * Timers are triggers, not truth (principle 7): a pending delivery whose attempt is overdue and
 * whose job Redis no longer holds (lost with Redis's data, or failed for good on our own errors,
 * e.g. the database away) gets its job back. Its job id is the same, so a job still there is left alone.
 */
@Injectable()
export class WebhookSweeper {
  constructor(
    private readonly store: WebhookStore,
    private readonly publisher: EventPublisher,
    private readonly jobs: JobInspector,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async sweep(now = new Date()): Promise<number> {
    // An attempt in flight may run a whole timeout past its due time; a taken-over job a lock period more.
    const grace = this.settings.webhooks.timeoutMs + this.settings.workerLockMs;
    const overdue = await this.store.overduePending(new Date(now.getTime() - grace), SWEEP_BATCH);
    let requeued = 0;
    for (const delivery of overdue) {
      const jobId = webhookDeliveryJobId(delivery.id, delivery.round);
      const [state] = await this.jobs.states(Queues.webhooks, [jobId]);
      if (state === 'missing') await this.publisher.enqueueWebhookDelivery(delivery.id, delivery.round, now);
      else if (state === 'failed' || state === 'completed') await this.jobs.retry(Queues.webhooks, jobId, state);
      else continue;
      requeued++;
    }
    return requeued;
  }
}
