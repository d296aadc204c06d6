/**
 * When a webhook delivery is tried again after a transient failure (Standard Webhooks: retries
 * with exponential backoff). Durations in milliseconds.
 */
export interface RetryPolicy {
  /** The wait before the first retry; each next wait doubles. */
  firstDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
  /** Retries stop this long after the first attempt; the last one runs at that moment. */
  retryForMs: number;
}

/** 30 s, 1 min, 2 min … capped at 4 h, for 24 h: 14 attempts in all. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { firstDelayMs: 30_000, maxDelayMs: 4 * 3600_000, retryForMs: 24 * 3600_000 };

/** The waits between attempts, in order: doubling, capped, the last one shortened to end at the window's end. */
export function retrySchedule(policy: RetryPolicy): number[] {
  const waits: number[] = [];
  let elapsed = 0;
  for (let wait = policy.firstDelayMs; elapsed < policy.retryForMs; wait = Math.min(wait * 2, policy.maxDelayMs)) {
    const step = Math.min(wait, policy.maxDelayMs, policy.retryForMs - elapsed);
    if (step <= 0) break;
    waits.push(step);
    elapsed += step;
  }
  return waits;
}

/** How many attempts a delivery gets in all (the first and every retry). */
export const maxAttempts = (policy: RetryPolicy): number => 1 + retrySchedule(policy).length;

/** The wait after `attemptsMade` failed attempts, or null when the retries are used up. */
export function nextRetryDelay(policy: RetryPolicy, attemptsMade: number): number | null {
  return retrySchedule(policy)[attemptsMade - 1] ?? null;
}
