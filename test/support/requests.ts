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
