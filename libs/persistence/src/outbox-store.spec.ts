import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './database-url';
import { ENTITIES, OutboxEntity } from './entities';
import { migrationsFor } from './migrations';
import { OUTBOX_FLUSH_AFTER_MS, OUTBOX_FLUSH_BATCH, OutboxStore, outboxRows, writeOutbox } from './outbox-store';
import { UnitOfWork } from './unit-of-work';

/** A real, migrated SQLite file: what is asserted is which rows are left and how many transactions deleted them. */
describe('OutboxStore on SQLite', () => {
  let dir: string;
  let ds: DataSource;
  let store: OutboxStore;
  let deletes: number;

  const left = () => ds.getRepository(OutboxEntity).count();
  /** Commits `n` published events of `n` requests, as the stages do, and answers their ids. */
  async function committed(n: number, from = 0): Promise<string[]> {
    const rows = Array.from({ length: n }, (_, i) => outboxRows(`r_${from + i}`, [{ event: 'request.received' }], new Date())[0]);
    await UnitOfWork.for(ds).run((m) => writeOutbox(m, rows));
    return rows.map((r) => r.id);
  }
  async function until(what: () => Promise<boolean>, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await what())) {
      if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    ds = new DataSource(dataSourceOptions(`sqlite:${join(dir, 'db.sqlite')}`, ENTITIES, migrationsFor('sqlite')));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
    store = new OutboxStore(ds);
    deletes = 0;
    const query = ds.driver.createQueryRunner.bind(ds.driver);
    const counted = new WeakSet<object>(); // SQLite's driver hands out its one runner again and again
    // Count the DELETE statements that reach the database (one per transaction of the flush).
    ds.driver.createQueryRunner = (mode) => {
      const runner = query(mode);
      if (counted.has(runner)) return runner;
      counted.add(runner);
      const run = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: unknown[]) => {
        if (/^DELETE FROM "outbox"/.test(sql)) deletes++;
        return (run as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
      }) as typeof runner.query;
      return runner;
    };
  });
  afterEach(async () => {
    await store.onModuleDestroy();
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes events published one by one together, shortly after, in one statement', async () => {
    const ids = await committed(5);
    const started = Date.now();
    for (const id of ids) {
      store.markPublished([id]); // a trickle: each request's event published on its own
      await new Promise((r) => setImmediate(r));
    }
    expect(await left()).toBe(5); // not yet: they wait to be deleted together
    await until(async () => (await left()) === 0, 5_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(OUTBOX_FLUSH_AFTER_MS - 5);
    expect(deletes).toBe(1);
  });

  it('deletes a full batch at once, without waiting', async () => {
    const ids = await committed(OUTBOX_FLUSH_BATCH + 3);
    store.markPublished(ids.slice(0, OUTBOX_FLUSH_BATCH));
    await until(async () => (await left()) === 3, OUTBOX_FLUSH_AFTER_MS / 2);
    store.markPublished(ids.slice(OUTBOX_FLUSH_BATCH));
    await until(async () => (await left()) === 0, 5_000);
  });

  it('leaves events that were committed but not published for the relay, and flushes the rest at shutdown', async () => {
    const ids = await committed(4);
    store.markPublished(ids.slice(0, 3));
    await store.onModuleDestroy();
    const rows = await ds.getRepository(OutboxEntity).find();
    expect(rows.map((r) => r.id)).toEqual([ids[3]]);
    expect((await store.leftBehind(new Date(Date.now() + 1000), 10)).map((r) => r.id)).toEqual([ids[3]]);
  });
});
