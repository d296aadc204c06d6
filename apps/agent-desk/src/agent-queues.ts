import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { QueueRegistry, WORKER_REDIS } from '@support/messaging';
import type { Cluster } from 'ioredis';
import type IORedis from 'ioredis';
import { SETTINGS, type Settings } from '@support/platform';
import { type Job, Worker } from 'bullmq';

/**
 * The agents' side of the team and agent queues. A claim takes the next job with
 * `getNextJob(token)`: the job's BullMQ lock is the agent's lease, renewed with `extendLock`.
 * A lease nobody renews lapses, and BullMQ's stalled-job check puts the job back in its queue for
 * the next agent; `onLeaseLapsed` is told so that the request row follows.
 */
@Injectable()
export class AgentQueues implements OnApplicationShutdown {
  private readonly workers = new Map<string, Worker>();
  private lapsed: (queue: string, jobId: string) => Promise<void> = async () => undefined;

  constructor(
    private readonly queues: QueueRegistry,
    @Inject(WORKER_REDIS) private readonly workerRedis: { connection?: IORedis | Cluster },
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  onLeaseLapsed(handler: (queue: string, jobId: string) => Promise<void>): void {
    this.lapsed = handler;
  }

  /** The manual worker of a queue, made on first use; it also runs the stalled-job check for it. */
  worker(queue: string): Worker {
    let worker = this.workers.get(queue);
    if (!worker) {
      const lease = this.settings.leaseMs;
      worker = new Worker(queue, null, {
        connection: this.workerRedis.connection as IORedis | Cluster, // workers need maxRetriesPerRequest: null
        prefix: this.queues.prefix,
        autorun: false,
        lockDuration: lease,
        // Check often enough that a lapsed lease frees the request soon after it lapses.
        stalledInterval: Math.max(500, Math.min(Math.floor(lease / 4), 15_000)),
        // A lapsed lease is normal here (an agent walked away): never fail the job for it.
        maxStalledCount: Number.MAX_SAFE_INTEGER,
      });
      worker.on('stalled', (jobId) => void this.lapsed(queue, jobId).catch(() => undefined));
      worker.on('error', () => undefined); // connection errors surface on the next call
      void worker.startStalledCheckTimer();
      this.workers.set(queue, worker);
    }
    return worker;
  }

  /** Starts the stalled checks of these queues (at start, so lapsed leases are found without a claim). */
  watch(queues: string[]): void {
    for (const queue of queues) this.worker(queue);
  }

  /** The job at the head of a queue, without taking it: what a claim compares across queues. */
  async head(queue: string): Promise<Job | null> {
    // BullMQ takes jobs without a priority (the wait list) before prioritized ones.
    const q = this.queues.get(queue);
    const [waiting] = await q.getJobs(['wait'], 0, 0, true);
    if (waiting) return waiting;
    const [prioritized] = await q.getJobs(['prioritized'], 0, 0, true);
    return prioritized ?? null;
  }

  async job(queue: string, id: string): Promise<Job | null> {
    return (await this.queues.get(queue).getJob(id)) ?? null;
  }

  async counts(queue: string): Promise<{ waiting: number; active: number }> {
    const c = await this.queues.get(queue).getJobCounts('wait', 'prioritized', 'active');
    return { waiting: (c.wait ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0 };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.close()));
  }
}
