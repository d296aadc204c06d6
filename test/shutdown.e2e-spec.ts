import { Queues } from '@support/contracts';
import { openDatabase } from '@support/persistence';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FreshDatabase, freshDatabase, testDatabases, uniquePrefix } from './support/databases';
import { ARTIFACTS, startAppProcess, stopProcess, workerConnected } from './support/processes';
import { OwnRedis } from './support/redis-server';

const GRACE_MS = 2000;

/**
 * SIGTERM ends a worker process: cleanly (exit 0) while Redis answers; within SHUTDOWN_GRACE_MS
 * (exit 1, saying why) when closing takes longer. Here Redis stops answering (SIGSTOP: every
 * connection stays open), which makes the close take seconds (without the grace this process exits
 * 0 after about 3.5 s); after a Redis Cluster failover a worker's close can wait for good.
 */
describe('a worker process on SIGTERM', () => {
  let redis: OwnRedis;
  let database: FreshDatabase;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    database = await freshDatabase(testDatabases()[0]);
    await (await openDatabase(database.url)).destroy(); // migrated before the process starts
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    redis?.resume();
    await redis?.stop();
    await database?.drop();
  });

  async function startWorker(tag: string): Promise<ChildProcess> {
    const prefix = uniquePrefix('shutdown');
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, QUEUE_PREFIX: prefix, LOG_LEVEL: 'info', NODE_ENV: 'test', SHUTDOWN_GRACE_MS: String(GRACE_MS) };
    const started = startAppProcess('licence-check', env, tag);
    await workerConnected(redis.url, prefix, Queues.licenceCheck, 'licence-check');
    return started;
  }

  it('closes cleanly while Redis answers', async () => {
    child = await startWorker('shutdown-clean');
    const { code } = await stopProcess(child);
    expect(code).toBe(0);
  });

  it('exits within the grace period, saying why, when Redis has stopped answering', async () => {
    const tag = `shutdown-hung-${Date.now()}`;
    child = await startWorker(tag);
    redis.pause();
    try {
      const { code, afterMs } = await stopProcess(child);
      expect(code).toBe(1);
      expect(afterMs).toBeGreaterThanOrEqual(GRACE_MS);
      expect(readFileSync(join(ARTIFACTS, `${tag}.log`), 'utf8')).toMatch(/not closed within 2000 ms \(SHUTDOWN_GRACE_MS\): exiting anyway/);
    } finally {
      redis.resume();
    }
  });
});
