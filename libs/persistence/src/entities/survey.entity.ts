import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A feedback survey ([feedback], 7.1, 7.2): after a resolved request (transactional) or
 * periodically (relationship). The send time is stored here; a delayed job only wakes the sender.
 */
@Entity('surveys')
@Index('ix_surveys_customer_sent', ['customerId', 'sentAt'])
@Index('ix_surveys_status_send', ['status', 'sendAt'])
@Index('ix_surveys_company_status', ['companyId', 'status'])
@Index('uq_surveys_request', ['requestId', 'kind', 'round'], { unique: true })
export class SurveyEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'transactional' | 'relationship';

  /** The request surveyed (transactional), or a period key such as "2026-Q4" (relationship). */
  @Column({ type: 'varchar', length: 40 })
  requestId: string;

  /** Which resolution of the request (a reopened and re-resolved request is a new round). */
  @Column({ type: 'integer', default: 0 })
  round: number;

  @Column({ type: 'varchar', length: 128 })
  customerId: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  customerEmail: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  companyId: string | null;

  @Column({ type: 'varchar', length: 16 })
  segment: 'home' | 'business';

  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 8 })
  language: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  teamId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: 'scheduled' | 'sent' | 'answered' | 'cancelled' | 'skipped' | 'expired';

  @Column({ type: 'varchar', length: 200, nullable: true })
  statusReason: string | null;

  @Column({ type: 'varchar', length: 30 })
  sendAt: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  sentAt: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  expiresAt: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  answeredAt: string | null;

  @Column({ type: 'integer', nullable: true })
  score: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  feedbackType: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;
}
