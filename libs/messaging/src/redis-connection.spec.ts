import { Cluster } from 'ioredis';
import { createRedisConnection, parseRedisUrl, queuePrefix } from './redis-connection';

describe('REDIS_URL', () => {
  it('reads a single server', () => {
    expect(parseRedisUrl('redis://:pw@cache:6380/2')).toEqual({ kind: 'single', url: 'redis://:pw@cache:6380/2' });
    expect(parseRedisUrl('rediss://cache:6380')).toEqual({ kind: 'single', url: 'rediss://cache:6380' });
  });

  it('reads a cluster with its nodes and password', () => {
    expect(parseRedisUrl('redis+cluster://:s3cret@h1:7000,h2:7001')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'h1', port: 7000 },
        { host: 'h2', port: 7001 },
      ],
      password: 's3cret',
    });
  });

  it('refuses what it cannot read, naming the problem', () => {
    expect(() => parseRedisUrl('localhost:6379')).toThrow(/must start with redis:\/\//);
    expect(() => parseRedisUrl('redis+cluster://h1,h2:7001')).toThrow(/bad cluster node "h1"/);
  });

  it('wraps the prefix in a hash tag for a cluster, so each queue stays in one slot', () => {
    const cluster = parseRedisUrl('redis+cluster://h1:7000');
    expect(queuePrefix('support', cluster)).toBe('{support}');
    expect(queuePrefix('{support}', cluster)).toBe('{support}');
    expect(queuePrefix('support', parseRedisUrl('redis://h:1'))).toBe('support');
  });

  it('gives a cluster its own connect and retry options (a lazy preflight stays lazy), the rest to its nodes', () => {
    const retry = () => null;
    const cluster = createRedisConnection(parseRedisUrl('redis+cluster://:pw@h1:7000'), 'producer', { lazyConnect: true, retryStrategy: retry, connectTimeout: 500 }) as Cluster;
    expect(cluster).toBeInstanceOf(Cluster);
    expect(cluster.status).toBe('wait'); // not connecting: connect() is the caller's
    expect(cluster.options).toMatchObject({ lazyConnect: true, clusterRetryStrategy: retry, redisOptions: { connectTimeout: 500, maxRetriesPerRequest: 3, password: 'pw' } });
    expect(cluster.options.redisOptions).not.toHaveProperty('lazyConnect');
    cluster.disconnect();
  });

  it('with error stacks on, a command that fails names the code that sent it (a single server and a cluster alike)', async () => {
    const redis = createRedisConnection(parseRedisUrl('redis://127.0.0.1:1'), 'producer', { showFriendlyErrorStack: true, maxRetriesPerRequest: 1, retryStrategy: () => 10 });
    redis.on('error', () => undefined);
    const sentFromHere = () => redis.exists('anything');
    try {
      const error = await sentFromHere().catch((e: Error) => e);
      expect((error as Error).name).toBe('MaxRetriesPerRequestError');
      expect((error as Error).stack).toMatch(/sentFromHere/);
    } finally {
      redis.disconnect();
    }
    const cluster = createRedisConnection(parseRedisUrl('redis+cluster://h1:7000'), 'producer', { lazyConnect: true, showFriendlyErrorStack: true }) as Cluster;
    expect(cluster.options).toMatchObject({ showFriendlyErrorStack: true, redisOptions: { showFriendlyErrorStack: true } });
    cluster.disconnect();
  });
});
