import { Injectable } from '@nestjs/common';
import { subscribedTo, webhookBody, webhookDeliveryId, type WebhookOccurrence } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { type WebhookDeliveryEntity, WebhookStore } from '@support/persistence';

export type { WebhookOccurrence } from '@support/domain';

/**
 * Turns an event occurrence into one delivery per enabled subscription to its type: the rows
 * first (the truth; unique per subscription and occurrence), then one job each. Idempotent: a
 * redelivered event finds its rows and re-adds only the jobs of pending ones, under the same ids,
 * which adds nothing while they exist (and a job that runs for a finished delivery does nothing).
 */
@Injectable()
export class WebhookDispatcher {
  constructor(
    private readonly store: WebhookStore,
    private readonly publisher: EventPublisher,
  ) {}

  async dispatch(occurrence: WebhookOccurrence): Promise<void> {
    // The columns' sizes: a longer value is a bug of the caller, not something to cut.
    if (occurrence.id.length > 200 || occurrence.type.length > 48 || (occurrence.requestId?.length ?? 0) > 40) {
      throw new Error(`webhook occurrence too long (id ≤ 200, type ≤ 48, requestId ≤ 40 characters): ${occurrence.type} ${occurrence.id.slice(0, 60)}`);
    }
    const subscriptions = (await this.store.enabledSubscriptions()).filter((s) => subscribedTo(s.events, occurrence.type));
    if (subscriptions.length === 0) return;
    const payload = JSON.stringify(webhookBody(occurrence));
    const now = new Date().toISOString();
    const rows = subscriptions.map((s): WebhookDeliveryEntity => ({
      id: webhookDeliveryId(s.id, occurrence.id),
      subscriptionId: s.id,
      occurrenceId: occurrence.id,
      type: occurrence.type,
      requestId: occurrence.requestId,
      payload,
      state: 'pending',
      attempts: [],
      round: 0,
      roundAttempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      finishedAt: null,
    }));
    for (const delivery of await this.store.addDeliveries(rows)) {
      if (delivery.state === 'pending') await this.publisher.enqueueWebhookDelivery(delivery.id, delivery.round, new Date(delivery.nextAttemptAt ?? now));
    }
  }
}
