import { Injectable } from '@nestjs/common';
import { queueOrder } from '@support/domain';
import { QueueRegistry } from '@support/messaging';
import { RequestStore } from '@support/persistence';

/**
 * A request waiting for an agent is ordered in its queue by its level, then its deadline
 * (queueOrder); when either changes, its job follows the row.
 */
@Injectable()
export class QueuePlacement {
  constructor(
    private readonly store: RequestStore,
    private readonly queues: QueueRegistry,
  ) {}

  /** Re-places the request's job when its order changed; true when it moved. */
  async follow(requestId: string): Promise<boolean> {
    const request = await this.store.find(requestId);
    if (!request || request.status !== 'queued' || !request.queueJob) return false;
    const job = await this.queues.get(request.queueJob.queue).getJob(request.queueJob.id);
    const priority = queueOrder(request);
    if (!job || job.priority === priority) return false;
    await job.changePriority({ priority });
    return true;
  }
}
