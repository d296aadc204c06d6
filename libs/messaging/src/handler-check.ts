import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { jobsConsumedBy } from '@support/contracts';
import { getQueueName, handledJobs, StageProcessor } from './stage-processor';
import { startStageWorker, WORKER_SETTINGS, type WorkerSettings } from './worker-options';

/**
 * The startup check (ARCHITECTURE.md principle 6): every job name that the fan-out table sends
 * to a queue consumed in this process has exactly one handler, and no handler waits for a job
 * that is never sent there. A mismatch stops the process before it takes any job.
 */
export function checkHandlers(processors: { queue: string; jobs: string[]; name: string }[]): string[] {
  const problems: string[] = [];
  const byQueue = new Map<string, { jobs: string[]; name: string }[]>();
  for (const p of processors) byQueue.set(p.queue, [...(byQueue.get(p.queue) ?? []), p]);
  for (const [queue, owners] of byQueue) {
    const expected = jobsConsumedBy(queue);
    for (const job of expected) {
      const count = owners.filter((o) => o.jobs.includes(job)).length;
      if (count === 0) problems.push(`queue ${queue}: job ${job} has no handler`);
      if (count > 1) problems.push(`queue ${queue}: job ${job} has ${count} handlers (${owners.map((o) => o.name).join(', ')})`);
    }
    for (const owner of owners) {
      for (const job of owner.jobs) if (!expected.includes(job as never)) problems.push(`queue ${queue}: ${owner.name} handles ${job}, which is never sent there`);
    }
  }
  return problems;
}

/** The stage processors (and so the stage workers) of this process. */
export function stageProcessors(discovery: DiscoveryService): StageProcessor[] {
  return discovery
    .getProviders()
    .map((w) => w.instance)
    .filter((i): i is StageProcessor => i instanceof StageProcessor);
}

/**
 * Checks the handlers at start, then starts every stage worker with the process's worker
 * settings; at shutdown closes every stage worker first (stop fetching, finish the active jobs)
 * before the database and Redis connections go.
 */
@Injectable()
export class HandlerCheck implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(stageProcessors(this.discovery).map((p) => p.worker?.close()));
  }

  onApplicationBootstrap(): void {
    const stages = stageProcessors(this.discovery);
    const problems = checkHandlers(stages.map((p) => ({ queue: getQueueName(p), jobs: handledJobs(p), name: p.constructor.name })));
    if (problems.length > 0) throw new Error(`job handlers do not match the contract: ${problems.join('; ')}`);
    for (const p of stages) startStageWorker(p.worker, this.settings);
  }
}
