import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { getQueueName, stageProcessors } from '@support/messaging';
import { type Job, UnrecoverableError } from 'bullmq';
import { Metrics } from './metrics';

/** Counts and times every stage job, and logs each failure as a JSON line with its request id. */
@Injectable()
export class WorkerObserver implements OnApplicationBootstrap {
  private readonly logger = new Logger('worker');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    for (const processor of stageProcessors(this.discovery)) {
      const worker = processor.worker;
      worker.on('completed', (job) => this.record(job, 'completed'));
      // Redis errors (a lost connection, a job whose keys Redis lost): one log line each, never an unhandled 'error' event.
      worker.on('error', (error) => this.logger.warn({ queue: getQueueName(processor), err: error.message }, 'worker error'));
      worker.on('failed', (job, error) => {
        if (job) this.record(job, 'failed');
        // Failed for good: BullMQ will not try again (the reconciler may, see apps/reconciler).
        if (job && (error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1))) this.metrics.jobsExhausted.inc({ queue: job.queueName, job: job.name });
        this.logger.warn({ requestId: job?.data?.requestId, queue: job?.queueName, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: error.message }, 'job failed');
      });
    }
  }

  private record(job: Job, result: 'completed' | 'failed'): void {
    this.metrics.jobs.inc({ queue: job.queueName, job: job.name, result });
    if (job.processedOn && job.finishedOn) this.metrics.jobSeconds.observe({ queue: job.queueName, job: job.name }, (job.finishedOn - job.processedOn) / 1000);
  }
}
