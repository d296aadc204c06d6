import type { ObservedJob } from '@support/domain';
import type { FinishedStatus } from 'bullmq';
import type { QueueRegistry } from './queue-registry';

/**
 * What Redis holds for given job ids, and putting a finished job back in line (`job.retry()`): the
 * reconciler's eyes and hands on the queues (adding jobs stays the publisher's).
 */
export class JobInspector {
  constructor(private readonly queues: QueueRegistry) {}

  /** The state of each job id in `queue`, `missing` when Redis does not hold it. */
  async states(queue: string, jobIds: string[]): Promise<ObservedJob[]> {
    const q = this.queues.get(queue);
    return Promise.all(jobIds.map(async (id) => (await q.getJobState(id)).replace('unknown', 'missing') as ObservedJob));
  }

  /** Why a job failed, as BullMQ recorded it (null when it did not fail or is gone). */
  async failedReason(queue: string, jobId: string): Promise<string | null> {
    return (await this.queues.get(queue).getJob(jobId))?.failedReason || null;
  }

  /**
   * Moves a failed (or completed) job back to waiting: one more attempt, with its id and data.
   * False when the job is gone or no longer in that state (someone else retried it).
   */
  async retry(queue: string, jobId: string, from: FinishedStatus): Promise<boolean> {
    const job = await this.queues.get(queue).getJob(jobId);
    if (!job) return false;
    try {
      await job.retry(from);
      return true;
    } catch {
      return false;
    }
  }
}
