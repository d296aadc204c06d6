import type { KeyKind } from '@support/persistence';

/** Who is calling: a key's owner, or a customer holding one request's token. */
export type Principal = { kind: KeyKind; id: string } | { kind: 'customer'; id: string; requestId: string };

export type PrincipalKind = Principal['kind'];
