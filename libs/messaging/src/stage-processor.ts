import { WorkerHost } from '@nestjs/bullmq';
import { InvalidInputError, JOB_PAYLOAD_DTOS, type JobName, validateInput } from '@support/contracts';
import { Job, UnrecoverableError } from 'bullmq';
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

/**
 * The base of every stage's worker: validates the job's data against the contract (bad data
 * fails at once, unrecoverably, and stays in the failed set with the reason), then dispatches to
 * the @Handles method. Errors are not caught: retries with backoff are BullMQ's.
 */
export abstract class StageProcessor extends WorkerHost {
  async process(job: Job): Promise<unknown> {
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
