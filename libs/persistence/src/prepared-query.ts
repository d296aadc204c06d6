import type { Pool } from 'pg';
import { type DataSource, QueryFailedError } from 'typeorm';

/** One name per statement text, for the whole process (the same text always gets the same name). */
const names = new Map<string, string>();

/**
 * A hot statement. On PostgreSQL a named prepared statement, sent straight to the pool: the server
 * parses and plans it once per connection instead of on every call, and the call skips TypeORM's
 * query runner (a runner per call, its logging and broadcasts). Only for the hottest statements
 * (the request read, the stage writes): each PostgreSQL round trip costs the process ~0.1 ms on the
 * 2-core machine (bench/README.md, "One statement per write on PostgreSQL"). Errors come as
 * TypeORM's would (QueryFailedError with the driver's error), so callers see one kind. A prepared
 * read names its columns (entity-columns.ts): under `SELECT *` a column that a later release's
 * migration adds fails the kept plan ("cached plan must not change result type").
 */
export async function preparedQuery<T = Record<string, unknown>>(dataSource: DataSource, text: string, values: readonly unknown[]): Promise<T[]> {
  // SQLite: TypeORM's better-sqlite3 driver keeps its prepared statements already.
  if (dataSource.options.type !== 'postgres') return dataSource.query(text, values as unknown[]);
  let name = names.get(text);
  if (!name) names.set(text, (name = `support_${names.size + 1}`));
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  try {
    return (await pool.query({ name, text, values: values as unknown[] })).rows as T[];
  } catch (error) {
    throw new QueryFailedError(text, values as unknown[], error as Error);
  }
}
