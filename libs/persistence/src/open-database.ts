import { DataSource } from 'typeorm';
import { databaseKind, dataSourceOptions } from './database-url';
import { ENTITIES } from './entities';
import { migrationsFor } from './migrations';

const MIGRATION_LOCK = 4_711_2022; // any constant: one migrator at a time across processes

/**
 * Opens the database named by DATABASE_URL and applies pending migrations. Several processes
 * may start together (apps run alone), so on PostgreSQL migrations run under an advisory lock;
 * on SQLite the file lock and the busy timeout serialise them.
 */
export async function openDatabase(url: string, poolSize?: number): Promise<DataSource> {
  const kind = databaseKind(url);
  const dataSource = new DataSource(dataSourceOptions(url, ENTITIES, migrationsFor(kind), poolSize));
  await dataSource.initialize();
  if (kind === 'postgres') {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await dataSource.runMigrations({ transaction: 'all' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  } else {
    await dataSource.runMigrations({ transaction: 'all' });
  }
  return dataSource;
}

/** Fails within the timeout with a one-line reason when the database cannot be reached. */
export async function assertDatabaseReachable(url: string, timeoutMs: number): Promise<void> {
  const kind = databaseKind(url);
  const probe = new DataSource({ ...dataSourceOptions(url, [], []), ...(kind === 'postgres' ? { extra: { connectionTimeoutMillis: timeoutMs, max: 1 } } : {}) } as never);
  try {
    await probe.initialize();
    await probe.query('SELECT 1');
  } finally {
    if (probe.isInitialized) await probe.destroy();
  }
}
