import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiKeyEntity, type KeyKind, parameter, UnitOfWork } from '@support/persistence';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { randomSecret, SETTINGS, type Settings } from '../settings';
import type { Principal } from './principal';

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * API keys: random, shown once when issued, stored only hashed. Issuing a new key for the same
 * principal replaces the old one (rotation).
 */
@Injectable()
export class KeyService {
  /** The administrator key from ADMIN_API_KEY, if set (stored keys of kind admin work too). */
  private readonly adminHash: Buffer | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SETTINGS) settings: Settings,
  ) {
    this.adminHash = settings.adminApiKey ? Buffer.from(hashKey(settings.adminApiKey), 'hex') : null;
  }

  async issue(kind: KeyKind, principalId: string): Promise<string> {
    const key = `${kind.slice(0, 3)}_${randomSecret(24)}`;
    await UnitOfWork.for(this.dataSource).run(async (m) => {
      await m.delete(ApiKeyEntity, { kind, principalId });
      await m.insert(ApiKeyEntity, { hash: hashKey(key), kind, principalId, createdAt: new Date().toISOString() });
    });
    return key;
  }

  async revoke(kind: KeyKind, principalId: string): Promise<void> {
    await UnitOfWork.for(this.dataSource).run((m) => m.delete(ApiKeyEntity, { kind, principalId }));
  }

  async resolve(key: string): Promise<Principal | null> {
    const hash = hashKey(key);
    if (this.adminHash && timingSafeEqual(Buffer.from(hash, 'hex'), this.adminHash)) return { kind: 'admin', id: 'admin' };
    // Every authenticated call asks this: one cached statement, not a query built per call.
    this.resolveSql ??= `SELECT "kind", "principalId" FROM "api_keys" WHERE "hash" = ${parameter(this.dataSource, 1)}`;
    const [row] = (await this.dataSource.query(this.resolveSql, [hash])) as Pick<ApiKeyEntity, 'kind' | 'principalId'>[];
    return row ? { kind: row.kind, id: row.principalId } : null;
  }
  private resolveSql?: string;
}
