import type { DataSource } from 'typeorm';
import { type DeliveryState, MailDeliveryEntity } from './entities';
import { UnitOfWork } from './unit-of-work';

/** A mail decided and rendered, not yet stored. */
export type NewMailDelivery = Omit<MailDeliveryEntity, 'state' | 'attempts' | 'lastError' | 'createdAt' | 'sentAt'>;

/**
 * Outgoing mails and what became of them. A planned mail is stored once (its id is its event's
 * occurrence and its recipient); its state moves pending → sent, or → failed with the reason.
 */
export class MailDeliveryStore {
  private readonly unitOfWork: UnitOfWork;

  constructor(private readonly dataSource: DataSource) {
    this.unitOfWork = UnitOfWork.for(dataSource);
  }

  /** Stores the mails not stored before; returns every id (new or not), to enqueue. */
  async plan(mails: readonly NewMailDelivery[], now = new Date()): Promise<string[]> {
    if (mails.length === 0) return [];
    const rows = mails.map((m) => ({ ...m, state: 'pending' as DeliveryState, attempts: 0, lastError: null, createdAt: now.toISOString(), sentAt: null }));
    await this.unitOfWork.run((m) => m.createQueryBuilder().insert().into(MailDeliveryEntity).values(rows).orIgnore().execute());
    return mails.map((m) => m.id);
  }

  get(id: string): Promise<MailDeliveryEntity | null> {
    return this.dataSource.getRepository(MailDeliveryEntity).findOneBy({ id });
  }

  /** Counts an attempt before it is made: a crash mid-send still shows it. */
  async attempting(id: string): Promise<void> {
    await this.unitOfWork.run((m) => m.increment(MailDeliveryEntity, { id }, 'attempts', 1));
  }

  async sent(id: string, at = new Date()): Promise<void> {
    await this.unitOfWork.run((m) => m.update(MailDeliveryEntity, { id }, { state: 'sent', sentAt: at.toISOString(), lastError: null }));
  }

  async attemptFailed(id: string, reason: string): Promise<void> {
    await this.unitOfWork.run((m) => m.update(MailDeliveryEntity, { id, state: 'pending' }, { lastError: reason.slice(0, 1000) }));
  }

  /** Failed for good; true when this call made it so (the timeline records it once). */
  async failed(id: string, reason: string): Promise<boolean> {
    const result = await this.unitOfWork.run((m) => m.update(MailDeliveryEntity, { id, state: 'pending' }, { state: 'failed', lastError: reason.slice(0, 1000) }));
    return (result.affected ?? 0) > 0;
  }

  /** Newest first; `requestId` narrows to one request's mails. */
  list(filter: { requestId?: string; state?: DeliveryState }, limit = 100): Promise<MailDeliveryEntity[]> {
    return this.dataSource.getRepository(MailDeliveryEntity).find({ where: { ...filter }, order: { createdAt: 'DESC', id: 'ASC' }, take: limit });
  }

  /** Mails still pending since before `olderThan` (their job was lost): the sweeper enqueues them again. */
  pendingSince(olderThan: Date, limit: number): Promise<MailDeliveryEntity[]> {
    return this.dataSource
      .getRepository(MailDeliveryEntity)
      .createQueryBuilder('d')
      .where('d.state = :state', { state: 'pending' })
      .andWhere('d.createdAt < :t', { t: olderThan.toISOString() })
      .orderBy('d.createdAt', 'ASC')
      .limit(limit)
      .getMany();
  }
}
