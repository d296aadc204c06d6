import type { WorkerOptions } from 'bullmq';

const envInt = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * Options for every stage worker, read from the environment when the app's modules load:
 * WORKER_CONCURRENCY jobs at once; a job's lock lasts WORKER_LOCK_MS and is renewed while it
 * runs, so a killed worker's job is taken over once the lock lapses (the stalled check).
 */
export function stageWorkerOptions(): Partial<WorkerOptions> {
  const lockDuration = envInt('WORKER_LOCK_MS', 30_000);
  return {
    concurrency: envInt('WORKER_CONCURRENCY', 8),
    lockDuration,
    stalledInterval: Math.min(lockDuration, 30_000),
    maxStalledCount: 3,
  };
}
