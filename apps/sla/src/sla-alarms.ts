import { Injectable } from '@nestjs/common';
import { Jobs, type SlaAlarmData } from '@support/contracts';
import type { SlaTarget } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import type { JobsOptions } from 'bullmq';
import { alarmJobId, sweepJobId } from './sla-timeline';

export interface PendingAlarm {
  kind: 'warning' | 'breach';
  target: SlaTarget;
  at: Date | string;
}

/**
 * The alarm clock of the SLA worker (principle 7: timers are triggers, not truth). One delayed
 * BullMQ job per request for its next warning or deadline, on the `sla` queue. Its id encodes the
 * alarm (kind, target, time): scheduling the same alarm again adds nothing, a rescheduled alarm is
 * a new job and the previous one is removed; one that could not be removed (it was running) finds
 * nothing to do when it fires, because the handler recomputes the clock from the database.
 * Completed alarm jobs are removed at once, so the same id can be scheduled again later.
 */
@Injectable()
export class SlaAlarms {
  static readonly OPTIONS: JobsOptions = { removeOnComplete: true };

  constructor(private readonly publisher: EventPublisher) {}

  static data(requestId: string, alarm: PendingAlarm): SlaAlarmData {
    return { requestId, kind: alarm.kind, target: alarm.target, at: new Date(alarm.at).toISOString() };
  }

  /** Adds (idempotently) the delayed job for `alarm`. */
  async schedule(requestId: string, alarm: PendingAlarm, now = Date.now()): Promise<string> {
    const jobId = alarmJobId(requestId, alarm);
    await this.publisher.enqueue(Jobs.slaAlarm, SlaAlarms.data(requestId, alarm), { ...SlaAlarms.OPTIONS, jobId, delay: Math.max(0, new Date(alarm.at).getTime() - now) });
    return jobId;
  }

  /** Many at once (bench, bulk re-evaluation): one round trip per batch. */
  async scheduleMany(items: { requestId: string; alarm: PendingAlarm }[], now = Date.now()): Promise<void> {
    await this.publisher.enqueueMany(
      Jobs.slaAlarm,
      items.map(({ requestId, alarm }) => ({
        data: SlaAlarms.data(requestId, alarm),
        options: { ...SlaAlarms.OPTIONS, jobId: alarmJobId(requestId, alarm), delay: Math.max(0, new Date(alarm.at).getTime() - now) },
      })),
    );
  }

  /** Removes the job of an alarm that no longer holds; false when it is gone already or running. */
  async cancel(requestId: string, alarm: PendingAlarm): Promise<boolean> {
    return this.publisher.cancel(Jobs.slaAlarm, alarmJobId(requestId, alarm));
  }

  /** The sweeper's stand-in jobs for alarms that should have fired: due now, with their own ids. */
  async fireNow(items: { requestId: string; alarm: PendingAlarm }[]): Promise<void> {
    if (items.length === 0) return;
    await this.publisher.enqueueMany(
      Jobs.slaAlarm,
      items.map(({ requestId, alarm }) => ({ data: SlaAlarms.data(requestId, alarm), options: { ...SlaAlarms.OPTIONS, jobId: sweepJobId(requestId, alarm) } })),
    );
  }
}
