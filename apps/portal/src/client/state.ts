import type { Company, CustomerRequest } from './types';

/** What the page knows (the key is the API's `credentials`): the company signed in, its requests shown, the open one. */
export const state = {
  company: null as Company | null,
  requests: [] as CustomerRequest[],
  nextCursor: null as string | null,
  current: null as CustomerRequest | null,
  busy: false,
};
