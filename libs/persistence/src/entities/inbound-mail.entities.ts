import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A mail the SMTP receiver stored (apps/mail-in), once per Message-ID: written in the same
 * transaction as what the mail became, so a mail the sending server delivers again (it never saw
 * our 250) finds its row and changes nothing. Replies use this row; a new submission's idempotency
 * is the submission's own key (producer `email`, the same message key).
 */
@Entity('inbound_mails')
export class InboundMailEntity {
  /** SHA-256 (hex) of the Message-ID, or of the whole message when it has none. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  messageKey: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'reply';

  @Column({ type: 'varchar', length: 40 })
  requestId: string;

  @Column({ type: 'varchar', length: 30 })
  receivedAt: string;
}

/** An attachment of a customer's mail that was kept; its metadata is also on the timeline entry of the message. */
@Entity('mail_attachments')
@Index('ix_mail_attachments_request', ['requestId'])
export class MailAttachmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  requestId: string;

  @Column({ type: 'varchar', length: 64 })
  messageKey: string;

  @Column({ type: 'varchar', length: 255 })
  filename: string;

  @Column({ type: 'varchar', length: 128 })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  /** The content in base64: one portable column type for SQLite and PostgreSQL (sizes are capped, see apps/mail-in). */
  @Column({ type: 'text' })
  content: string;
}
