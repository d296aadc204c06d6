import { Processor } from '@nestjs/bullmq';
import { Events, type NotificationData, Queues, type RequestEventData } from '@support/contracts';
import { Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { MailDeliveryStore } from '@support/persistence';
import type { Job } from 'bullmq';
import { MailPlanner } from './mail/mail-planner';
import { MailQueue } from './mail/mail-queue';

/**
 * The notifier: every event a person must hear of (the fan-out table sends them to the
 * `notifications` queue) becomes stored mails, one per recipient, then one send job each. The
 * event's job id is its occurrence: hearing it again plans the same mails, which are stored once.
 */
@Processor(Queues.notifications, stageWorkerOptions())
export class NotifierProcessor extends StageProcessor {
  constructor(
    private readonly planner: MailPlanner,
    private readonly deliveries: MailDeliveryStore,
    private readonly mailQueue: MailQueue,
  ) {
    super();
  }

  @Handles(Events.received)
  @Handles(Events.routed)
  @Handles(Events.declined)
  @Handles(Events.assigned)
  @Handles(Events.replied)
  @Handles(Events.awaitingCustomer)
  @Handles(Events.customerReplied)
  @Handles(Events.reminderSent)
  @Handles(Events.closed)
  @Handles(Events.resolved)
  @Handles(Events.reopened)
  async onRequestEvent({ requestId }: RequestEventData, job: Job): Promise<{ mails: number }> {
    return this.deliver(await this.planner.forRequestEvent(job.name, job.id as string, requestId));
  }

  @Handles(Events.slaWarning)
  @Handles(Events.slaBreached)
  @Handles(Events.slaEscalated)
  @Handles(Events.surveyDelivery)
  @Handles(Events.surveyAnswered)
  async onNotification(data: NotificationData, job: Job): Promise<{ mails: number }> {
    return this.deliver(await this.planner.forNotification(job.name, job.id as string, data));
  }

  private async deliver(mails: Parameters<MailDeliveryStore['plan']>[0]): Promise<{ mails: number }> {
    await this.mailQueue.enqueue(await this.deliveries.plan(mails));
    return { mails: mails.length };
  }
}
