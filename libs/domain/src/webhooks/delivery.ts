import { createHash } from 'node:crypto';

/** One thing that happened, as the notifier hands it to the webhook dispatcher. */
export interface WebhookOccurrence {
  /** Deterministic per occurrence (e.g. the event's BullMQ job id): the same occurrence dispatched twice is one delivery. */
  id: string;
  /** The event name, e.g. request.resolved. */
  type: string;
  requestId: string | null;
  data: Record<string, unknown>;
  at: Date;
}

/** The delivery of one occurrence to one subscription; also its `webhook-id` (msg_ + 32 hex digits). */
export function webhookDeliveryId(subscriptionId: string, occurrenceId: string): string {
  return `msg_${createHash('sha256').update(`${subscriptionId}\u0000${occurrenceId}`).digest('hex').slice(0, 32)}`;
}

/** The body every subscriber gets (CONTRACT.md): `{ type, timestamp, data: { requestId, ... } }`. */
export function webhookBody(occurrence: WebhookOccurrence): { type: string; timestamp: string; data: Record<string, unknown> } {
  return { type: occurrence.type, timestamp: occurrence.at.toISOString(), data: { requestId: occurrence.requestId, ...occurrence.data } };
}
