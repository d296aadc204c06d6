import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export type DbKind = 'sqlite' | 'postgres';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The databases the suite runs against (TEST_DATABASES=sqlite to narrow it while developing). */
export function testDatabases(): DbKind[] {
  return (process.env.TEST_DATABASES ?? 'sqlite,postgres').split(',').map((s) => s.trim()) as DbKind[];
}

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database nobody else uses: a new SQLite file, or a new PostgreSQL database, dropped afterwards. */
export async function freshDatabase(kind: DbKind): Promise<FreshDatabase> {
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (kind === 'sqlite') {
    const file = join(tmpdir(), `${name}.sqlite`);
    return { url: `sqlite:${file}`, drop: async () => ['', '-wal', '-shm'].forEach((s) => rmSync(`${file}${s}`, { force: true })) };
  }
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const uniquePrefix = (what: string) => `t-${what}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
