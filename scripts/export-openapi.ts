/**
 * Writes the OpenAPI document of the standalone process (every app) to a file, as /docs-json
 * serves it: `npm run openapi` (→ openapi.json), or `node dist/scripts/export-openapi.js <file>`.
 *
 * It builds the app without listening, against REDIS_URL (default the local Redis) under a
 * scratch queue prefix and a scratch SQLite file, and removes both afterwards.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Cluster } from 'ioredis';
import type IORedis from 'ioredis';
import { createRedisConnection, parseRedisUrl, queuePrefix } from '@support/messaging';
import { composeApp, createHttpApp, createOpenApiDocument, preflight, settingsFromEnv } from '@support/platform';
import { ALL_FEATURES } from '../apps/standalone/src/all-features';

async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = createRedisConnection(parseRedisUrl(redisUrl), 'producer');
  try {
    const nodes: IORedis[] = redis instanceof Cluster ? redis.nodes('master') : [redis];
    for (const node of nodes) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        for (const key of keys) await node.del(key);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}

async function main() {
  const out = resolve(process.argv[2] ?? 'openapi.json');
  const scratch = `openapi-export-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const sqlite = join(tmpdir(), `${scratch}.sqlite`);
  const settings = settingsFromEnv({
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    DATABASE_URL: `sqlite:${sqlite}`,
    QUEUE_PREFIX: scratch,
    LOG_LEVEL: 'warn',
  });
  await preflight('export-openapi', settings);
  const app = await createHttpApp(composeApp(settings, ALL_FEATURES), { logs: false });
  try {
    await app.init();
    const document = createOpenApiDocument(app);
    writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
    console.log(`wrote ${out}: ${Object.keys(document.paths).length} paths`);
  } finally {
    await app.close();
    await deleteKeys(settings.redisUrl, `${queuePrefix(scratch, parseRedisUrl(settings.redisUrl))}:*`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlite}${suffix}`, { force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`export-openapi: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
