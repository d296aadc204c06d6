import type { DataSource, EntityManager } from 'typeorm';
import { RELAXED_SQLITE_SYNC } from './database-url';

type Work<T> = (manager: EntityManager) => Promise<T>;

/** At most this many works share a commit: a batch's first caller waits for its last. */
const MAX_BATCH = 64;

interface Queued {
  work: Work<unknown>;
  durable: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Runs work in one transaction. SQLite has one connection per process, so concurrent
 * transactions would interleave on it: they are queued and run one after another (better-sqlite3
 * is synchronous anyway, so nothing is lost). PostgreSQL transactions run concurrently from the pool.
 */
export class UnitOfWork {
  private static readonly perDataSource = new WeakMap<DataSource, UnitOfWork>();
  private readonly queue: Queued[] = [];
  private draining = false;

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
  run<T>(work: Work<T>, { durable = false }: { durable?: boolean } = {}): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') {
      return this.dataSource.transaction(async (m) => {
        if (durable) await m.query('SET LOCAL synchronous_commit = on');
        return work(m);
      });
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, durable, resolve: resolve as (value: unknown) => void, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) await this.commitTogether(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.draining = false;
    }
  }

  /**
   * Group commit: the works waiting together share one transaction, each in a savepoint of its own
   * (one that fails is rolled back alone and gets its error), and one commit. A commit writes the
   * log's pages (~0.13 ms of the process on this disk; bench/claims); concurrent claims or stage
   * writes that wait behind one another now pay it once. When any of them is durable, the commit
   * is synced (FULL, which also syncs the relaxed commits before it in the log): a disk sync costs
   * milliseconds and blocks the process, and one per submission was a third of the pipeline's time.
   * Each work is answered only after the commit, so no caller hears of a write that could still be
   * rolled back. Works queued together run concurrently for their callers: no order among them is
   * promised beyond the queue's.
   */
  private async commitTogether(batch: Queued[]): Promise<void> {
    const durable = batch.some((item) => item.durable);
    const outcomes: Array<() => void> = [];
    try {
      if (durable) await this.dataSource.query('PRAGMA synchronous = FULL');
      await this.dataSource.transaction(async (m) => {
        for (const item of batch) {
          try {
            const value = batch.length === 1 ? await item.work(m) : await m.transaction(item.work);
            outcomes.push(() => item.resolve(value));
          } catch (error) {
            if (batch.length === 1) throw error;
            outcomes.push(() => item.reject(error));
          }
        }
      });
      outcomes.forEach((tell) => tell());
    } catch (error) {
      batch.forEach((item) => item.reject(error));
    } finally {
      if (durable) await this.dataSource.query(`PRAGMA synchronous = ${RELAXED_SQLITE_SYNC}`).catch(() => undefined);
    }
  }
}

/** True for a unique-key violation on either driver: the sign that an effect was already applied. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code ?? '';
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
