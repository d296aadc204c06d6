import type { WebhookAttempt, WebhookDeliveryEntity, WebhookDeliveryState, WebhookSubscriptionEntity } from '@support/persistence';

/** A subscription as answered: never its secret. */
export interface WebhookSubscriptionView {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  consecutiveFailures: number;
  createdAt: string;
  updatedAt: string;
}

export function subscriptionView(row: WebhookSubscriptionEntity): WebhookSubscriptionView {
  const { id, url, events, enabled, disabledReason, disabledAt, consecutiveFailures, createdAt, updatedAt } = row;
  return { id, url, events, enabled, disabledReason, disabledAt, consecutiveFailures, createdAt, updatedAt };
}

/** A delivery as answered (GET .../deliveries, and the mail + webhook listing of a request). */
export interface WebhookDeliveryView {
  channel: 'webhook';
  id: string;
  subscriptionId: string;
  type: string;
  requestId: string | null;
  state: WebhookDeliveryState;
  attempts: WebhookAttempt[];
  /** When the next attempt runs (pending only). */
  nextAttemptAt: string | null;
  /** Why it failed for good, or the last attempt's error while it is retried. */
  lastError: string | null;
  /** Redeliveries asked so far (0: none). */
  round: number;
  createdAt: string;
  finishedAt: string | null;
  body: unknown;
}

export function deliveryView(row: WebhookDeliveryEntity): WebhookDeliveryView {
  const { id, subscriptionId, type, requestId, state, attempts, nextAttemptAt, lastError, round, createdAt, finishedAt } = row;
  return {
    channel: 'webhook',
    id,
    subscriptionId,
    type,
    requestId,
    state,
    attempts,
    nextAttemptAt: state === 'pending' ? nextAttemptAt : null,
    lastError,
    round,
    createdAt,
    finishedAt,
    body: JSON.parse(row.payload),
  };
}
