import type { DataSource, EntityManager } from 'typeorm';
import { RELAXED_SQLITE_SYNC } from './database-url';

/**
 * Runs work in one transaction. SQLite has one connection per process, so concurrent
 * transactions would interleave on it: they are queued one after another (better-sqlite3 is
 * synchronous anyway, so nothing is lost). PostgreSQL transactions run concurrently from the pool.
 */
export class UnitOfWork {
  private static readonly perDataSource = new WeakMap<DataSource, UnitOfWork>();
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(private readonly dataSource: DataSource) {}

  /**
   * The one UnitOfWork of a data source: on SQLite every write of the process must queue here,
   * or a write could land inside another handler's open transaction and be rolled back with it.
   */
  static for(dataSource: DataSource): UnitOfWork {
    let unit = UnitOfWork.perDataSource.get(dataSource);
    if (!unit) UnitOfWork.perDataSource.set(dataSource, (unit = new UnitOfWork(dataSource)));
    return unit;
  }

  /**
   * `durable`: the commit is on disk when this resolves (for what is promised to someone outside,
   * e.g. a submission's 202); otherwise the connection's relaxed commit applies (database-url.ts).
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, { durable = false }: { durable?: boolean } = {}): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') {
      return this.dataSource.transaction(async (m) => {
        if (durable) await m.query('SET LOCAL synchronous_commit = on');
        return work(m);
      });
    }
    const next = this.tail.then(() => (durable ? this.durably(work) : this.dataSource.transaction(work)));
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** SQLite: FULL for this one commit, which also syncs the relaxed commits before it in the log. */
  private async durably<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    await this.dataSource.query('PRAGMA synchronous = FULL');
    try {
      return await this.dataSource.transaction(work);
    } finally {
      await this.dataSource.query(`PRAGMA synchronous = ${RELAXED_SQLITE_SYNC}`);
    }
  }
}

/** True for a unique-key violation on either driver: the sign that an effect was already applied. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code ?? '';
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
