import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SurveyOptOutEntity, UnitOfWork } from '@support/persistence';
import { SETTINGS, type Settings, TokenSigner } from '@support/platform';
import type { DataSource, EntityManager } from 'typeorm';

const YEAR_MS = 365 * 24 * 3600_000;
const CUSTOMER_ID = /^[^\s/]{1,128}$/;

/**
 * "No more surveys" (List-Unsubscribe with one-click POST, RFC 8058): every survey mail carries a
 * link signed for its customer, valid a year from the survey; following it stores an opt-out, and
 * the survey scheduler skips that customer's surveys from then on.
 */
@Injectable()
export class SurveyOptOuts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signer: TokenSigner,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** The same survey gives the same link (the expiry comes from its send time). */
  async link(customerId: string, sentAt: Date): Promise<string> {
    const token = await this.signer.sign('unsubscribe', customerId, { expiresAt: new Date(sentAt.getTime() + YEAR_MS) });
    return `${this.settings.publicUrl}/surveys/unsubscribe/${token}`;
  }

  /** The customer a link stands for, or null when it is not a valid, unexpired link. */
  async customerOf(token: string): Promise<string | null> {
    const check = await this.signer.verify('unsubscribe', token);
    return check.ok && CUSTOMER_ID.test(check.subject) ? check.subject : null;
  }

  async optOut(customerId: string, now = new Date()): Promise<void> {
    await UnitOfWork.for(this.dataSource).run((m) => m.createQueryBuilder().insert().into(SurveyOptOutEntity).values({ customerId, at: now.toISOString() }).orIgnore().execute());
  }

  async hasOptedOut(m: EntityManager, customerId: string): Promise<boolean> {
    return (await m.countBy(SurveyOptOutEntity, { customerId })) > 0;
  }
}
