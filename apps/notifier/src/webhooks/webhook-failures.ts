import { Injectable } from '@nestjs/common';
import { entry, transition } from '@support/domain';
import { RequestStore, type WebhookDeliveryEntity } from '@support/persistence';

/**
 * A delivery about a request that failed for good is written on the request's timeline
 * (`notification.failed`), once per delivery and round: the effect key makes a second write
 * (a crash after the failure was recorded, then a rerun) impossible.
 */
@Injectable()
export class WebhookFailures {
  constructor(private readonly requests: RequestStore) {}

  async record(delivery: WebhookDeliveryEntity): Promise<void> {
    if (!delivery.requestId || delivery.state !== 'failed') return;
    const request = await this.requests.find(delivery.requestId);
    if (!request) return;
    const failed = entry({
      stage: 'notifier',
      event: 'notification.failed',
      detail: {
        channel: 'webhook',
        recipient: delivery.subscriptionId,
        about: delivery.type,
        deliveryId: delivery.id,
        attempts: delivery.roundAttempts,
        reason: delivery.lastError ?? 'failed',
      },
      effectKey: `notification.failed.${delivery.id}.${delivery.round}`,
    });
    await this.requests.apply(delivery.requestId, transition(request, [failed], {}, []));
  }
}
