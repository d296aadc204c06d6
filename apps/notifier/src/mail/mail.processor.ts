import { Processor } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, type MailSendData, Queues } from '@support/contracts';
import { notificationFailed } from '@support/domain';
import { EventPublisher, Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { MailDeliveryStore, RequestStore } from '@support/persistence';
import { SETTINGS, type Settings } from '@support/platform';
import { type Job, UnrecoverableError } from 'bullmq';
import { MailQueue } from './mail-queue';
import { MailTransport, SendFailed } from './mail-transport';

/**
 * Sends one stored mail per job. A mail already sent is not sent again (a redelivered job, a
 * re-planned event); a transient failure is retried with backoff (MAIL_RETRY_MS, doubling); a
 * permanent one, or the last attempt, marks the delivery failed with the reason, on the
 * deliveries list and once on the request's timeline. The one window a crash can duplicate a mail
 * is between the server's 250 and the row's update: the Message-ID is the same, so mail clients
 * show it once.
 */
@Processor(Queues.mail, stageWorkerOptions())
export class MailProcessor extends StageProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('mail');

  constructor(
    private readonly deliveries: MailDeliveryStore,
    private readonly transport: MailTransport,
    private readonly requests: RequestStore,
    private readonly queue: MailQueue,
    private readonly publisher: EventPublisher,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.publisher.schedule(Jobs.mailSweep, { every: this.settings.reconcileEveryMs });
  }

  @Handles(Jobs.mailSend)
  async send({ deliveryId }: MailSendData, job: Job): Promise<string> {
    const mail = await this.deliveries.get(deliveryId);
    if (!mail) throw new UnrecoverableError(`delivery ${deliveryId} does not exist`);
    if (mail.state !== 'pending') return mail.state;
    await this.deliveries.attempting(deliveryId);
    try {
      await this.transport.send(mail);
    } catch (error) {
      const failure = error instanceof SendFailed ? error : new SendFailed((error as Error).message, false);
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!failure.permanent && !lastAttempt) {
        await this.deliveries.attemptFailed(deliveryId, failure.message);
        throw failure;
      }
      await this.giveUp(deliveryId, mail.attempts + 1, failure.message);
      throw new UnrecoverableError(failure.message);
    }
    await this.deliveries.sent(deliveryId);
    return 'sent';
  }

  /** Mails still pending with no job (Redis lost it): enqueued again under their own ids. */
  @Handles(Jobs.mailSweep)
  async sweep(): Promise<{ requeued: number }> {
    const pending = await this.deliveries.pendingSince(new Date(Date.now() - 60_000), 1000);
    await this.queue.enqueue(pending.map((d) => d.id));
    return { requeued: pending.length };
  }

  private async giveUp(deliveryId: string, attempts: number, reason: string): Promise<void> {
    if (!(await this.deliveries.failed(deliveryId, reason))) return;
    const mail = await this.deliveries.get(deliveryId);
    this.logger.warn({ deliveryId, requestId: mail?.requestId, reason }, 'a mail could not be delivered');
    const request = mail?.requestId ? await this.requests.find(mail.requestId) : null;
    if (!mail || !request) return;
    await this.requests.apply(request.id, notificationFailed(request, { channel: 'email', recipient: mail.recipient, about: mail.about, deliveryId, attempts, reason }));
  }
}
