import { eventJobId, type EventName, type EventPayloads, FanOut } from '@support/contracts';
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

  /**
   * A request waiting for an agent is one job in a team (or agent) queue; agents claim it with
   * a lease (the job's lock). Returns where it is, for the request row.
   */
  async enqueueForAgents(queue: string, jobId: string, requestId: string, priority: number): Promise<{ queue: string; id: string }> {
    await this.queues.get(queue).add('request.queued', { requestId }, { jobId, priority, attempts: 1, removeOnComplete: { age: 3600, count: 10_000 } });
    return { queue, id: jobId };
  }
}
