import { Inject, Injectable } from '@nestjs/common';
import { Jobs } from '@support/contracts';
import { EventPublisher } from '@support/messaging';
import { SETTINGS, type Settings } from '@support/platform';

/** How many times a mail is tried: with MAIL_RETRY_MS 5 s doubling, the last try is about 11 hours after the first. */
export const MAIL_ATTEMPTS = 14;

/** Puts stored mails on the mail queue, one job per delivery under the delivery's id (enqueueing twice adds nothing). */
@Injectable()
export class MailQueue {
  constructor(
    private readonly publisher: EventPublisher,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async enqueue(deliveryIds: readonly string[]): Promise<void> {
    await this.publisher.enqueueMany(
      Jobs.mailSend,
      deliveryIds.map((deliveryId) => ({
        data: { deliveryId },
        options: { jobId: deliveryId, attempts: MAIL_ATTEMPTS, backoff: { type: 'exponential', delay: this.settings.mailRetryMs } },
      })),
    );
  }
}
