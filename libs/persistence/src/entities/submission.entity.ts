import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a producer sent, once: the same idempotency key from the same producer is one row. */
@Entity('submissions')
@Index('uq_submissions_producer_key', ['producerId', 'idempotencyKey'], { unique: true })
export class SubmissionEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'varchar', length: 128 })
  producerId: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'varchar', length: 30 })
  receivedAt: string;

  /** The body as received, for audit and for re-deciding the split. */
  @Column({ type: 'simple-json' })
  payload: Record<string, any>;

  /** The request ids created from it, in order (rule 2.3: one per problem). */
  @Column({ type: 'simple-json' })
  requestIds: string[];
}
