import type { TimelineDetails, TimelineEventName } from '@support/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only history of a request. A stage's effect carries an effectKey; the unique key on
 * (requestId, effectKey) makes a second apply of the same effect impossible (ARCHITECTURE.md,
 * principle 2). Entries that may repeat (replies) use distinct keys or none.
 */
@Entity('timeline_events')
@Index('uq_timeline_effect', ['requestId', 'effectKey'], { unique: true })
@Index('ix_timeline_request', ['requestId', 'id'])
export class TimelineEventEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'varchar', length: 40 })
  requestId: string;

  @Column({ type: 'varchar', length: 30 })
  at: string;

  @Column({ type: 'varchar', length: 32 })
  stage: string;

  @Column({ type: 'varchar', length: 48 })
  event: TimelineEventName;

  @Column({ type: 'simple-json' })
  detail: TimelineDetails[TimelineEventName];

  @Column({ type: 'varchar', length: 96, nullable: true })
  effectKey: string | null;
}
