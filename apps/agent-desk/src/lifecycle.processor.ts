import { Processor } from '@nestjs/bullmq';
import { ConflictException } from '@nestjs/common';
import { type AwaitAlarmData, entriesOf, Events, Jobs, Queues, type RequestEventData, type ReturnToTeamData } from '@support/contracts';
import { autoClose, escalate, heldForAgent, remind, stillWaiting } from '@support/domain';
import { EventPublisher, Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { RequestStore } from '@support/persistence';
import { RulesService } from '@support/platform';
import { QueuePlacement } from './queue-placement';
import { ReturnToTeamAlarm } from './return-to-team-alarm';
import { SupervisorService } from './supervisor.service';

/**
 * The desk's own timers and its queue order. Waiting for the customer ([cooperation]): a
 * reminder after a while, then the request closes citing 4.4.5. The delayed jobs are alarms
 * only: each checks that the request still waits in the same round (awaitCount), so an alarm from
 * an earlier wait does nothing. When the SLA clock changes (a deadline, a breach), the desk
 * raises the priority of each breach once and re-places the request in its queue.
 */
@Processor(Queues.lifecycle, stageWorkerOptions())
export class LifecycleProcessor extends StageProcessor {
  constructor(
    private readonly store: RequestStore,
    private readonly rules: RulesService,
    private readonly publisher: EventPublisher,
    private readonly placement: QueuePlacement,
    private readonly supervisors: SupervisorService,
    private readonly returnAlarm: ReturnToTeamAlarm,
  ) {
    super();
  }

  /** Back in its agent's own queue: the alarm that gives it to the team after RETURN_TO_TEAM_AFTER. */
  @Handles(Events.customerReplied)
  @Handles(Events.reopened)
  async onBackToAgent({ requestId }: RequestEventData): Promise<string> {
    const request = await this.store.find(requestId);
    return request && (await this.returnAlarm.set(request)) ? 'alarm set' : 'not held';
  }

  /** Nobody took it from the agent's queue in time: to the team queue (an alarm of an earlier hold does nothing). */
  @Handles(Jobs.returnToTeamDue)
  async onReturnToTeamDue({ requestId, holdId }: ReturnToTeamData): Promise<string> {
    const request = await this.store.find(requestId);
    if (!request || !heldForAgent(request) || request.queueJob?.id !== holdId) return 'stale';
    try {
      await this.supervisors.returnToTeam('timer', request);
      return 'returned';
    } catch (error) {
      if (error instanceof ConflictException) return 'stale'; // its agent took it just now
      throw error;
    }
  }

  @Handles(Jobs.reminderDue)
  onReminderDue(data: AwaitAlarmData): Promise<string> {
    return this.onWaitAlarm(data, remind, 'reminded');
  }

  @Handles(Jobs.autoCloseDue)
  onAutoCloseDue(data: AwaitAlarmData): Promise<string> {
    return this.onWaitAlarm(data, autoClose, 'closed');
  }

  private async onWaitAlarm({ requestId, awaitCount }: AwaitAlarmData, step: typeof remind, done: string): Promise<string> {
    const request = await this.store.find(requestId);
    if (!stillWaiting(request, awaitCount)) return 'stale';
    const next = step(request, this.rules.of(request));
    await this.store.apply(requestId, next);
    await this.publisher.emit(request, next.emits);
    return done;
  }

  /** The SLA deadline of a waiting request moved: its queue job follows. */
  @Handles(Events.slaClockChanged)
  async onSlaClockChanged({ requestId }: RequestEventData): Promise<{ placed: boolean }> {
    return { placed: await this.placement.follow(requestId) };
  }

  /** Each recorded breach raises the priority once ([sla]); then the queue job follows the row. */
  @Handles(Events.escalationDue)
  async onEscalationDue({ requestId }: RequestEventData): Promise<{ escalated: number }> {
    let escalated = 0;
    for (const breach of entriesOf(await this.store.timeline(requestId), 'sla.escalated')) {
      const request = await this.store.find(requestId);
      if (!request) return { escalated };
      const { target, dueAt, team, supervisors } = breach.detail;
      if (await this.store.apply(requestId, escalate(request, { target, dueAt, team, supervisors }))) escalated++;
    }
    await this.placement.follow(requestId);
    return { escalated };
  }
}
