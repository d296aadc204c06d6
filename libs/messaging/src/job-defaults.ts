import type { DefaultJobOptions } from 'bullmq';

/**
 * Production settings from BullMQ's guide: retries with exponential backoff, and bounded
 * retention so Redis does not grow without end (failed jobs are kept longer, for inspection).
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 24 * 3600, count: 20_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 100_000 },
};
