import type { RequestEntity, RequestStore } from '@support/persistence';
import { notQueued, toRequestView } from '@support/platform';

/** The request after a desk step; `queued: false` with a notice when the step is stored but Redis was unreachable after the commit. */
export async function stepAnswer(store: RequestStore, id: string, queued = true) {
  const request = (await store.find(id)) as RequestEntity;
  return { ...toRequestView(request, await store.timeline(id)), ...(queued ? {} : notQueued('what follows')) };
}
