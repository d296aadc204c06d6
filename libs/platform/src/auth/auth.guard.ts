import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS } from './access.decorator';
import { KeyService } from './key-service';
import type { Principal, PrincipalKind } from './principal';
import { looksLikeToken, type TokenPurpose, TokenSigner } from './token-signer';

export const CUSTOMER_TOKEN: TokenPurpose = 'customer';

/**
 * `Authorization: Bearer <key>` on every /v1 route: a missing or unknown key is 401, a valid key
 * of a kind the route does not admit is 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: KeyService,
    private readonly tokens: TokenSigner,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const kinds = this.reflector.getAllAndOverride<PrincipalKind[] | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    if (!kinds) return true;
    const request = context.switchToHttp().getRequest();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers?.authorization ?? '');
    if (!match) throw new UnauthorizedException('missing bearer key (Authorization: Bearer <key>)');
    const principal = await this.identify(match[1]);
    if (!principal) throw new UnauthorizedException('unknown or revoked key');
    if (!kinds.includes(principal.kind)) throw new ForbiddenException(`a ${principal.kind} key may not do this`);
    request.principal = principal;
    return true;
  }

  /** A valid customer token (an expired, tampered or other-purpose one is no principal: 401), else a key. */
  private async identify(bearer: string): Promise<Principal | null> {
    if (looksLikeToken(bearer)) {
      const check = await this.tokens.verify(CUSTOMER_TOKEN, bearer);
      if (check.ok) return { kind: 'customer', id: check.subject, requestId: check.subject };
    }
    return this.keys.resolve(bearer);
  }
}
