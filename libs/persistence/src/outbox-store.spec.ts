import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { waitFor } from '../../../test/support/wait';
import { dataSourceOptions } from './database-url';
import { ENTITIES, OutboxEntity } from './entities';
import { migrationsFor } from './migrations';
import { OUTBOX_FLUSH_AFTER_MS, OUTBOX_FLUSH_BATCH, outboxInsert, OutboxStore, outboxRows } from './outbox-store';
import { RowWriter } from './row-writer';
import { UnitOfWork } from './unit-of-work';

/** A real, migrated SQLite file: what is asserted is which rows are left and how many transactions deleted them. */
describe('OutboxStore on SQLite', () => {
  let dir: string;
  let ds: DataSource;
  let store: OutboxStore;

  const left = () => ds.getRepository(OutboxEntity).count();
  /** Commits `n` published events of `n` requests, as the stages do, and answers their ids. */
  async function committed(n: number): Promise<string[]> {
    const rows = Array.from({ length: n }, (_, i) => outboxRows(`r_${i}`, [{ event: 'request.received' }], new Date())[0]);
    await UnitOfWork.for(ds).run((m) => RowWriter.for(ds).run(m, [outboxInsert(ds, rows)]));
    return rows.map((r) => r.id);
  }
  const leftAre = (n: number, ms: number) => waitFor(async () => (await left()) === n || null, `${n} outbox rows left`, ms, 5);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    ds = new DataSource(dataSourceOptions(`sqlite:${join(dir, 'db.sqlite')}`, ENTITIES, migrationsFor('sqlite')));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
    store = new OutboxStore(ds);
  });
  afterEach(async () => {
    await store.onModuleDestroy();
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes events published one by one together, shortly after, in one statement', async () => {
    const ids = await committed(5);
    // The store's transactions (each flush batch is one): counted from here on.
    const transactions = jest.spyOn(UnitOfWork.for(ds), 'run');
    // The flush timer runs on a clock the test moves, so a loaded machine cannot let it fire mid-trickle.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      for (const id of ids) {
        store.markPublished([id]); // a trickle: each request's event published on its own
        await new Promise((r) => setImmediate(r));
      }
      jest.advanceTimersByTime(OUTBOX_FLUSH_AFTER_MS - 1);
      expect(await left()).toBe(5); // not yet: they wait to be deleted together
      expect(transactions).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      for (let turn = 0; turn < 1_000 && (await left()) > 0; turn++) await new Promise((r) => setImmediate(r));
      expect(await left()).toBe(0);
      expect(transactions).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('deletes a full batch at once, without waiting', async () => {
    const ids = await committed(OUTBOX_FLUSH_BATCH + 3);
    const transactions = jest.spyOn(UnitOfWork.for(ds), 'run');
    store.markPublished(ids.slice(0, OUTBOX_FLUSH_BATCH));
    // The delete has started within this turn of the event loop, not after the flush timer
    // (asserted by the call, not by a clock: a loaded machine may take longer to finish it).
    await new Promise((r) => setImmediate(r));
    expect(transactions).toHaveBeenCalledTimes(1);
    await leftAre(3, 5_000);
    store.markPublished(ids.slice(OUTBOX_FLUSH_BATCH));
    await leftAre(0, 5_000);
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
