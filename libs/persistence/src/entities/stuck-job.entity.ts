import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The reconciler's record of a pipeline request whose stage job it had to retry: how often, the
 * last failure, and, once its retries are used up, when it was moved aside (`stuckAt`), shown to
 * operators in GET /v1/admin/stuck until one retries it. Removed when the request moves on.
 */
@Entity('stuck_jobs')
export class StuckJobEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  requestId: string;

  /** The stage event whose job failed (request.received, request.eligibility-decided, request.classified). */
  @Column({ type: 'varchar', length: 64 })
  job: string;

  @Column({ type: 'varchar', length: 64 })
  queue: string;

  @Column({ type: 'varchar', length: 200 })
  jobId: string;

  /** Retries the reconciler made since the request entered this stage (or an operator's retry). */
  @Column({ type: 'integer', default: 0 })
  retries: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** When its retries ran out: the request waits for an operator (null while the reconciler still retries). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  stuckAt: string | null;

  @Column({ type: 'varchar', length: 30 })
  updatedAt: string;
}
