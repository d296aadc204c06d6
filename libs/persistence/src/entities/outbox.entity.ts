import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The transactional outbox: an event a transition emits is written here in the same transaction
 * as the transition itself, so a commit can never lose its events. The publisher deletes the row
 * once the event is on its queues; the relay publishes rows left behind (a crash between commit
 * and publish, Redis away). The id is the event's deterministic job id: relaying twice adds nothing.
 */
@Entity('outbox')
@Index('ix_outbox_created', ['createdAt'])
export class OutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 160 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  requestId: string;

  @Column({ type: 'varchar', length: 48 })
  event: string;

  /** the occurrence of an event that happens more than once (see Emit.key) */
  @Column({ type: 'varchar', length: 96, nullable: true })
  occurrence: string | null;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;
}
