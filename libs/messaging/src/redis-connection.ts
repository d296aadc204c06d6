import IORedis, { Cluster, type RedisOptions } from 'ioredis';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export type RedisTarget = { kind: 'single'; url: string } | { kind: 'cluster'; nodes: { host: string; port: number }[]; password?: string };

/**
 * REDIS_URL: `redis://[:password@]host:port[/db]` (or rediss://) for one server,
 * `redis+cluster://[:password@]h1:p1,h2:p2` for Redis Cluster.
 */
export function parseRedisUrl(url: string): RedisTarget {
  const cluster = /^redis\+cluster:\/\/(?:(?:[^:@]*):([^@]*)@)?(.+)$/.exec(url);
  if (cluster) {
    const nodes = cluster[2].split(',').map((hostPort) => {
      const [host, port] = hostPort.replace(/\/.*$/, '').split(':');
      if (!host || !Number(port)) throw new Error(`REDIS_URL: bad cluster node "${hostPort}" (want host:port)`);
      return { host, port: Number(port) };
    });
    return { kind: 'cluster', nodes, password: cluster[1] ? decodeURIComponent(cluster[1]) : undefined };
  }
  if (!/^rediss?:\/\//.test(url)) throw new Error(`REDIS_URL must start with redis://, rediss:// or redis+cluster:// (got "${url}")`);
  return { kind: 'single', url };
}

/**
 * In a cluster every key of one queue must hash to the same slot, so the prefix is wrapped in a
 * hash tag ({support}) unless it already has one.
 */
export function queuePrefix(prefix: string, target: RedisTarget): string {
  return target.kind === 'cluster' && !/\{.+\}/.test(prefix) ? `{${prefix}}` : prefix;
}

/**
 * A connection as BullMQ wants it: workers need `maxRetriesPerRequest: null` (they block and
 * must ride out reconnects); producers get a bounded retry so an HTTP call fails instead of hanging.
 */
export function createRedisConnection(target: RedisTarget, role: 'worker' | 'producer', extra: RedisOptions = {}): IORedis | Cluster {
  const options: RedisOptions = {
    maxRetriesPerRequest: role === 'worker' ? null : 3,
    enableReadyCheck: true,
    lazyConnect: false,
    ...extra,
  };
  if (target.kind === 'cluster') {
    // Connecting and retrying are the Cluster's own options (given to its nodes they would be ignored,
    // and a lazy connect would not be lazy); the rest applies to each node's connection.
    const { lazyConnect, enableReadyCheck, retryStrategy, showFriendlyErrorStack, ...node } = options;
    return new Cluster(target.nodes, {
      lazyConnect,
      enableReadyCheck,
      showFriendlyErrorStack,
      clusterRetryStrategy: retryStrategy,
      redisOptions: { ...node, showFriendlyErrorStack, password: target.password },
    });
  }
  return new IORedis(target.url, options);
}

/** Fails within the timeout with a one-line reason when Redis cannot be reached. */
export async function assertRedisReachable(target: RedisTarget, timeoutMs: number): Promise<void> {
  const client = createRedisConnection(target, 'producer', {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause: Error | null = null;
  client.on('error', (error: Error) => (cause ??= error));
  try {
    await Promise.race([client.connect().then(() => client.ping()), new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))]);
  } catch (error) {
    throw cause ?? error; // the socket's own reason (ECONNREFUSED ...) says more than "Connection is closed"
  } finally {
    client.disconnect();
  }
}
