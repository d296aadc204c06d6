import type { EventType } from './events';
import { jobsConsumedBy } from './jobs';
import { Queues } from './queues';

/**
 * The events an integrator may subscribe a webhook to: what the notifier hears (the fan-out
 * table's `notifications` subscribers), the same events people get mail about. `*` subscribes to
 * all of them, including ones added later.
 */
export const WEBHOOK_EVENTS: readonly EventType[] = jobsConsumedBy(Queues.notifications) as EventType[];

export const ALL_WEBHOOK_EVENTS = '*';

/** The JSON body of every webhook (CONTRACT.md, "Reaching people"). */
export interface WebhookBody {
  type: string;
  /** When the event happened (ISO-8601 UTC). */
  timestamp: string;
  data: { requestId: string | null } & Record<string, unknown>;
}

/** A delivery's job in one round (a redelivery is a new round): the same delivery sent again adds nothing. */
export function webhookDeliveryJobId(deliveryId: string, round: number): string {
  return `webhook.${deliveryId}.${round}`;
}
