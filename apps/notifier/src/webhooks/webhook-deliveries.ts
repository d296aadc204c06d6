import { Injectable } from '@nestjs/common';
import { WebhookStore } from '@support/persistence';
import { deliveryView, type WebhookDeliveryView } from './webhook-views';

/** Reading webhook deliveries, for the admin listings (per subscription here; per request for GET /v1/admin/deliveries). */
@Injectable()
export class WebhookDeliveries {
  constructor(private readonly store: WebhookStore) {}

  /** Every webhook delivery about a request (to any subscription), oldest first. */
  async forRequest(requestId: string): Promise<WebhookDeliveryView[]> {
    return (await this.store.deliveriesForRequest(requestId)).map(deliveryView);
  }

  /** The latest deliveries (newest first), narrowed by request and state. */
  async latest(filter: { requestId?: string; state?: 'pending' | 'delivered' | 'failed' }, limit = 100): Promise<WebhookDeliveryView[]> {
    return (await this.store.deliveries(filter, limit)).map(deliveryView);
  }

  /** A subscription's latest deliveries, newest first. */
  async ofSubscription(subscriptionId: string, limit = 100): Promise<WebhookDeliveryView[]> {
    return (await this.store.deliveriesOf(subscriptionId, limit)).map(deliveryView);
  }
}
