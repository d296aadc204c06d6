import type { Pool } from 'pg';
import { testDatabases } from '../../../test/support/databases';
import { type ServiceHarness, serviceHarness } from '../../../test/support/service-harness';

describe.each(testDatabases())('RequestStore.find (%s)', (db) => {
  let h: ServiceHarness;

  beforeAll(async () => {
    h = await serviceHarness(db, 'request-store-spec');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Statements sent to the database from here on (on PostgreSQL the prepared reads go straight to the pool). */
  function countStatements(): () => number {
    const spy = db === 'postgres' ? jest.spyOn((h.dataSource.driver as unknown as { master: Pool }).master, 'query') : jest.spyOn(h.dataSource, 'query');
    return () => {
      const n = spy.mock.calls.length;
      spy.mockRestore();
      return n;
    };
  }

  it('reads the requests asked for in the same turn (in one statement on PostgreSQL), each its own row, null for one that does not exist', async () => {
    const a = await h.insertRequest({ subject: 'first' });
    const b = await h.insertRequest({ subject: 'second' });
    const statements = countStatements();
    const [ra, rb, missing, again] = await Promise.all([h.store.find(a.id), h.store.find(b.id), h.store.find('req_nothing'), h.store.find(a.id)]);
    expect(statements()).toBe(db === 'postgres' ? 1 : 4);
    expect([ra?.subject, rb?.subject, missing, again?.subject]).toEqual(['first', 'second', null, 'first']);
    expect(ra).toEqual(a);
  });

  it('never answers from an earlier read: a read after a write sees it', async () => {
    const a = await h.insertRequest({ subject: 'before' });
    expect((await h.store.find(a.id))?.subject).toBe('before');
    await h.store.update(a.id, { subject: 'after' });
    expect((await h.store.find(a.id))?.subject).toBe('after');
  });

  it('answers null for no id at all (a job without one)', async () => {
    expect(await h.store.find(undefined as unknown as string)).toBeNull();
  });
});
