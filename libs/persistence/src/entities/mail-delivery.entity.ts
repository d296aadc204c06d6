import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DeliveryState = 'pending' | 'sent' | 'failed';

/** The threading and reply headers of a mail, fixed when it is planned so every retry sends the same. */
export interface MailHeaders {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  replyTo: string | null;
  listUnsubscribe: string | null;
}

/**
 * One outgoing mail: what the notifier decided to send about an event, rendered, and what became
 * of it. The id comes from the event's occurrence and the recipient, so the same event heard twice
 * plans the same row (exactly one mail per request, event, recipient and channel).
 */
@Entity('mail_deliveries')
@Index('ix_mail_delivery_request', ['requestId', 'createdAt'])
@Index('ix_mail_delivery_state', ['state', 'createdAt'])
export class MailDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  id: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  requestId: string | null;

  /** the event the mail is about (request.resolved, survey.delivery, ...) */
  @Column({ type: 'varchar', length: 48 })
  about: string;

  /** the event's occurrence (its job id) */
  @Column({ type: 'varchar', length: 200 })
  occurrence: string;

  /** the template it was rendered from (reply, declined, survey, sla-warning, ...) */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 8 })
  language: string;

  @Column({ type: 'varchar', length: 400 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'simple-json' })
  headers: MailHeaders;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  state: DeliveryState;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  sentAt: string | null;
}
