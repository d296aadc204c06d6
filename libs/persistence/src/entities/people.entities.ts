import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agent works the requests of its teams; a supervisor also receives escalations. */
@Entity('agents')
export class AgentEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'simple-json' })
  teams: string[];

  @Column({ type: 'varchar', length: 16, default: 'agent' })
  role: 'agent' | 'supervisor';

  /** Where staff notifications (SLA warnings, breaches, escalations) reach a supervisor; optional. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;
}

/** A business customer: its portal key reads its own requests and surveys (7.2). */
@Entity('companies')
export class CompanyEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 2 })
  country: string;
}
