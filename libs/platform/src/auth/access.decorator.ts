import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, PrincipalKind } from './principal';

export const ACCESS = 'support:access';

/** Which kinds of caller may use a route. Routes without it are public (pages, health). */
export const Access = (...kinds: PrincipalKind[]) => SetMetadata(ACCESS, kinds);

/** The authenticated caller of this HTTP request. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal);
