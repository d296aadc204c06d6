import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './database-url';
import { isUniqueViolation, UnitOfWork } from './unit-of-work';

/** A real SQLite file (WAL, the project's pragmas): the queue and the group commit are about its one connection. */
describe('UnitOfWork on SQLite', () => {
  let dir: string;
  let ds: DataSource;
  let unit: UnitOfWork;
  const rows = async () => ((await ds.query('SELECT "k" FROM "t" ORDER BY "k"')) as { k: string }[]).map((r) => r.k);
  const insert = (k: string) => (m: { query(sql: string, p: unknown[]): Promise<unknown> }) => m.query('INSERT INTO "t" ("k") VALUES (?)', [k]);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'uow-'));
    ds = new DataSource(dataSourceOptions(`sqlite:${join(dir, 'db.sqlite')}`, [], []));
    await ds.initialize();
    await ds.query('CREATE TABLE "t" ("k" varchar PRIMARY KEY)');
    unit = UnitOfWork.for(ds);
  });
  afterEach(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits durable works waiting together, and one that fails is rolled back alone with its own error', async () => {
    await unit.run(insert('taken'));
    const outcomes = await Promise.allSettled([
      unit.run(insert('a'), { durable: true }),
      unit.run(insert('b'), { durable: true }),
      unit.run(insert('taken'), { durable: true }), // a unique violation: the idempotency key was used
      unit.run(
        async (m) => {
          await insert('c')(m);
          throw new Error('the work gave up');
        },
        { durable: true },
      ),
      unit.run(insert('d'), { durable: true }),
      unit.run(insert('e')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled', 'fulfilled']);
    expect(isUniqueViolation((outcomes[2] as PromiseRejectedResult).reason)).toBe(true);
    expect(((outcomes[3] as PromiseRejectedResult).reason as Error).message).toBe('the work gave up');
    expect(await rows()).toEqual(['a', 'b', 'd', 'e', 'taken']);
  });

  it('commits relaxed works waiting together in one transaction, rolling back only the one that fails', async () => {
    await unit.run(insert('taken'));
    const transactions = jest.spyOn(ds, 'transaction');
    const outcomes = await Promise.allSettled(['p', 'q', 'taken', 'r', 's'].map((k) => unit.run(insert(k))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(isUniqueViolation((outcomes[2] as PromiseRejectedResult).reason)).toBe(true);
    // The first starts at once; the four queued behind it share the next commit.
    expect(transactions.mock.calls.length).toBeLessThanOrEqual(2);
    expect(await rows()).toEqual(['p', 'q', 'r', 's', 'taken']);
  });

  it('answers each work its own result and leaves the connection relaxed after a durable commit', async () => {
    const [one, two] = await Promise.all([unit.run(async () => 1, { durable: true }), unit.run(async () => 2, { durable: true })]);
    expect([one, two]).toEqual([1, 2]);
    expect(await ds.query('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]); // NORMAL
  });

  it('runs works queued behind a failed one', async () => {
    const failed = unit.run(() => Promise.reject(new Error('no')));
    const next = unit.run(insert('after'), { durable: true });
    await expect(failed).rejects.toThrow('no');
    await next;
    expect(await rows()).toEqual(['after']);
  });
});
