import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { normalizeIp } from '@nestjs/throttler';
import { ACCESS } from '../auth/access.decorator';
import { AuthGuard } from '../auth/auth.guard';
import { hashKey } from '../auth/key-service';
import { SETTINGS, type Settings } from '../settings';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { tooManyRequests } from './too-many-requests';

const REFUSAL = 'too many failed authentications with this key or from this address';

/**
 * Failed authentications, counted per presented credential (only its hash is stored) and per
 * client IP: past AUTH_FAILURE_LIMIT in a window, both are refused with 429 for the rest of the
 * window, whether the next key is right or wrong, so keys cannot be guessed. A correct key from
 * another address still works. Calls without any credential are not counted (nothing is guessed).
 */
@Injectable()
export class AuthFailureLimiter {
  constructor(
    private readonly storage: RedisThrottlerStorage,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  get enabled(): boolean {
    return this.settings.rateLimits.authFailures > 0;
  }

  private trackers(ip: string | undefined, presented: string | null): string[] {
    const address = `auth:ip:${ip ? normalizeIp(ip) : 'unknown'}`;
    return presented ? [address, `auth:key:${hashKey(presented)}`] : [address];
  }

  /** Seconds this address or credential is still locked out; 0 when it is not. */
  async lockedFor(ip: string | undefined, presented: string | null): Promise<number> {
    return this.enabled ? this.storage.blockedFor(...this.trackers(ip, presented)) : 0;
  }

  /** Counts a failure; answers the seconds of the lock-out it caused, 0 when there is none yet. */
  async failed(ip: string | undefined, presented: string | null): Promise<number> {
    if (!this.enabled || !presented) return 0;
    const { windowMs, authFailures } = this.settings.rateLimits;
    const hits = await Promise.all(this.trackers(ip, presented).map((t) => this.storage.increment(t, windowMs, authFailures, 0)));
    return Math.max(0, ...hits.filter((h) => h.isBlocked).map((h) => h.timeToBlockExpire));
  }
}

/**
 * The global guard: AuthGuard itself, with the lock-out around it on the routes that need a key
 * (refused before the key is looked at; a failure counted and, past the limit, answered 429
 * instead of 401). AuthGuard is unchanged and knows nothing of it.
 */
@Injectable()
export class RateLimitedAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthGuard,
    private readonly limiter: AuthFailureLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const keyed = this.reflector.getAllAndOverride<unknown>(ACCESS, [context.getHandler(), context.getClass()]) !== undefined;
    if (!keyed || !this.limiter.enabled) return this.auth.canActivate(context);
    const http = context.switchToHttp();
    const req = http.getRequest<{ ip?: string; headers?: Record<string, string | string[] | undefined> }>();
    // The credential itself (`Bearer <key>` → the key), so the same key counts alike wherever it is tried.
    const header = typeof req.headers?.authorization === 'string' ? req.headers.authorization.trim() : '';
    const presented = header === '' ? null : (/^\S+\s+(\S+)$/.exec(header)?.[1] ?? header);
    const locked = await this.limiter.lockedFor(req.ip, presented);
    if (locked > 0) throw tooManyRequests(http.getResponse(), REFUSAL, locked);
    try {
      return await this.auth.canActivate(context);
    } catch (error) {
      if (!(error instanceof UnauthorizedException)) throw error;
      const lockedNow = await this.limiter.failed(req.ip, presented);
      if (lockedNow > 0) throw tooManyRequests(http.getResponse(), REFUSAL, lockedNow);
      throw error;
    }
  }
}
