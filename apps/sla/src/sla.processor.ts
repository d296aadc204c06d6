import { Processor } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { Events, Jobs, Queues, type RequestEventData, type SlaAlarmData } from '@support/contracts';
import type { SlaView } from '@support/domain';
import { EventPublisher, Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { RequestStore } from '@support/persistence';
import { SETTINGS, type Settings } from '@support/platform';
import type { Job } from 'bullmq';
import { SlaAlarms } from './sla-alarms';
import { SlaClockService, type SlaOutcome } from './sla-clock.service';

/** How many overdue requests one sweep hands to the alarm handler. */
const SWEEP_BATCH = 1000;

/**
 * The paid-customer clock ([sla]). Every event of a request recomputes its clock from the
 * database (SlaClockService); alarms are delayed jobs that only wake it (SlaAlarms); a plan
 * change (applied by the licence check, which owns the plan) recomputes it; a periodic sweep (a BullMQ job
 * scheduler, once per SLA_SWEEP_EVERY_MS across all processes) fires alarms that were lost.
 */
@Processor(Queues.sla, stageWorkerOptions())
export class SlaProcessor extends StageProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly clock: SlaClockService,
    private readonly alarms: SlaAlarms,
    private readonly store: RequestStore,
    private readonly publisher: EventPublisher,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.publisher.schedule(Jobs.slaSweep, { every: this.settings.slaSweepEveryMs });
  }

  @Handles(Events.routed)
  onRouted({ requestId }: RequestEventData): Promise<SlaOutcome> {
    return this.clock.evaluate(requestId, Events.routed);
  }

  @Handles(Events.replied)
  onReplied({ requestId }: RequestEventData): Promise<SlaOutcome> {
    return this.clock.evaluate(requestId, Events.replied);
  }

  @Handles(Events.awaitingCustomer)
  onAwaiting({ requestId }: RequestEventData): Promise<SlaOutcome> {
    return this.clock.evaluate(requestId, Events.awaitingCustomer);
  }

  @Handles(Events.customerReplied)
  onCustomerReplied({ requestId }: RequestEventData): Promise<SlaOutcome> {
    return this.clock.evaluate(requestId, Events.customerReplied);
  }

  @Handles(Events.resolved)
  onResolved({ requestId }: RequestEventData): Promise<SlaOutcome> {
    return this.clock.evaluate(requestId, Events.resolved);
  }

  @Handles(Events.reopened)
  onReopened({ requestId }: RequestEventData): Promise<SlaOutcome> {
    return this.clock.evaluate(requestId, Events.reopened);
  }

  @Handles(Events.closed)
  onClosed({ requestId }: RequestEventData): Promise<SlaOutcome> {
    return this.clock.evaluate(requestId, Events.closed);
  }

  @Handles(Events.declined)
  onDeclined({ requestId }: RequestEventData): Promise<SlaOutcome> {
    return this.clock.evaluate(requestId, Events.declined);
  }

  /** The licence check moved the request to another plan (or none): the clock follows. */
  @Handles(Events.planChanged)
  onPlanChanged({ requestId }: RequestEventData): Promise<SlaOutcome> {
    return this.clock.evaluate(requestId, 'plan-change');
  }

  /**
   * An alarm only says "look now": the clock is recomputed from the database, and what it says
   * happened is recorded (once). An alarm that no longer matches the clock (paused, answered,
   * resolved, rescheduled) therefore records nothing.
   */
  @Handles(Jobs.slaAlarm)
  async onAlarm(data: SlaAlarmData, job: Job): Promise<SlaOutcome> {
    // A breach is "due time passed": look strictly after it (BullMQ may run a job in its due millisecond).
    const early = Date.parse(data.at) + 1 - Date.now();
    if (early > 0) await new Promise((r) => setTimeout(r, Math.min(early, 1000)));
    return this.clock.evaluate(data.requestId, job.id?.startsWith('sla-sweep.') ? 'sweep' : 'alarm');
  }

  /** Requests whose next alarm is overdue by more than a sweep period: their alarm job was lost or failed. */
  @Handles(Jobs.slaSweep)
  async onSweep(): Promise<{ swept: number }> {
    const overdue = await this.store.slaAlarmsDue(new Date(Date.now() - this.settings.slaSweepEveryMs), SWEEP_BATCH);
    await this.alarms.fireNow(
      overdue.map((r) => ({
        requestId: r.id,
        alarm: (r.sla as SlaView | null)?.nextAlarm ?? { kind: 'breach' as const, target: 'first-response' as const, at: r.slaNextAlarmAt as string },
      })),
    );
    return { swept: overdue.length };
  }
}
