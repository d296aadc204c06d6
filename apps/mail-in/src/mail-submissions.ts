import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InvalidInputError, SubmissionDto, validateInput } from '@support/contracts';
import { countryOfAddress, type EarlierRequest, mailSubmission, UNNAMED_PRODUCT } from '@support/domain';
import { isUniqueViolation, ProducerEntity, RequestEntity, UnitOfWork } from '@support/persistence';
import { IntakeService } from '@support/platform';
import { isISO31661Alpha2 } from 'class-validator';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { sortAttachments } from './mail-attachments';
import { MailRefused } from './mail-refused';
import { mailText } from './mail-text';

/** The producer of mailed submissions: a row without a key (nobody can call the API as it), made at start when absent. */
export const EMAIL_PRODUCER = 'email';
/** The country of a first-time sender whose address names none (a .com address): the vendor's home market, where the rules come from. */
export const DEFAULT_MAIL_COUNTRY = 'LV';

/**
 * A mail to the support address: a submission through the same intake as POST /v1/requests
 * (IntakeService; producer `email`, channel `email`), idempotent by the message key, so the same
 * Message-ID again answers with the first submission. Its attachments are kept on the first
 * request (rows with ids derived from the message key, written again harmlessly on a repeat).
 */
@Injectable()
export class MailSubmissions implements OnApplicationBootstrap {
  constructor(
    private readonly intake: IntakeService,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await UnitOfWork.for(this.dataSource).run((m) => m.createQueryBuilder().insert().into(ProducerEntity).values({ id: EMAIL_PRODUCER, name: 'E-mail to the support address' }).orIgnore().execute());
  }

  async receive(sender: string, mail: ParsedMail, key: string): Promise<{ requestIds: string[]; created: boolean }> {
    // A repeat of an idempotency key is answered before anything is decided (IntakeService), so a later request of the same customer changes nothing.
    const earlier = await this.earlierRequest(sender);
    const guessed = countryOfAddress(sender);
    const body = mailSubmission({ from: sender, subject: mail.subject ?? '', text: mailText(mail) }, earlier, `mail:${key}`, guessed && isISO31661Alpha2(guessed) ? guessed : DEFAULT_MAIL_COUNTRY);
    let dto: SubmissionDto;
    try {
      dto = validateInput(SubmissionDto, body);
    } catch (error) {
      if (error instanceof InvalidInputError) throw new MailRefused(550, 'invalid-submission', `5.6.0 this mail cannot become a request: ${error.message}`);
      throw error;
    }
    const { answer, created } = await this.intake.submit(dto, EMAIL_PRODUCER, dto.idempotencyKey as string);
    const requestIds = answer.requests.map((r) => r.id);
    const attachments = sortAttachments(mail.attachments, key);
    if (attachments.kept.length > 0) {
      await UnitOfWork.for(this.dataSource)
        .run((m) => attachments.store(m, requestIds[0]))
        .catch((error) => {
          // Stored by an earlier delivery of this mail: nothing to add.
          if (!isUniqueViolation(error)) throw error;
        });
    }
    return { requestIds, created };
  }

  /** The customer's latest request that named a product, by their address (any case): where they are and what they use. */
  private async earlierRequest(sender: string): Promise<EarlierRequest | null> {
    const r = await this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .where('LOWER(r.customerEmail) = :e', { e: sender.trim().toLowerCase() })
      .andWhere('r.productCode <> :unnamed', { unnamed: UNNAMED_PRODUCT.code })
      .orderBy('r.receivedAt', 'DESC')
      .getOne();
    return r
      ? { customerId: r.customerId, country: r.country, language: r.language, companyId: r.companyId, productCode: r.productCode, productVersion: r.productVersion, licenceKey: r.licenceKey }
      : null;
  }
}
