import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { parseRedisUrl, PRODUCER_REDIS, queuePrefix } from '@support/messaging';
import type { Cluster } from 'ioredis';
import type IORedis from 'ioredis';
import type { Settings } from '../settings';
import { AuthFailureLimiter } from './auth-failure-limiter';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { PUBLIC_THROTTLER, PublicThrottlerGuard, SUBMISSIONS_THROTTLER } from './throttler.guards';

/**
 * Rate limits (README, "Rate limits"), counted in Redis under the queue prefix so that every
 * process of a deployment shares them: failed authentications per key and per IP
 * (AuthFailureLimiter, used by the global auth guard), submissions per producer
 * (@SubmissionLimit() on the routes) and a per-IP ceiling on the public routes (a global guard).
 * Past a limit, calls are 429 with Retry-After for the rest of the window.
 */
@Global()
@Module({})
export class RateLimitModule {
  static forRoot(settings: Settings): DynamicModule {
    const { windowMs, submissions, publicPerIp } = settings.rateLimits;
    const prefix = queuePrefix(settings.queuePrefix, parseRedisUrl(settings.redisUrl));
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRootAsync({
          useFactory: (storage: RedisThrottlerStorage) => ({
            storage,
            setHeaders: false,
            // blockDuration 0: refused for the rest of the window (RedisThrottlerStorage).
            throttlers: [
              { name: PUBLIC_THROTTLER, ttl: windowMs, limit: publicPerIp, blockDuration: 0 },
              { name: SUBMISSIONS_THROTTLER, ttl: windowMs, limit: submissions, blockDuration: 0 },
            ],
          }),
          inject: [RedisThrottlerStorage],
        }),
      ],
      providers: [
        { provide: RedisThrottlerStorage, useFactory: (redis: IORedis | Cluster) => new RedisThrottlerStorage(redis, prefix), inject: [PRODUCER_REDIS] },
        AuthFailureLimiter,
        { provide: APP_GUARD, useClass: PublicThrottlerGuard },
      ],
      exports: [RedisThrottlerStorage, AuthFailureLimiter],
    };
  }
}
