import { Processor } from '@nestjs/bullmq';
import { Events, Jobs, type LicenceChangedData, Queues, type RequestEventData, type SlaAlarmData } from '@support/contracts';
import { Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { RequestStore } from '@support/persistence';
import { Logger } from '@nestjs/common';

/**
 * The paid-customer clock ([sla]). For now it receives its events and records which requests
 * would carry a clock; deadlines, alarms and escalation come with the SLA capability.
 */
@Processor(Queues.sla, stageWorkerOptions())
export class SlaProcessor extends StageProcessor {
  private readonly logger = new Logger('sla');

  constructor(private readonly store: RequestStore) {
    super();
  }

  private async note(requestId: string, event: string): Promise<{ requestId: string; plan: string | null }> {
    const request = await this.store.find(requestId);
    const plan = request?.supportPlan ?? null;
    this.logger.log({ requestId, event, plan }, plan ? 'paid plan: clock pending' : 'no paid plan: no clock');
    return { requestId, plan };
  }

  @Handles(Events.routed)
  onRouted({ requestId }: RequestEventData) {
    return this.note(requestId, Events.routed);
  }

  @Handles(Events.resolved)
  onResolved({ requestId }: RequestEventData) {
    return this.note(requestId, Events.resolved);
  }

  @Handles(Events.declined)
  onDeclined({ requestId }: RequestEventData) {
    return this.note(requestId, Events.declined);
  }

  @Handles(Events.replied)
  onReplied({ requestId }: RequestEventData) {
    return this.note(requestId, Events.replied);
  }

  @Handles(Events.awaitingCustomer)
  onAwaiting({ requestId }: RequestEventData) {
    return this.note(requestId, Events.awaitingCustomer);
  }

  @Handles(Events.customerReplied)
  onCustomerReplied({ requestId }: RequestEventData) {
    return this.note(requestId, Events.customerReplied);
  }

  @Handles(Events.reopened)
  onReopened({ requestId }: RequestEventData) {
    return this.note(requestId, Events.reopened);
  }

  @Handles(Events.closed)
  onClosed({ requestId }: RequestEventData) {
    return this.note(requestId, Events.closed);
  }

  @Handles(Events.licenceChanged)
  onLicenceChanged({ licenceKey }: LicenceChangedData) {
    return { licenceKey };
  }

  @Handles(Jobs.slaAlarm)
  onAlarm({ requestId }: SlaAlarmData) {
    return this.note(requestId, Jobs.slaAlarm);
  }

  @Handles(Jobs.slaSweep)
  onSweep() {
    return { swept: 0 };
  }
}
