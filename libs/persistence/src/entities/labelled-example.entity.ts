import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A classifier example labelled by a person: an agent reclassified the request to `clause` under
 * rules version `rulesVersion`. Exported as bench/classifier/agent-labelled.jsonl
 * (`npm run export:labelled`), which the classifier bench and training read.
 */
@Entity('labelled_examples')
@Index('ix_labelled_examples_created', ['createdAt'])
export class LabelledExampleEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  requestId: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;

  @Column({ type: 'varchar', length: 220 })
  subject: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 32 })
  clause: string;

  /** What the classifier had said (null: it could not place the request). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  classifierClause: string | null;

  @Column({ type: 'varchar', length: 32 })
  rulesVersion: string;

  @Column({ type: 'varchar', length: 64 })
  agentId: string;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;
}
