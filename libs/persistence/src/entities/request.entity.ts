import type { ClassificationRecord, EligibilityRecord, Outcome, Platform, QueuePlace, RequestStatus, Segment, SlaView, SupportRequest } from '@support/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One support request (one problem, rule 2.3): the stored form of the domain's SupportRequest aggregate, column for column. */
@Entity('requests')
@Index('ix_requests_status_updated', ['status', 'updatedAt'])
@Index('ix_requests_team_status', ['teamId', 'status'])
@Index('ix_requests_customer', ['customerId'])
@Index('ix_requests_submission', ['submissionId'])
@Index('ix_requests_sla_alarm', ['slaNextAlarmAt'])
@Index('ix_requests_assignee', ['assigneeId', 'status'])
@Index('ix_requests_company', ['companyId'])
@Index('ix_requests_team_received', ['teamId', 'receivedAt'])
@Index('ix_requests_team_sla_due', ['teamId', 'slaDueAt'])
// PostgreSQL's full-text GIN index is an expression TypeORM cannot describe: the migration makes it (full-text-search.ts).
@Index('ix_requests_fts', { synchronize: false })
export class RequestEntity implements SupportRequest {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  submissionId: string;

  @Column({ type: 'integer' })
  partIndex: number;

  @Column({ type: 'varchar', length: 128 })
  producerId: string;

  @Column({ type: 'varchar', length: 24 })
  status: RequestStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  segment: Segment | null;

  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;

  @Column({ type: 'varchar', length: 128 })
  customerId: string;

  @Column({ type: 'varchar', length: 254 })
  customerEmail: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  companyId: string | null;

  @Column({ type: 'varchar', length: 64 })
  productCode: string;

  @Column({ type: 'varchar', length: 32 })
  productVersion: string;

  @Column({ type: 'simple-json', nullable: true })
  platform: Platform | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  licenceKey: string | null;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  topic: string | null;

  @Column({ type: 'varchar', length: 220 })
  subject: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  rulesVersion: string | null;

  @Column({ type: 'simple-json', nullable: true })
  eligibility: EligibilityRecord | null;

  @Column({ type: 'simple-json', nullable: true })
  classification: ClassificationRecord | null;

  @Column({ type: 'simple-json', nullable: true })
  outcome: Outcome | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  supportPlan: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  teamId: string | null;

  @Column({ type: 'integer', nullable: true })
  priority: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  assigneeId: string | null;

  @Column({ type: 'simple-json', nullable: true })
  sla: SlaView | null;

  /** When the SLA clock's next alarm is due: what the SLA sweeper scans for missed alarms. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  slaNextAlarmAt: string | null;

  /** The classification's clause, kept as a column for the agents' work list filter (see list-columns.ts). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  clauseId: string | null;

  /** The SLA's next open deadline (first response, then resolution), for the work list's filter and sort (see list-columns.ts). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  slaDueAt: string | null;

  /** The BullMQ job that holds the request in a team or agent queue: { queue, id }. */
  @Column({ type: 'simple-json', nullable: true })
  queueJob: QueuePlace | null;

  /** The lock token of the agent's lease (a BullMQ job lock) and when it lapses unless renewed. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseToken: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  leaseExpiresAt: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  firstResponseAt: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  awaitingSince: string | null;

  /** Counts waits for the customer, so a reminder or auto-close alarm of an earlier wait does nothing. */
  @Column({ type: 'integer', default: 0 })
  awaitCount: number;

  @Column({ type: 'varchar', length: 30, nullable: true })
  resolvedAt: string | null;

  @Column({ type: 'integer', default: 0 })
  reopenCount: number;

  @Column({ type: 'varchar', length: 30 })
  receivedAt: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAt: string;
}
