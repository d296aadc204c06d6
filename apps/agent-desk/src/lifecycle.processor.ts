import { Processor } from '@nestjs/bullmq';
import { type AwaitAlarmData, Events, Jobs, Queues } from '@support/contracts';
import { fillTemplate, replyLanguage } from '@support/domain';
import { EventPublisher, Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { type RequestEntity, RequestStore } from '@support/persistence';
import { RulesService } from '@support/platform';

const STAGE = 'agent-desk';

/**
 * Waiting for the customer ([cooperation]): a reminder after a while, then the request closes
 * citing 4.4.5. The delayed jobs are alarms only: each checks that the request still waits in
 * the same round (awaitCount), so an alarm from an earlier wait does nothing.
 */
@Processor(Queues.lifecycle, stageWorkerOptions())
export class LifecycleProcessor extends StageProcessor {
  constructor(
    private readonly store: RequestStore,
    private readonly rules: RulesService,
    private readonly publisher: EventPublisher,
  ) {
    super();
  }

  private async stillWaiting({ requestId, awaitCount }: AwaitAlarmData): Promise<RequestEntity | null> {
    const request = await this.store.find(requestId);
    return request?.status === 'awaiting-customer' && request.awaitCount === awaitCount ? request : null;
  }

  private message(request: RequestEntity, key: 'reminder' | 'auto-closed'): string {
    const lang = replyLanguage(request.language);
    return fillTemplate(this.rules.byVersion(request.rulesVersion as string).messages[lang][key], { subject: request.subject });
  }

  @Handles(Jobs.reminderDue)
  async onReminderDue(data: AwaitAlarmData): Promise<string> {
    const request = await this.stillWaiting(data);
    if (!request) return 'stale';
    await this.store.applyEffect(request.id, { stage: STAGE, event: 'request.reminder-sent', effectKey: `reminder:${data.awaitCount}`, detail: { message: this.message(request, 'reminder'), clauses: ['[cooperation]'] } }, {});
    return 'reminded';
  }

  @Handles(Jobs.autoCloseDue)
  async onAutoCloseDue(data: AwaitAlarmData): Promise<string> {
    const request = await this.stillWaiting(data);
    if (!request) return 'stale';
    await this.store.applyEffect(
      request.id,
      { stage: STAGE, event: Events.closed, effectKey: `closed:${data.awaitCount}`, detail: { message: this.message(request, 'auto-closed'), clauses: ['4.4.5', '[cooperation]'], reason: 'no answer from the customer' } },
      { status: 'closed', awaitingSince: null },
    );
    await this.publisher.publish(Events.closed, { requestId: request.id });
    return 'closed';
  }
}
