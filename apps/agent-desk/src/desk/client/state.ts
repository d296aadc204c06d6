import type { Agent, DeskConfig, RequestView } from './types';

/** What the page knows (the key is the API's `credentials`): who is signed in, the open request and its lease. One object, shared by the modules. */
export const state = {
  me: null as Agent | null,
  config: { leaseMs: 300000, rules: {} } as DeskConfig,
  current: null as RequestView | null,
  leaseExpiresAt: null as string | null,
  lapsed: false,
  busy: false,
};
