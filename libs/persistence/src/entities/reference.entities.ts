import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The product catalogue (3.1, 3.2): segment, versions with end of support, minimum requirements. */
@Entity('products')
export class ProductEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  segment: 'home' | 'business';

  @Column({ type: 'simple-json' })
  versions: { version: string; supportedUntil: string | null }[];

  @Column({ type: 'simple-json' })
  requirements: { minRamMb?: number; minDiskMb?: number; platforms?: Record<string, string[]> };
}

/** The licence registry table (the default implementation of the licence registry). */
@Entity('licences')
@Index('ix_licences_company', ['companyId'])
export class LicenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  productCode: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  customerId: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  companyId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: 'active' | 'expired' | 'revoked';

  @Column({ type: 'varchar', length: 30, nullable: true })
  validUntil: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: 'commercial' | 'free' | 'trial';

  @Column({ type: 'varchar', length: 64, nullable: true })
  supportPlan: string | null;
}

/** Support teams: who handles which segment, countries and languages (2.2). */
@Entity('teams')
export class TeamEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  segment: 'home' | 'business';

  @Column({ type: 'simple-json' })
  countries: string[];

  @Column({ type: 'simple-json' })
  languages: string[];

  @Column({ type: 'simple-json' })
  skills: string[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  calendar: string | null;

  /** This team's RETURN_TO_TEAM_AFTER_MS (null: the setting's). */
  @Column({ type: 'integer', nullable: true })
  returnToTeamAfterMs?: number | null;
}

/** Producers: systems that push requests (web forms, e-mail gateways, portals). */
@Entity('producers')
export class ProducerEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;
}
