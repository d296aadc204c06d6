import { Logger } from '@nestjs/common';
import { UNAVAILABLE_MESSAGES, unavailablePart } from './unavailable';

/**
 * What an answer adds when its change was stored but its jobs could not be published because
 * the queue (Redis) was unreachable. The database is the truth: the periodic passes (the pipeline
 * sweeper, the survey sweep, the reconciler) publish what was stored and not published.
 */
export interface NotQueued {
  queued: false;
  queueNotice: string;
}

export const notQueued = (what = 'processing'): NotQueued => ({
  queued: false,
  queueNotice: `stored; ${UNAVAILABLE_MESSAGES.queue}, so ${what} starts when it is back`,
});

const logger = new Logger('after-commit');

/**
 * Runs the publishing that follows a commit. When Redis cannot be reached, the commit stands and
 * this answers false (logged as a warning), so the caller can say "stored, not queued yet" instead
 * of a 500 that hides a stored change. Any other error is a bug and is thrown.
 */
export async function publishAfterCommit(what: string, work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (unavailablePart(error) !== 'queue') throw error;
    logger.warn({ unavailable: 'queue', after: what, err: (error as Error).message }, `stored, not published: ${what}`);
    return false;
  }
}
