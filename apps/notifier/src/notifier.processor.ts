import { Processor } from '@nestjs/bullmq';
import { Events, type NotificationData, Queues, type RequestEventData } from '@support/contracts';
import { Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { MailDeliveryStore, RequestStore } from '@support/persistence';
import type { Job } from 'bullmq';
import { MailPlanner, type PlannedMail } from './mail/mail-planner';
import { MailQueue } from './mail/mail-queue';
import { MailTransport } from './mail/mail-transport';
import { WebhookDispatcher } from './webhooks';

/**
 * The notifier: every event a person or an integrator must hear of (the fan-out table sends them
 * to the `notifications` queue) becomes one webhook delivery per subscription and stored mails,
 * one per recipient, then one send job each. The event's job id is its occurrence: hearing it
 * again plans the same deliveries, which are stored once.
 */
@Processor(Queues.notifications, stageWorkerOptions())
export class NotifierProcessor extends StageProcessor {
  constructor(
    private readonly planner: MailPlanner,
    private readonly deliveries: MailDeliveryStore,
    private readonly mailQueue: MailQueue,
    private readonly webhooks: WebhookDispatcher,
    private readonly requests: RequestStore,
    private readonly transport: MailTransport,
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
    // Read once: the webhook's data and the customer's mail come from the same stored request.
    const request = await this.requests.find(requestId);
    const data = request
      ? { status: request.status, clause: request.classification?.clause ?? null, team: request.teamId, priority: request.priority, customerId: request.customerId, companyId: request.companyId }
      : {};
    await this.webhooks.dispatch({ id: job.id as string, type: job.name, requestId, data, at: new Date(job.timestamp) });
    return this.deliver(async () => (request ? this.planner.forRequestEvent(job.name, job.id as string, request) : []));
  }

  @Handles(Events.slaWarning)
  @Handles(Events.slaBreached)
  @Handles(Events.slaEscalated)
  @Handles(Events.surveyDelivery)
  @Handles(Events.surveyAnswered)
  async onNotification(data: NotificationData, job: Job): Promise<{ mails: number }> {
    // Integrators get what the notice is about, not its wording or a recipient's address.
    const about = { to: data.to.kind, team: data.to.team ?? null, surveyId: data.surveyId ?? null, link: data.link ?? null, detail: data.detail ?? {} };
    await this.webhooks.dispatch({ id: job.id as string, type: job.name, requestId: data.requestId ?? null, data: about, at: new Date(job.timestamp) });
    return this.deliver(() => this.planner.forNotification(job.name, job.id as string, data));
  }

  private async deliver(plan: () => Promise<PlannedMail[]>): Promise<{ mails: number }> {
    if (!this.transport.configured) return { mails: 0 };
    const mails = await plan();
    await this.mailQueue.enqueue(await this.deliveries.plan(mails));
    return { mails: mails.length };
  }
}
