/**
 * What every benchmark needs around the system it measures: a database of its own (a temporary
 * SQLite file or a fresh PostgreSQL database), its Redis keys deleted afterwards, figures printed.
 */
import IORedis from 'ioredis';
import { existsSync, unlinkSync } from 'node:fs';
import { Client } from 'pg';

export interface ScratchDatabase {
  url: string;
  label: string;
  drop(): Promise<void>;
}

async function withPg<T>(serverUrl: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database nobody else uses; PostgreSQL on BENCH_PG_URL (default the local server). */
export async function scratchDatabase(kind: 'sqlite' | 'postgres', stamp: string): Promise<ScratchDatabase> {
  if (kind === 'sqlite') {
    const file = `/tmp/bench-${stamp}.sqlite`;
    return {
      url: `sqlite:${file}`,
      label: file,
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) unlinkSync(f);
      },
    };
  }
  const server = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `bench_${stamp}`;
  await withPg(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), label: `database ${name}`, drop: () => withPg(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

/** Deletes every key under a prefix; answers how many. */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 3 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** A number for a table cell ("n/a" when there is none). */
export const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

/** Ends a benchmark run: closes what it opened, the app last, then deletes its keys and its database. */
export async function tearDown(run: { closers: (() => Promise<unknown>)[]; app: { close(): Promise<void> } | null; redisUrl: string; prefixes: string[]; database: ScratchDatabase }): Promise<void> {
  for (const close of run.closers.reverse()) await close().catch(() => undefined);
  if (run.app) await run.app.close().catch((e) => console.error(`closing the app: ${(e as Error).message}`));
  let deleted = 0;
  for (const prefix of run.prefixes) deleted += await deleteKeys(run.redisUrl, prefix).catch(() => 0);
  await run.database.drop().catch((e) => console.error(`dropping ${run.database.label}: ${(e as Error).message}`));
  console.error(`cleaned up: ${deleted} Redis keys under ${run.prefixes.join(', ')}, ${run.database.label}`);
}

/** The app settings a bench run gives its in-process system (read back by settingsFromEnv). */
export function benchEnvironment(redisUrl: string, databaseUrl: string, prefix: string, concurrency: number): void {
  Object.assign(process.env, {
    REDIS_URL: redisUrl,
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: String(concurrency),
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    DEMO_SEED: 'off',
  });
}
