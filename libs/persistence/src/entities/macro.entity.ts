import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A named reply text the desk offers agents (admin API /v1/admin/macros): one language, optionally only for some clauses. */
@Entity('macros')
@Index('ux_macros_language_name', ['language', 'name'], { unique: true })
export class MacroEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  language: string;

  /** The clause ids it fits; empty: every clause. */
  @Column({ type: 'simple-json' })
  clauses: string[];

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAt: string;
}
