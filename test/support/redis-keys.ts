import { createRedisConnection, parseRedisUrl, queuePrefix } from '@support/messaging';
import { Cluster, type default as IORedis } from 'ioredis';

/** Deletes the keys matching `pattern` on one server (one key per DEL: a cluster node refuses keys of several slots in one). */
async function deleteMatching(redis: IORedis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await keys.reduce((batch, key) => batch.del(key), redis.pipeline()).exec();
  } while (cursor !== '0');
}

/**
 * Deletes every key under a queue prefix, so test runs leave Redis as they found it. On a cluster,
 * SCAN sees one node's keys only: every master is scanned, for the hash-tagged prefix.
 */
export async function deletePrefix(redisUrl: string, prefix: string): Promise<void> {
  const target = parseRedisUrl(redisUrl);
  const redis = createRedisConnection(target, 'producer');
  try {
    let masters = [redis as IORedis];
    if (redis instanceof Cluster) {
      // The node list is empty until the cluster's slots are known.
      if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
      masters = redis.nodes('master');
    }
    for (const master of masters) await deleteMatching(master, `${queuePrefix(prefix, target)}:*`);
  } finally {
    redis.disconnect();
  }
}
