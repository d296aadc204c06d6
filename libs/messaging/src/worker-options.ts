import type { Worker, WorkerOptions } from 'bullmq';

/** Provided by MessagingModule.forRoot: how this process's stage workers run. */
export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');

/** How a process's stage workers run (WORKER_CONCURRENCY, WORKER_LOCK_MS). */
export interface WorkerSettings {
  concurrency: number;
  lockMs: number;
}

/**
 * The @Processor options of every stage worker. A decorator is evaluated once per class, but a
 * process (or a test running several systems) configures its workers from its own settings: so
 * the worker is created stopped and started by HandlerCheck (startStageWorker) once the handlers check out.
 */
export function stageWorkerOptions(): Partial<WorkerOptions> {
  return { autorun: false };
}

/**
 * Options from the settings: `concurrency` jobs at once; a job's lock lasts `lockMs` and is
 * renewed while it runs, so a killed worker's job is taken over once the lock lapses (the
 * stalled check).
 */
export function workerOptionsFrom(settings: WorkerSettings): Partial<WorkerOptions> {
  return {
    concurrency: settings.concurrency,
    lockDuration: settings.lockMs,
    lockRenewTime: settings.lockMs / 2,
    stalledInterval: Math.min(settings.lockMs, 30_000),
    maxStalledCount: 3,
  };
}

/** Applies the settings to a stage worker created by @nestjs/bullmq (not running yet) and starts it. */
export function startStageWorker(worker: Worker, settings: WorkerSettings): void {
  if (worker.isRunning()) throw new Error(`worker of ${worker.name} is already running: it must be created with stageWorkerOptions()`);
  const options = workerOptionsFrom(settings);
  Object.assign(worker.opts, options);
  worker.concurrency = settings.concurrency;
  // The lock manager copied the lock options when the worker was made: make it anew with these.
  (worker as unknown as { createLockManager(): void }).createLockManager();
  worker.run().catch((error) => worker.emit('error', error));
}
