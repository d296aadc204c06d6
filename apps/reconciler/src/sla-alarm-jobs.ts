import { Injectable } from '@nestjs/common';
import { eventJobId, Events, Queues } from '@support/contracts';
import { expectedJobs, type SupportRequest } from '@support/domain';
import { EventPublisher, JobInspector } from '@support/messaging';
import { Metrics } from '@support/platform';
import { SlaAlarms } from '../../sla/src/sla-alarms';
import { alarmJobId, sweepJobId } from '../../sla/src/sla-timeline';

/**
 * Paid requests and their SLA clock: a queued one whose clock never started (the SLA worker's
 * `request.routed` job was lost) has that job published again; and their next SLA alarm: an alarm job Redis lost (neither the alarm nor the SLA
 * sweeper's stand-in exists) is scheduled again by the SLA worker's own alarm clock, at its time
 * (at once when already due). The alarm only wakes the clock, which recomputes from the database.
 */
@Injectable()
export class SlaAlarmJobs {
  constructor(
    private readonly alarms: SlaAlarms,
    private readonly publisher: EventPublisher,
    private readonly inspector: JobInspector,
    private readonly metrics: Metrics,
  ) {}

  async repair(requests: SupportRequest[]): Promise<void> {
    for (const r of requests) {
      if (!expectedJobs(r).slaClock) continue;
      // The clock never started: tell the SLA worker of the routing again (a no-op while that job exists).
      // The notifier may hear it again too: its deliveries are stored once per occurrence.
      if ((await this.inspector.states(Queues.sla, [eventJobId(Events.routed, r.id)]))[0] !== 'missing') continue;
      await this.publisher.publish(Events.routed, { requestId: r.id });
      this.metrics.repairs.inc({ kind: 'sla-clock-restarted' });
    }
    const due = requests.flatMap((r) => {
      const alarm = expectedJobs(r).slaAlarm;
      return alarm ? [{ requestId: r.id, alarm }] : [];
    });
    if (due.length === 0) return;
    const [alarms, standIns] = await Promise.all([
      this.inspector.states(
        Queues.sla,
        due.map((d) => alarmJobId(d.requestId, d.alarm)),
      ),
      this.inspector.states(
        Queues.sla,
        due.map((d) => sweepJobId(d.requestId, d.alarm)),
      ),
    ]);
    for (const [n, { requestId, alarm }] of due.entries()) {
      if (alarms[n] !== 'missing' || standIns[n] !== 'missing') continue;
      await this.alarms.schedule(requestId, alarm);
      this.metrics.repairs.inc({ kind: 'sla-alarm-rescheduled' });
    }
  }
}
