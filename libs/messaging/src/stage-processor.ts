import { WorkerHost } from '@nestjs/bullmq';
import { Events, InvalidInputError, JOB_PAYLOAD_DTOS, type JobName, validateInput } from '@support/contracts';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from './job-defaults';
import 'reflect-metadata';

const HANDLES = Symbol('handles');
/** @Processor()'s metadata key (@nestjs/bullmq's PROCESSOR_METADATA; since v12 its exports map hides dist/). */
const PROCESSOR_METADATA = 'bullmq:processor_metadata';

/** Marks a method of a StageProcessor as the handler of one job name. */
export function Handles(name: JobName): MethodDecorator {
  return (target, key) => {
    const map: Map<string, string | symbol> = Reflect.getMetadata(HANDLES, target) ?? new Map();
    if (map.has(name)) throw new Error(`${target.constructor.name} handles ${name} twice`);
    map.set(name, key);
    Reflect.defineMetadata(HANDLES, map, target);
  };
}

/** The job names a processor instance handles. */
export function handledJobs(processor: object): string[] {
  return [...((Reflect.getMetadata(HANDLES, processor) as Map<string, string | symbol> | undefined)?.keys() ?? [])];
}

/** The queue a @Processor class consumes. */
export function getQueueName(instance: object): string {
  const meta = Reflect.getMetadata(PROCESSOR_METADATA, instance.constructor) as { name?: string } | undefined;
  return meta?.name ?? '(unknown)';
}

/** Our retry policy: what every job gets, however few attempts its producer asked for. */
const ATTEMPTS = DEFAULT_JOB_OPTIONS.attempts ?? 10;
const BACKOFF_MS = 500;

/**
 * The base of every stage's worker: validates the job's data against the contract (bad data
 * fails at once, unrecoverably, and stays in the failed set with the reason), then dispatches to
 * the @Handles method. Errors are not swallowed: retries with backoff are BullMQ's. A submission
 * added by an outside producer (the public intake queue) may carry fewer attempts than our policy,
 * often one, and no row exists yet for the reconciler to re-drive it: it still gets the policy's
 * retries, as delays, so a database outage loses no submission. Every other job is our own, added
 * with the policy's attempts (a failed one is the reconciler's).
 */
export abstract class StageProcessor extends WorkerHost {
  async process(job: Job, token?: string): Promise<unknown> {
    try {
      return await this.dispatch(job);
    } catch (error) {
      const producerAttempts = job.opts.attempts ?? 1;
      if (job.name !== Events.submitted || error instanceof UnrecoverableError || !token || producerAttempts >= ATTEMPTS || job.attemptsStarted >= ATTEMPTS) throw error;
      await job.moveToDelayed(Date.now() + BACKOFF_MS * 2 ** Math.max(0, job.attemptsStarted - 1), token);
      throw new DelayedError(`retrying after: ${(error as Error).message}`);
    }
  }

  private async dispatch(job: Job): Promise<unknown> {
    const key = (Reflect.getMetadata(HANDLES, this) as Map<string, string | symbol> | undefined)?.get(job.name);
    if (!key) throw new UnrecoverableError(`no handler for job "${job.name}" on queue "${job.queueName}"`);
    const dto = JOB_PAYLOAD_DTOS[job.name as JobName];
    let data: unknown = job.data;
    if (dto) {
      try {
        data = validateInput(dto, job.data);
      } catch (error) {
        if (error instanceof InvalidInputError) throw new UnrecoverableError(error.message);
        throw error;
      }
    }
    return (this as unknown as Record<string | symbol, (d: unknown, j: Job) => Promise<unknown>>)[key](data, job);
  }
}
