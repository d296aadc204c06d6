import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';

export type DatabaseKind = 'sqlite' | 'postgres';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/support.sqlite';
export const DEFAULT_DATABASE_POOL_SIZE = 10;

/** Which driver a DATABASE_URL names; anything else is a configuration error. */
export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
}

/** An entity or migration class, as TypeORM takes them. */
export type EntityOrMigrationClass = new (...args: never[]) => unknown;

/**
 * TypeORM options from DATABASE_URL: `sqlite:<path>` (or `sqlite::memory:`) for the embedded
 * default, `postgres://user:pass@host:5432/db` for PostgreSQL. Schema changes go through
 * migrations only; `synchronize` stays off. `poolSize`: PostgreSQL connections (DATABASE_POOL_SIZE).
 */
export function dataSourceOptions(url: string, entities: EntityOrMigrationClass[], migrations: EntityOrMigrationClass[], poolSize = DEFAULT_DATABASE_POOL_SIZE): DataSourceOptions {
  if (databaseKind(url) === 'sqlite') {
    const file = url.slice('sqlite:'.length) || './data/support.sqlite';
    const database = file === ':memory:' ? file : resolve(file);
    if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
    return {
      type: 'better-sqlite3',
      database,
      entities,
      migrations,
      enableWAL: true,
      // Several processes may share the file (apps run alone): wait for a lock rather than fail at once.
      prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
        db.pragma('busy_timeout = 15000');
      },
      synchronize: false,
    };
  }
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  };
}
