import { Inject, Injectable } from '@nestjs/common';
import { Jobs, occurrenceJobId, Queues } from '@support/contracts';
import { expectedWaitAlarms, leaseExpired, leaseLost, queueOrder, returnToTeamDue, type SupportRequest } from '@support/domain';
import { EventPublisher, JobInspector } from '@support/messaging';
import { ReferenceStore, RequestStore, TeamEntity } from '@support/persistence';
import { Metrics, SETTINGS, type Settings } from '@support/platform';

/**
 * What the desk keeps in Redis besides the queues: the reminder and auto-close alarms of a request
 * waiting for its customer (added again when lost; firing twice changes nothing, their effect keys
 * see to that), and the lease of a held request, which is its job's lock: a job Redis lost is a
 * lapsed lease, so the request goes back to its queue for the next agent; and the
 * RETURN_TO_TEAM_AFTER alarm of a request held in its agent's own queue (re-added when lost,
 * counted from the hold's start, the request's last change).
 */
@Injectable()
export class AgentTimers {
  constructor(
    private readonly store: RequestStore,
    private readonly publisher: EventPublisher,
    private readonly inspector: JobInspector,
    private readonly metrics: Metrics,
    private readonly reference: ReferenceStore,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async repair(requests: SupportRequest[]): Promise<void> {
    for (const request of requests) {
      await this.waitAlarms(request);
      await this.lease(request);
      await this.returnAlarm(request);
    }
  }

  private async waitAlarms(request: SupportRequest): Promise<void> {
    const due = expectedWaitAlarms(request, this.settings.reminderAfterMs, this.settings.autoCloseAfterMs);
    if (!due) return;
    const data = { requestId: request.id, awaitCount: due.awaitCount };
    for (const [name, at] of [
      [Jobs.reminderDue, due.reminderAt],
      [Jobs.autoCloseDue, due.autoCloseAt],
    ] as const) {
      const jobId = occurrenceJobId(name, request.id, due.awaitCount);
      const [state] = await this.inspector.states(Queues.lifecycle, [jobId]);
      if (state !== 'missing') continue;
      await this.publisher.enqueue(name, data, { jobId, delay: Math.max(0, at - Date.now()) });
      this.metrics.repairs.inc({ kind: 'wait-alarm-readded' });
    }
  }

  private async returnAlarm(request: SupportRequest): Promise<void> {
    if (!request.teamId) return;
    const team = await this.reference.get(TeamEntity, { id: request.teamId });
    const due = returnToTeamDue(request, team?.returnToTeamAfterMs ?? this.settings.returnToTeamAfterMs);
    if (!due) return;
    const jobId = occurrenceJobId(Jobs.returnToTeamDue, request.id, due.holdId);
    const [state] = await this.inspector.states(Queues.lifecycle, [jobId]);
    if (state !== 'missing') return;
    await this.publisher.enqueue(Jobs.returnToTeamDue, { requestId: request.id, holdId: due.holdId }, { jobId, delay: Math.max(0, due.at - Date.now()) });
    this.metrics.repairs.inc({ kind: 'return-alarm-readded' });
  }

  private async lease(request: SupportRequest): Promise<void> {
    if (request.status !== 'assigned' || !request.queueJob) return;
    const [state] = await this.inspector.states(request.queueJob.queue, [request.queueJob.id]);
    if (!leaseLost(request, state)) return;
    // Read again: the agent may have replied or released meanwhile.
    const fresh = await this.store.find(request.id);
    if (!fresh || fresh.leaseToken !== request.leaseToken || !fresh.queueJob) return;
    if (await this.store.apply(fresh.id, leaseExpired(fresh, fresh.queueJob.queue))) {
      await this.publisher.enqueueForAgents(fresh.queueJob.queue, fresh.queueJob.id, fresh.id, queueOrder(fresh));
      this.metrics.repairs.inc({ kind: 'lost-lease-requeued' });
    }
  }
}
