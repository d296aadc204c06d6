import { nextRetryDelay, type RetryPolicy } from './retry-schedule';

/** What one HTTP attempt got: an answer's status, or an error before any answer (timeout, refused, DNS). */
export type AttemptResult = { status: number; error?: undefined } | { status?: undefined; error: string };

/**
 * What a delivery becomes after an attempt (Standard Webhooks): 2xx is delivered; 410 Gone is
 * permanent (the endpoint is gone for good: its subscription is disabled); anything else (other
 * 4xx, 5xx, 3xx, no answer) is transient and retried on the schedule until it is used up.
 */
export type AttemptOutcome = { state: 'delivered' } | { state: 'pending'; retryInMs: number } | { state: 'failed'; reason: string; gone: boolean };

export function describeAttempt(result: AttemptResult): string {
  return result.status === undefined ? result.error : `HTTP ${result.status}`;
}

export function attemptOutcome(result: AttemptResult, attemptsMade: number, policy: RetryPolicy): AttemptOutcome {
  if (result.status !== undefined && result.status >= 200 && result.status < 300) return { state: 'delivered' };
  if (result.status === 410) return { state: 'failed', reason: 'the receiver answered 410 Gone: the endpoint is gone, its subscription is disabled', gone: true };
  const retryInMs = nextRetryDelay(policy, attemptsMade);
  if (retryInMs !== null) return { state: 'pending', retryInMs };
  return { state: 'failed', reason: `no success after ${attemptsMade} attempts; the last: ${describeAttempt(result)}`, gone: false };
}
