import type { TestSystem } from './system';
import { waitFor } from './wait';

/** Where the automatic pipeline stops: in a team queue, or declined with an outcome. */
export const SETTLED = ['queued', 'declined'];

export const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

export interface SubmitAnswer {
  submissionId: string;
  requests: { id: string; customerToken: string }[];
  notice?: string;
}

export interface TimelineEntry {
  at: string;
  stage: string;
  event: string;
  detail: Record<string, any>;
}

/** POST /v1/requests as the producer, expecting 202. */
export async function submit(sys: TestSystem, body: Record<string, unknown>): Promise<SubmitAnswer> {
  const res = await sys.http.post('/v1/requests').set(auth(sys.producerKey)).send(body).expect(202);
  return res.body as SubmitAnswer;
}

/** GET /v1/requests/:id as the producer. */
export async function view(sys: TestSystem, id: string): Promise<Record<string, any>> {
  const res = await sys.http.get(`/v1/requests/${id}`).set(auth(sys.producerKey)).expect(200);
  return res.body;
}

/** The request once the automatic stages are done with it. */
export function settled(sys: TestSystem, id: string, timeoutMs = 15_000): Promise<Record<string, any>> {
  return waitFor(
    async () => {
      const v = await view(sys, id);
      return SETTLED.includes(v.status) ? v : null;
    },
    `request ${id} to be queued or declined`,
    timeoutMs,
  );
}

export const events = (v: Record<string, any>): string[] => (v.timeline as TimelineEntry[]).map((e) => e.event);
export const entry = (v: Record<string, any>, event: string): TimelineEntry | undefined => (v.timeline as TimelineEntry[]).find((e) => e.event === event);

/**
 * Submits `n` bodies over HTTP, `lanes` at a time, each retried with its idempotency key until
 * answered (a 503 during an outage is an answer to try again); runs `midway` once half are in.
 * Answers the request ids and how many calls were refused along the way, by status.
 */
export async function submitMany(
  sys: TestSystem,
  n: number,
  body: (i: number) => Record<string, unknown> & { idempotencyKey: string },
  options: { lanes?: number; midway?: () => Promise<void> } = {},
): Promise<{ ids: Set<string>; refused: Record<number, number> }> {
  const ids = new Set<string>();
  const refused: Record<number, number> = {};
  let next = 0;
  let answered = 0;
  let midway: Promise<void> | null = null;
  const one = async (i: number) => {
    for (let attempt = 0; ; attempt++) {
      // A call that never answers is a failure of its own, not a test timeout.
      const res = await sys.http.post('/v1/requests').set(auth(sys.producerKey)).send(body(i)).timeout(30_000);
      if (res.status === 202 || res.status === 200) {
        for (const r of res.body.requests as { id: string }[]) ids.add(r.id);
        return;
      }
      refused[res.status] = (refused[res.status] ?? 0) + 1;
      if (attempt > 200) throw new Error(`submission ${i} not accepted: ${res.status} ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const lane = async () => {
    while (next < n) {
      await one(next++);
      if (++answered === Math.floor(n / 2) && options.midway) midway = options.midway();
    }
  };
  await Promise.all(Array.from({ length: options.lanes ?? 16 }, lane));
  await midway;
  return { ids, refused };
}
