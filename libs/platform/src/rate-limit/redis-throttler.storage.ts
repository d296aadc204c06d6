import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Cluster } from 'ioredis';
import type IORedis from 'ioredis';

/** What one counted hit answers (the shape @nestjs/throttler's guard reads; times in seconds). */
export interface HitRecord {
  totalHits: number;
  /** Seconds until the window's counter ends. */
  timeToExpire: number;
  isBlocked: boolean;
  /** Seconds until the block ends (0 when not blocked): the Retry-After. */
  timeToBlockExpire: number;
}

/**
 * One hit, atomically: while the block key lives, nothing is counted and the block's time left is
 * answered; otherwise the window's counter goes up (its expiry set by the first hit of a window),
 * and a count past the limit sets the block: for ARGV[3] ms, or for the rest of the window when 0.
 * KEYS[1] the counter, KEYS[2] the block; ARGV: window ms, limit, block ms. Answers
 * { hits, window ms left, blocked 0|1, block ms left }.
 */
const HIT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  return { tonumber(redis.call('GET', KEYS[1]) or '0'), math.max(redis.call('PTTL', KEYS[1]), 0), 1, blockLeft }
end
local hits = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  left = tonumber(ARGV[1])
  redis.call('PEXPIRE', KEYS[1], left)
end
if hits > tonumber(ARGV[2]) then
  local block = tonumber(ARGV[3])
  if block <= 0 then block = left end
  redis.call('SET', KEYS[2], '1', 'PX', block)
  return { hits, left, 1, block }
end
return { hits, left, 0, 0 }
`;

const COMMAND = 'supportRateLimitHit';

type WithHit = { [COMMAND](counter: string, block: string, windowMs: number, limit: number, blockMs: number): Promise<[number, number, number, number]> };

const seconds = (ms: number) => Math.ceil(ms / 1000);

/**
 * @nestjs/throttler's storage on this process's Redis connection (single server or Cluster), so
 * every process of a deployment counts against the same limits. Keys live under the queue prefix
 * (`<prefix>:rate:<key>:hits` and `:block`); in a cluster the prefix carries a hash tag, so both
 * keys of one script are in one slot, and deleting the prefix's keys removes them too.
 *
 * When Redis cannot answer, calls are let through (and a warning logged): pages and reads that
 * need no Redis keep working during an outage, and nothing is counted that could not be shared.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimits');
  private readonly redis: (IORedis | Cluster) & WithHit;

  constructor(
    redis: IORedis | Cluster,
    /** The queue prefix as used on this connection (with its hash tag in a cluster). */
    private readonly prefix: string,
  ) {
    // ioredis runs it with EVALSHA and loads it when the server does not know it yet.
    if (typeof (redis as Partial<WithHit>)[COMMAND] !== 'function') redis.defineCommand(COMMAND, { numberOfKeys: 2, lua: HIT });
    this.redis = redis as (IORedis | Cluster) & WithHit;
  }

  private keys(key: string): [string, string] {
    const base = `${this.prefix}:rate:${key}`;
    return [`${base}:hits`, `${base}:block`];
  }

  /**
   * Counts one hit of `key` in a window of `ttl` ms; past `limit`, the key is blocked for
   * `blockDuration` ms (0: for the rest of the window) and hits are not counted while it is.
   */
  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<HitRecord> {
    const [counter, block] = this.keys(key);
    const open = { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    if (!this.ready()) return open;
    try {
      const [hits, left, blocked, blockLeft] = await this.redis[COMMAND](counter, block, Math.max(1, Math.round(ttl)), limit, Math.max(0, Math.round(blockDuration)));
      return { totalHits: hits, timeToExpire: seconds(left), isBlocked: blocked === 1, timeToBlockExpire: seconds(blockLeft) };
    } catch (error) {
      this.unavailable(error);
      return open;
    }
  }

  /** Seconds until the longest block among `keys` ends; 0 when none is blocked. Counts nothing. */
  async blockedFor(...keys: string[]): Promise<number> {
    if (!this.ready()) return 0;
    try {
      const left = await Promise.all(keys.map((key) => this.redis.pttl(this.keys(key)[1])));
      return seconds(Math.max(0, ...left));
    } catch (error) {
      this.unavailable(error);
      return 0;
    }
  }

  /**
   * While the connection is down, limits are not applied at once: waiting for ioredis' reconnect
   * attempts on every call would make each request of an outage hang for seconds.
   */
  private ready(): boolean {
    // 'connecting' (the first connection) waits as usual; a lost connection does not.
    if (!['reconnecting', 'close', 'end'].includes(this.redis.status)) return true;
    this.unavailable(new Error(`connection ${this.redis.status}`));
    return false;
  }

  private unavailable(error: unknown): void {
    this.logger.warn(`rate limits not applied: Redis did not answer (${(error as Error).message})`);
  }
}
