import type { DataSource } from 'typeorm';

/** The n-th (1-based) parameter of a hand-written statement: `$n` on PostgreSQL, `?` on SQLite. */
export function parameter(dataSource: DataSource, n: number): string {
  return dataSource.options.type === 'postgres' ? `$${n}` : '?';
}
