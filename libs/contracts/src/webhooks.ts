import { Events, type EventType } from './events';

/**
 * The events an integrator may subscribe a webhook to: every published event (events.ts) except
 * the intake job itself, which is a submission, not something that happened to a request. `*`
 * subscribes to all of them, including ones added later.
 */
export const WEBHOOK_EVENTS: readonly EventType[] = Object.values(Events).filter((e) => e !== Events.submitted);

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
