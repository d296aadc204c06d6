import { Injectable } from '@nestjs/common';
import { expectedJobs, queueOrder, type SupportRequest } from '@support/domain';
import { EventPublisher, JobInspector } from '@support/messaging';
import { RequestStore } from '@support/persistence';
import { Metrics } from '@support/platform';

/**
 * Queued requests and their team- or agent-queue jobs: one that Redis lost (it lost its data) is
 * added again under the id the request row records, at its queue order, through the publisher.
 */
@Injectable()
export class AgentQueueJobs {
  constructor(
    private readonly store: RequestStore,
    private readonly publisher: EventPublisher,
    private readonly inspector: JobInspector,
    private readonly metrics: Metrics,
  ) {}

  async repair(requests: SupportRequest[]): Promise<void> {
    const placed = requests.flatMap((r) => {
      const place = expectedJobs(r).agentQueue;
      return place ? [{ request: r, place }] : [];
    });
    const byQueue = new Map<string, typeof placed>();
    for (const p of placed) byQueue.set(p.place.queue, [...(byQueue.get(p.place.queue) ?? []), p]);
    for (const [queue, items] of byQueue) {
      const states = await this.inspector.states(
        queue,
        items.map((i) => i.place.id),
      );
      for (const [n, { request, place }] of items.entries()) {
        if (states[n] !== 'missing') continue;
        // Read again: an agent may have claimed it and finished meanwhile.
        const fresh = await this.store.find(request.id);
        if (!fresh || fresh.status !== 'queued' || fresh.queueJob?.queue !== place.queue || fresh.queueJob.id !== place.id) continue;
        await this.publisher.enqueueForAgents(place.queue, place.id, fresh.id, queueOrder(fresh));
        this.metrics.repairs.inc({ kind: 'agent-queue-readded' });
      }
    }
  }
}
