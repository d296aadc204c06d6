import { Inject, Injectable, Logger } from '@nestjs/common';
import { attemptOutcome, describeAttempt } from '@support/domain';
import { type AttemptChange, type WebhookDeliveryEntity, WebhookStore } from '@support/persistence';
import { SETTINGS, type Settings } from '@support/platform';
import { DelayedError, type Job } from 'bullmq';
import { WebhookFailures } from './webhook-failures';
import { retryPolicyFrom } from './webhook-policy';
import { postWebhook, signedHeaders } from './webhook-sender';

/**
 * One run of a delivery's job: load the row (the truth), send once, record the attempt, and either
 * finish or delay the same job until the next attempt is due. Each step is safe to repeat after a
 * crash: a finished delivery is not sent again (a failed one only completes its timeline entry);
 * a recorded retry not yet scheduled is scheduled without sending. The one window left is a crash
 * between the receiver's answer and the record: that attempt is sent again with the same
 * `webhook-id`, which receivers dedupe by (Standard Webhooks: at least once).
 */
@Injectable()
export class WebhookDeliveryRunner {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly store: WebhookStore,
    private readonly failures: WebhookFailures,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async run(deliveryId: string, job: Job): Promise<string> {
    const row = await this.store.delivery(deliveryId);
    // Gone with its subscription (deleted), or finished by an earlier run.
    if (!row) return 'no such delivery';
    if (row.state === 'failed') await this.failures.record(row);
    if (row.state !== 'pending') return row.state;
    const dueAt = Date.parse(row.nextAttemptAt ?? '') || 0;
    if (dueAt > Date.now() + 1000) return this.later(job, dueAt);
    const subscription = await this.store.subscription(row.subscriptionId);
    // Deleted while this delivery was being added: nothing will send it.
    if (!subscription) return this.fail(row, 'not sent: the subscription was deleted');
    if (!subscription.enabled) return this.fail(row, `not sent: the subscription is disabled (${subscription.disabledReason ?? 'by an administrator'})`);

    const at = new Date();
    const result = await postWebhook(subscription.url, signedHeaders(subscription.secret, row.id, at, row.payload), row.payload, {
      timeoutMs: this.settings.webhooks.timeoutMs,
      allowPrivate: this.settings.webhooks.allowPrivateTargets,
    });
    const attempt = { at: at.toISOString(), status: result.status ?? null, error: result.error ?? null, durationMs: Date.now() - at.getTime() };
    const outcome = attemptOutcome(result, row.roundAttempts + 1, retryPolicyFrom(this.settings.webhooks));
    const change: AttemptChange =
      outcome.state === 'pending' ? { state: 'pending', nextAttemptAt: new Date(Date.now() + outcome.retryInMs).toISOString(), lastError: describeAttempt(result) } : outcome;
    // Another run of this delivery recorded this attempt first (a stalled job taken over): it finishes it.
    if (!(await this.store.recordAttempt(row, attempt, change, this.settings.webhooks.disableAfterFailures))) return 'recorded by another run';
    if (change.state === 'pending') return this.later(job, Date.parse(change.nextAttemptAt));
    if (change.state === 'failed') {
      // The subscription id, never its URL (it may carry a token) nor its secret.
      this.logger.warn(`webhook delivery ${row.id} to subscription ${row.subscriptionId} failed: ${change.reason}`);
      await this.failures.record({ ...row, state: 'failed', lastError: change.reason, roundAttempts: row.roundAttempts + 1 });
    }
    return change.state;
  }

  private async fail(row: WebhookDeliveryEntity, reason: string): Promise<string> {
    if (await this.store.failUnsent(row, reason, new Date())) await this.failures.record({ ...row, state: 'failed', lastError: reason });
    return 'failed';
  }

  /** The same job again at `dueAt` (BullMQ's manual delay: it is not counted as a failed job attempt). */
  private async later(job: Job, dueAt: number): Promise<never> {
    if (!job.token) throw new Error(`job ${job.id} has no lock token: cannot delay it`);
    await job.moveToDelayed(dueAt, job.token);
    throw new DelayedError(`next attempt at ${new Date(dueAt).toISOString()}`);
  }
}
