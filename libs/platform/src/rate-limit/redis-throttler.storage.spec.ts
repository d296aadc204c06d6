import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** On the real Redis of the tests (REDIS_URL or 127.0.0.1:6379), under a unique prefix removed afterwards. */
describe('RedisThrottlerStorage', () => {
  const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `t-rate-${randomBytes(4).toString('hex')}`;
  const storage = new RedisThrottlerStorage(redis, prefix);

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('counts hits in a window, then blocks for the rest of the window without counting', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await storage.increment('a', 3000, 2, 0));
    expect(answers.map((a) => [a.totalHits, a.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [3, true],
    ]);
    expect(answers[2].timeToBlockExpire).toBeGreaterThanOrEqual(2);
    expect(answers[2].timeToBlockExpire).toBeLessThanOrEqual(3);
    expect(await storage.blockedFor('a', 'other')).toBe(answers[3].timeToBlockExpire);
    // The block ends with the window.
    const [block, window] = await Promise.all([redis.pttl(`${prefix}:rate:a:block`), redis.pttl(`${prefix}:rate:a:hits`)]);
    expect(Math.abs(block - window)).toBeLessThan(100);
  });

  it('blocks for the given duration when there is one, and starts anew after it', async () => {
    await storage.increment('b', 60_000, 1, 0);
    const blocked = await storage.increment('b', 60_000, 1, 300);
    expect(blocked).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await storage.blockedFor('b')).toBe(0);
  });

  it('counts atomically under concurrency', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => storage.increment('c', 5000, 10, 0)));
    expect(answers.filter((a) => !a.isBlocked)).toHaveLength(10);
  });

  it('lets calls through when Redis does not answer', async () => {
    const down = new IORedis({ port: 1, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    const unavailable = new RedisThrottlerStorage(down, prefix);
    expect(await unavailable.increment('d', 1000, 0, 0)).toEqual({ totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 });
    expect(await unavailable.blockedFor('d')).toBe(0);
    down.disconnect();
  });
});
