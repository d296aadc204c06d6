import { emitJobId, eventJobId, type EventName, type EventPayloads, FanOut, Jobs, Scheduled, type ScheduledPayloads, subscribersOf, webhookDeliveryJobId } from '@support/contracts';
import type { Emit, SupportRequest } from '@support/domain';
import type { JobsOptions, RepeatOptions } from 'bullmq';
import type { QueueRegistry } from './queue-registry';

type ScheduledName = keyof ScheduledPayloads;

/** The request an event is about: its id, and its paid plan when known (who hears the event depends on it). */
export type EmitSubject = Pick<SupportRequest, 'id'> & Partial<Pick<SupportRequest, 'supportPlan'>>;

/** Told which emitted events are on their queues now, so their outbox rows can go. */
export interface PublishedEvents {
  markPublished(jobIds: readonly string[]): void;
}

/**
 * The one way onto a queue (immich's `queue(item)`): events go through the fan-out table, one job
 * per subscriber queue; scheduled jobs (alarms, sweeps) go to the queue the contract names for
 * them; a request waiting for an agent is one job in its team or agent queue. Every job id is
 * deterministic, so sending the same thing again (a retry, a re-emit) adds nothing new. Nothing
 * outside this library calls `queue.add`.
 */
export class EventPublisher {
  /** The job schedulers this process created, to re-create them when Redis lost them. */
  private readonly schedules = new Map<ScheduledName, Omit<RepeatOptions, 'key'>>();

  constructor(
    private readonly queues: QueueRegistry,
    private readonly outbox: PublishedEvents = { markPublished: () => undefined },
  ) {}

  async publish<N extends EventName>(name: N, data: EventPayloads[N], options: JobsOptions & { key?: string } = {}): Promise<void> {
    const { key, ...jobOptions } = options;
    const jobId = jobOptions.jobId ?? eventJobId(name, key ?? (data as { requestId?: string }).requestId ?? '');
    await this.addTo(FanOut[name], name, data, { ...jobOptions, jobId });
  }

  /**
   * What a transition emits about a request, each with an id from the request and its occurrence
   * (the id its outbox row has: once published, the row is marked so), to the queues that hear it
   * about this request: give its paid plan as stored after the transition (`subscribersOf`).
   */
  async emit(request: EmitSubject, emits: readonly Emit[]): Promise<void> {
    const ids: string[] = [];
    for (const { event, key } of emits) {
      if (!(event in FanOut)) throw new Error(`${event} is not a published event (see the fan-out table)`);
      const jobId = emitJobId(event as EventName, request.id, key);
      await this.addTo(subscribersOf(event as EventName, request.supportPlan), event, { requestId: request.id }, { jobId });
      ids.push(jobId);
    }
    if (ids.length > 0) this.outbox.markPublished(ids);
  }

  /** One job on each of these queues, all under the same id. */
  private async addTo(queues: readonly string[], name: string, data: unknown, options: JobsOptions & { jobId: string }): Promise<void> {
    await Promise.all(queues.map((queue) => this.queues.get(queue).add(name, data, options)));
  }

  /** A scheduled job (an alarm, a stand-in for a lost one) on the queue the contract names for it. */
  async enqueue<N extends ScheduledName>(name: N, data: ScheduledPayloads[N], options: JobsOptions & { jobId: string }): Promise<void> {
    await this.queues.get(Scheduled[name]).add(name, data, options);
  }

  /**
   * The job that sends a webhook delivery in its round, due at `dueAt` (now when past): its id
   * names both, so adding it again while it exists adds nothing. Retries after a receiver's
   * failure are the same job, delayed by its worker; the policy's attempts cover only our own
   * errors (e.g. the database away).
   */
  async enqueueWebhookDelivery(deliveryId: string, round: number, dueAt: Date): Promise<void> {
    await this.enqueue(Jobs.webhookDelivery, { deliveryId }, { jobId: webhookDeliveryJobId(deliveryId, round), delay: Math.max(0, dueAt.getTime() - Date.now()) });
  }

  /** Many scheduled jobs of one name at once (one round trip per batch). */
  async enqueueMany<N extends ScheduledName>(name: N, items: { data: ScheduledPayloads[N]; options: JobsOptions & { jobId: string } }[]): Promise<void> {
    for (let i = 0; i < items.length; i += 1000) {
      await this.queues.get(Scheduled[name]).addBulk(items.slice(i, i + 1000).map(({ data, options }) => ({ name, data, opts: options })));
    }
  }

  /** Removes a scheduled job that no longer applies; false when it is gone already or running. */
  async cancel(name: ScheduledName, jobId: string): Promise<boolean> {
    return (await this.queues.get(Scheduled[name]).remove(jobId)) === 1;
  }

  /** A BullMQ job scheduler for a periodic job: created or updated, once across all processes. */
  async schedule<N extends ScheduledName>(name: N, repeat: Omit<RepeatOptions, 'key'>): Promise<void> {
    this.schedules.set(name, repeat);
    await this.queues.get(Scheduled[name]).upsertJobScheduler(name, repeat, { name });
  }

  /**
   * Re-creates the job schedulers this process created that Redis no longer holds (it lost its
   * data, or was restarted without it); returns their names. Upserting is idempotent.
   */
  async ensureSchedules(): Promise<ScheduledName[]> {
    const missing: ScheduledName[] = [];
    for (const [name, repeat] of this.schedules) {
      const queue = this.queues.get(Scheduled[name]);
      if (await queue.getJobScheduler(name)) continue;
      await queue.upsertJobScheduler(name, repeat, { name });
      missing.push(name);
    }
    return missing;
  }

  /** Removes a job scheduler that is no longer used (e.g. one an earlier version created). */
  async unschedule(queue: string, schedulerId: string): Promise<void> {
    await this.queues.get(queue).removeJobScheduler(schedulerId);
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
