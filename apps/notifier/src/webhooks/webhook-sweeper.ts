import { Inject, Injectable } from '@nestjs/common';
import { Queues, webhookDeliveryJobId } from '@support/contracts';
import { EventPublisher, JobInspector } from '@support/messaging';
import { type WebhookDeliveryEntity, WebhookStore } from '@support/persistence';
import { SETTINGS, type Settings } from '@support/platform';

const SWEEP_BATCH = 500;
const SWEEP_PAGES = 20;

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
    const overdueBefore = new Date(now.getTime() - this.settings.webhooks.timeoutMs - this.settings.workerLockMs);
    let requeued = 0;
    // Page on: a backlog of overdue deliveries whose jobs are only waiting must not hide a lost one behind it.
    for (let page = 0, after: WebhookDeliveryEntity | undefined; page < SWEEP_PAGES; page++) {
      const overdue = await this.store.overduePending(overdueBefore, SWEEP_BATCH, after);
      const jobIds = overdue.map((d) => webhookDeliveryJobId(d.id, d.round));
      const states = await this.jobs.states(Queues.webhooks, jobIds);
      for (const [i, delivery] of overdue.entries()) {
        const state = states[i];
        if (state === 'missing') await this.publisher.enqueueWebhookDelivery(delivery.id, delivery.round, now);
        else if (state === 'failed' || state === 'completed') await this.jobs.retry(Queues.webhooks, jobIds[i], state);
        else continue;
        requeued++;
      }
      if (overdue.length < SWEEP_BATCH) break;
      after = overdue[overdue.length - 1];
    }
    return requeued;
  }
}
