import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type KeyKind = 'producer' | 'agent' | 'admin' | 'company';

/** An API key, stored only as its SHA-256 (keys are 256-bit random, so a slow hash adds nothing). */
@Entity('api_keys')
@Index('ix_api_keys_principal', ['kind', 'principalId'])
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ type: 'varchar', length: 16 })
  kind: KeyKind;

  @Column({ type: 'varchar', length: 128 })
  principalId: string;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;
}

/** Installation-wide settings, e.g. the secret that signs customer tokens. */
@Entity('settings')
export class SettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
