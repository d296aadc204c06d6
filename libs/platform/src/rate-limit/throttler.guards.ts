import { applyDecorators, type ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { ACCESS } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ApiTooManyRequests } from '../openapi/errors';
import { tooManyRequests } from './too-many-requests';

/** The named throttlers of RateLimitModule: one guard each, so each runs where it belongs. */
export const PUBLIC_THROTTLER = 'public';
export const SUBMISSIONS_THROTTLER = 'submissions';

/**
 * @nestjs/throttler's guard for one of the named throttlers: counted under `<name>:<tracker>`
 * (one count across all the routes it guards), off when its limit is 0, and answering 429 with
 * the shared error body and Retry-After.
 */
abstract class OneThrottlerGuard extends ThrottlerGuard {
  protected abstract readonly throttlerName: string;
  protected abstract readonly refusal: string;

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.throttlers = this.throttlers.filter((t) => t.name === this.throttlerName);
  }

  protected override async shouldSkip(_context: ExecutionContext): Promise<boolean> {
    return this.throttlers.every((t) => t.limit === 0);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw tooManyRequests(context.switchToHttp().getResponse(), this.refusal, detail.timeToBlockExpire);
  }
}

/**
 * Global: a per-IP ceiling on the routes that need no key (pages, their assets, survey answers).
 * Routes behind the auth guard are left to the failed-authentication and submission limits;
 * /health and /metrics opt out with @SkipThrottle({ public: true }).
 */
@Injectable()
export class PublicThrottlerGuard extends OneThrottlerGuard {
  protected readonly throttlerName = PUBLIC_THROTTLER;
  protected readonly refusal = 'too many requests from this address';

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return (await super.shouldSkip(context)) || this.reflector.getAllAndOverride(ACCESS, [context.getHandler(), context.getClass()]) !== undefined;
  }
}

/**
 * On a route: submissions per caller (a producer; an admin previewing counts as itself). A route
 * guard runs after the global auth guard, so the caller is known.
 */
@Injectable()
export class SubmissionThrottlerGuard extends OneThrottlerGuard {
  protected readonly throttlerName = SUBMISSIONS_THROTTLER;
  protected readonly refusal = 'too many submissions from this producer';

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = req.principal as Principal | undefined;
    return principal ? `${principal.kind}:${principal.id}` : `ip:${await super.getTracker(req)}`;
  }
}

/** POST /v1/requests and /v1/triage/preview: limited per producer (SUBMISSION_RATE_LIMIT), declared in the OpenAPI document. */
export const SubmissionLimit = () =>
  applyDecorators(
    UseGuards(SubmissionThrottlerGuard),
    ApiTooManyRequests('Too many submissions from this producer in the window (SUBMISSION_RATE_LIMIT), or too many failed authentications with this key or from this address (AUTH_FAILURE_LIMIT)'),
  );
