import { eventJobId, type EventName, type EventPayloads, FanOut, teamQueueName } from '@support/contracts';
import type { JobsOptions } from 'bullmq';
import type { QueueRegistry } from './queue-registry';

/**
 * Typed publishing through the fan-out table: one job per subscriber queue, with a deterministic
 * job id so that publishing the same event again (a retry, a re-emit) adds nothing new.
 */
export class EventPublisher {
  constructor(private readonly queues: QueueRegistry) {}

  async publish<N extends EventName>(name: N, data: EventPayloads[N], options: JobsOptions & { key?: string } = {}): Promise<void> {
    const { key, ...jobOptions } = options;
    const id = jobOptions.jobId ?? eventJobId(name, key ?? (data as { requestId?: string }).requestId ?? '');
    await Promise.all(FanOut[name].map((queue) => this.queues.get(queue).add(name, data, { ...jobOptions, jobId: id })));
  }

  /** A routed request becomes one job in its team's queue (the job id is the request id). */
  async enqueueForTeam(teamId: string, requestId: string, priority: number): Promise<void> {
    await this.queues.get(teamQueueName(teamId)).add('request.queued', { requestId }, { jobId: requestId, priority, attempts: 1 });
  }
}
