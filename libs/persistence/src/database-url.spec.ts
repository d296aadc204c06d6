import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './database-url';

const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('the PostgreSQL pool', () => {
  it('survives PostgreSQL ending a connection that is checked out and idle: the process goes on, and so does the pool', async () => {
    const ds = new DataSource(dataSourceOptions(POSTGRES_URL, [], [], 2));
    await ds.initialize();
    try {
      const pool = (ds.driver as unknown as { master: Pool }).master;
      const held = await pool.connect();
      const [{ pid }] = (await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      const ended = new Promise((resolve) => held.once('end', resolve));
      // the server's FATAL "terminating connection" reaches a connection nobody is querying on
      await ds.query('SELECT pg_terminate_backend($1)', [pid]);
      await ended;
      await expect(held.query('SELECT 1')).rejects.toThrow(/not queryable|terminat/);
      held.release(true);
      expect(await ds.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await ds.destroy();
    }
  });

  it('commits relaxed by default; a durable statement (RowWriter.together) sets synchronous commits for itself only', async () => {
    const ds = new DataSource(dataSourceOptions(POSTGRES_URL, [], [], 1));
    await ds.initialize();
    try {
      const setting = async (sql: string) => ((await ds.query(sql)) as Array<{ s: string }>)[0].s;
      expect(await setting(`SELECT current_setting('synchronous_commit') AS s`)).toBe('off');
      // what together(…, { durable: true }) puts before the writes: in effect when the statement's own transaction commits
      expect(await setting(`WITH durable AS (SELECT set_config('synchronous_commit', 'on', true)) SELECT current_setting('synchronous_commit') AS s FROM durable`)).toBe('on');
      expect(await setting(`SELECT current_setting('synchronous_commit') AS s`)).toBe('off');
    } finally {
      await ds.destroy();
    }
  });
});
