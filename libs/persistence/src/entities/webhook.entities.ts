import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An integrator's webhook subscription (PUT /v1/admin/webhooks/:id). The secret is kept in clear
 * because it signs every delivery; it is answered once, when set, and never read back or logged.
 */
@Entity('webhook_subscriptions')
export class WebhookSubscriptionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'text' })
  url: string;

  /** Event names, or ["*"] for every event. */
  @Column({ type: 'simple-json' })
  events: string[];

  /** `whsec_` + base64 of 24–64 bytes (Standard Webhooks). */
  @Column({ type: 'varchar', length: 100 })
  secret: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'text', nullable: true })
  disabledReason: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  disabledAt: string | null;

  /** Deliveries in a row that failed for good; reset by a delivered one (or a PUT). */
  @Column({ type: 'integer', default: 0 })
  consecutiveFailures: number;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAt: string;
}

/** One HTTP attempt of a delivery. */
export interface WebhookAttempt {
  at: string;
  /** The receiver's answer, or null when none came (timeout, refused, DNS). */
  status: number | null;
  error: string | null;
  durationMs: number;
}

export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed';

/**
 * One message to one subscription about one event occurrence: unique per (subscription,
 * occurrence), so a redelivered event adds nothing. Its id is the `webhook-id` header, the same
 * on every attempt (receivers dedupe by it). The body is stored as sent, so every attempt signs
 * the same bytes. The row is the truth about the delivery; its BullMQ job only runs the attempts.
 */
@Entity('webhook_deliveries')
@Index('uq_webhook_deliveries_occurrence', ['subscriptionId', 'occurrenceId'], { unique: true })
@Index('ix_webhook_deliveries_subscription', ['subscriptionId', 'createdAt'])
@Index('ix_webhook_deliveries_request', ['requestId'])
@Index('ix_webhook_deliveries_state_next', ['state', 'nextAttemptAt'])
export class WebhookDeliveryEntity {
  /** msg_ + 32 hex digits, derived from (subscription, occurrence). */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  subscriptionId: string;

  /** Deterministic per event occurrence (e.g. the event's job id). */
  @Column({ type: 'varchar', length: 200 })
  occurrenceId: string;

  @Column({ type: 'varchar', length: 48 })
  type: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  requestId: string | null;

  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 16 })
  state: WebhookDeliveryState;

  /** Every attempt, oldest first, over every round. */
  @Column({ type: 'simple-json' })
  attempts: WebhookAttempt[];

  /** 0, then one more for each redelivery an administrator asked for (each a new job and retry schedule). */
  @Column({ type: 'integer', default: 0 })
  round: number;

  /** Attempts in the current round: what the retry schedule counts. */
  @Column({ type: 'integer', default: 0 })
  roundAttempts: number;

  /** When the next attempt is due (pending only): the sweeper re-queues a delivery whose job was lost. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  nextAttemptAt: string | null;

  /** Why it failed for good (failed only), or the last attempt's error while pending. */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  finishedAt: string | null;
}
