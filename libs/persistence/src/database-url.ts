import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Client, type ClientConfig } from 'pg';
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

/**
 * Commits are relaxed by default: a commit returns before the log reaches the disk (SQLite WAL with
 * `synchronous=NORMAL`, PostgreSQL `synchronous_commit=off`). A process crash loses nothing; an
 * operating-system crash or power cut may roll back the last moments of commits, consistently (no
 * corruption). What a worker wrote is re-driven from the database by the reconciler, so that is
 * safe; what was promised to a producer (the 202 of a submission) is committed durably instead
 * (`UnitOfWork.run(work, { durable: true })`). See README.md, "Durability".
 */
export const RELAXED_SQLITE_SYNC = 'NORMAL';
export const RELAXED_POSTGRES_COMMIT = 'off';

/**
 * The pool's connections, each with an error listener of its own. When PostgreSQL goes away it
 * sends every connection a FATAL message; on a connection that is checked out but not running a
 * query at that moment, node-postgres emits it as an 'error' event, and an event nobody listens to
 * ends the process (seen once in test/database-outage-chaos.e2e-spec.ts). Nothing is lost by
 * listening: the holder's next query on that connection fails on its own (it is no longer
 * queryable), a running query gets the error, and the pool drops dead idle connections itself.
 */
export class PoolClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
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
      prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
        // Several processes may share the file (apps run alone): wait for a lock rather than fail at once.
        db.pragma('busy_timeout = 15000');
        db.pragma(`synchronous = ${RELAXED_SQLITE_SYNC}`);
        // A checkpoint syncs the log and the file (two disk syncs that block the process); every
        // 1,000 pages (the default) that was one per ~9 requests. 16,000 pages (64 MB of log)
        // makes them rarer and copies a page rewritten meanwhile once.
        db.pragma('wal_autocheckpoint = 16000');
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
    extra: { max: poolSize, connectionTimeoutMillis: 5000, options: `-c synchronous_commit=${RELAXED_POSTGRES_COMMIT}`, Client: PoolClient },
  };
}
