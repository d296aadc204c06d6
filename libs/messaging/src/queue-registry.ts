import { Queue } from 'bullmq';
import type { Cluster } from 'ioredis';
import type IORedis from 'ioredis';
import { DEFAULT_JOB_OPTIONS } from './job-defaults';
import type { QueueErrorHandler } from './queue-errors';

/** The producer side of every queue (stage queues and the data-driven team queues), one instance each. */
export class QueueRegistry {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly connection: IORedis | Cluster,
    readonly prefix: string,
    private readonly onError: QueueErrorHandler = () => undefined,
  ) {}

  get(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      // A failed call rejects for its caller too; this is the queue's own report of the connection.
      queue.on('error', (error) => this.onError(name, error));
      this.queues.set(name, queue);
    }
    return queue;
  }

  names(): string[] {
    return [...this.queues.keys()];
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
