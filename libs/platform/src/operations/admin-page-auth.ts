import { type CanActivate, type ExecutionContext, ForbiddenException, HttpException, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { KeyService } from '../auth';
import { AuthFailureLimiter } from '../rate-limit/auth-failure-limiter';
import { tooManyRequests } from '../rate-limit/too-many-requests';

/**
 * The admin's pages outside /v1 (/admin/queues, /admin/outbox): a browser opens them without a
 * script to add a Bearer header, so besides `Authorization: Bearer <admin key>` they take HTTP
 * Basic with the admin key as password (any user name), and a refusal asks the browser for it
 * (WWW-Authenticate). Failed keys count towards the same lock-out as the API's (AUTH_FAILURE_LIMIT).
 * Answers null when the caller is the admin, else the exception to answer with (its headers set on `res`).
 */
export async function adminPageRefusal(req: Request, res: Response, keys: KeyService, limiter: AuthFailureLimiter, realm: string): Promise<HttpException | null> {
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  const key = bearer ?? (basic ? Buffer.from(basic, 'base64').toString().split(':').slice(1).join(':') : undefined);
  const refusal = 'too many failed authentications with this key or from this address';
  const locked = await limiter.lockedFor(req.ip, key ?? null);
  if (locked > 0) return tooManyRequests(res, refusal, locked);
  const principal = key ? await keys.resolve(key).catch(() => null) : null;
  if (!principal && key) {
    const lockedNow = await limiter.failed(req.ip, key);
    if (lockedNow > 0) return tooManyRequests(res, refusal, lockedNow);
  }
  if (principal?.kind === 'admin') return null;
  res.setHeader('WWW-Authenticate', `Basic realm="${realm}", charset="UTF-8"`);
  const message = `the ${realm} page needs the admin key`;
  return principal ? new ForbiddenException(message) : new UnauthorizedException(message);
}

/** @UseGuards(AdminPageGuard) on an admin page outside /v1: the admin key as Bearer or HTTP Basic password (see adminPageRefusal). */
@Injectable()
export class AdminPageGuard implements CanActivate {
  constructor(
    private readonly keys: KeyService,
    private readonly limiter: AuthFailureLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const refusal = await adminPageRefusal(http.getRequest<Request>(), http.getResponse<Response>(), this.keys, this.limiter, 'admin');
    if (refusal) throw refusal;
    return true;
  }
}
