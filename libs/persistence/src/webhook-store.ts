import { In, MoreThanOrEqual, type DataSource } from 'typeorm';
import { type WebhookAttempt, WebhookDeliveryEntity, type WebhookDeliveryState, WebhookSubscriptionEntity } from './entities';
import { UnitOfWork } from './unit-of-work';

/** What an attempt made of a delivery (see attemptOutcome in the domain). */
export type AttemptChange = { state: 'delivered' } | { state: 'pending'; nextAttemptAt: string; lastError: string } | { state: 'failed'; reason: string; gone: boolean };

/** Attempts kept per delivery (the newest): a delivery redelivered without end must not grow without end. */
const KEPT_ATTEMPTS = 100;

/** Webhook subscriptions and their deliveries: the truth about every outgoing webhook. */
export class WebhookStore {
  private readonly unitOfWork: UnitOfWork;
  /** The enabled subscriptions, read for every event the notifier hears: kept `cacheMs`, dropped on a change made here. */
  private enabled?: { until: number; value: Promise<WebhookSubscriptionEntity[]> };

  constructor(
    private readonly dataSource: DataSource,
    private readonly cacheMs = 0,
  ) {
    this.unitOfWork = UnitOfWork.for(dataSource);
  }

  private subscriptionsRepo() {
    return this.dataSource.getRepository(WebhookSubscriptionEntity);
  }

  private deliveriesRepo() {
    return this.dataSource.getRepository(WebhookDeliveryEntity);
  }

  subscription(id: string): Promise<WebhookSubscriptionEntity | null> {
    return this.subscriptionsRepo().findOneBy({ id });
  }

  subscriptions(): Promise<WebhookSubscriptionEntity[]> {
    return this.subscriptionsRepo().find({ order: { id: 'ASC' } });
  }

  enabledSubscriptions(): Promise<WebhookSubscriptionEntity[]> {
    if (this.enabled && this.enabled.until > Date.now()) return this.enabled.value;
    const value = this.subscriptionsRepo().find({ where: { enabled: true }, order: { id: 'ASC' } });
    this.enabled = { until: Date.now() + this.cacheMs, value };
    value.catch(() => (this.enabled = undefined));
    return value;
  }

  async saveSubscription(row: WebhookSubscriptionEntity): Promise<void> {
    await this.unitOfWork.run((m) => m.save(WebhookSubscriptionEntity, row), { durable: true });
    this.enabled = undefined;
  }

  /** Removes a subscription with its delivery history; false when there is none. */
  async removeSubscription(id: string): Promise<boolean> {
    const removed = await this.unitOfWork.run(
      async (m) => {
        await m.delete(WebhookDeliveryEntity, { subscriptionId: id });
        return ((await m.delete(WebhookSubscriptionEntity, { id })).affected ?? 0) > 0;
      },
      { durable: true },
    );
    this.enabled = undefined;
    return removed;
  }

  /** Adds the deliveries that do not exist yet (one per subscription and occurrence) and answers all of them as stored. */
  async addDeliveries(rows: WebhookDeliveryEntity[]): Promise<WebhookDeliveryEntity[]> {
    if (rows.length === 0) return [];
    await this.unitOfWork.run((m) => m.createQueryBuilder().insert().into(WebhookDeliveryEntity).values(rows).orIgnore().execute());
    return this.deliveriesRepo().findBy({ id: In(rows.map((r) => r.id)) });
  }

  delivery(id: string): Promise<WebhookDeliveryEntity | null> {
    return this.deliveriesRepo().findOneBy({ id });
  }

  /** A subscription's deliveries, newest first. */
  deliveriesOf(subscriptionId: string, limit: number): Promise<WebhookDeliveryEntity[]> {
    return this.deliveriesRepo().find({ where: { subscriptionId }, order: { createdAt: 'DESC', id: 'ASC' }, take: limit });
  }

  /** The latest deliveries to any subscription, newest first; `filter` narrows by request and state. */
  deliveries(filter: { requestId?: string; state?: WebhookDeliveryState }, limit: number): Promise<WebhookDeliveryEntity[]> {
    return this.deliveriesRepo().find({ where: { ...filter }, order: { createdAt: 'DESC', id: 'ASC' }, take: limit });
  }

  /** Every webhook delivery about a request, oldest first. */
  deliveriesForRequest(requestId: string): Promise<WebhookDeliveryEntity[]> {
    return this.deliveriesRepo().find({ where: { requestId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Pending deliveries whose next attempt was due before `before` (their job may be lost), a page
   * at a time in (nextAttemptAt, id) order, after `after` when given.
   */
  overduePending(before: Date, limit: number, after?: Pick<WebhookDeliveryEntity, 'nextAttemptAt' | 'id'>): Promise<WebhookDeliveryEntity[]> {
    const query = this.deliveriesRepo().createQueryBuilder('d').where('d.state = :pending', { pending: 'pending' }).andWhere('d.nextAttemptAt < :before', { before: before.toISOString() });
    if (after) query.andWhere('(d.nextAttemptAt > :at OR (d.nextAttemptAt = :at AND d.id > :id))', { at: after.nextAttemptAt, id: after.id });
    return query.orderBy('d.nextAttemptAt', 'ASC').addOrderBy('d.id', 'ASC').limit(limit).getMany();
  }

  /**
   * Records one attempt of `row` (as loaded before it) and what it made of the delivery, with its
   * effect on the subscription, in one transaction: a delivered one resets the failure count, a
   * failed one adds to it and disables the subscription when the endpoint is gone or
   * `disableAfter` deliveries in a row failed. False, changing nothing, when another run of the
   * same delivery recorded this attempt first.
   */
  recordAttempt(row: WebhookDeliveryEntity, attempt: WebhookAttempt, change: AttemptChange, disableAfter: number): Promise<boolean> {
    const now = attempt.at;
    return this.unitOfWork.run(async (m) => {
      const updated = await m.update(
        WebhookDeliveryEntity,
        { id: row.id, state: 'pending', round: row.round, roundAttempts: row.roundAttempts },
        {
          attempts: [...row.attempts, attempt].slice(-KEPT_ATTEMPTS),
          roundAttempts: row.roundAttempts + 1,
          state: change.state,
          nextAttemptAt: change.state === 'pending' ? change.nextAttemptAt : null,
          lastError: change.state === 'pending' ? change.lastError : change.state === 'failed' ? change.reason : null,
          finishedAt: change.state === 'pending' ? null : now,
        },
      );
      if ((updated.affected ?? 0) === 0) return false;
      if (change.state === 'delivered') await m.update(WebhookSubscriptionEntity, { id: row.subscriptionId }, { consecutiveFailures: 0 });
      if (change.state === 'failed') {
        await m.increment(WebhookSubscriptionEntity, { id: row.subscriptionId }, 'consecutiveFailures', 1);
        const disabled = { enabled: false, disabledAt: now, updatedAt: now };
        if (change.gone) await m.update(WebhookSubscriptionEntity, { id: row.subscriptionId, enabled: true }, { ...disabled, disabledReason: change.reason });
        const reason = `${disableAfter} deliveries in a row failed for good`;
        await m.update(WebhookSubscriptionEntity, { id: row.subscriptionId, enabled: true, consecutiveFailures: MoreThanOrEqual(disableAfter) }, { ...disabled, disabledReason: reason });
        this.enabled = undefined; // it may have been disabled
      }
      return true;
    });
  }

  /** Fails a pending delivery without an attempt (its subscription is disabled); false when it is not pending. */
  async failUnsent(row: WebhookDeliveryEntity, reason: string, at: Date): Promise<boolean> {
    const updated = await this.unitOfWork.run((m) =>
      m.update(WebhookDeliveryEntity, { id: row.id, state: 'pending', round: row.round }, { state: 'failed', lastError: reason, nextAttemptAt: null, finishedAt: at.toISOString() }),
    );
    return (updated.affected ?? 0) > 0;
  }

  /** Starts a new round of a finished delivery (an administrator's redeliver); null when it is still pending. */
  async redeliver(id: string, at: Date): Promise<WebhookDeliveryEntity | null> {
    const row = await this.delivery(id);
    if (!row || row.state === 'pending') return null;
    const updated = await this.unitOfWork.run((m) =>
      m.update(
        WebhookDeliveryEntity,
        { id, round: row.round, state: row.state },
        { state: 'pending', round: row.round + 1, roundAttempts: 0, nextAttemptAt: at.toISOString(), lastError: null, finishedAt: null },
      ),
    );
    return (updated.affected ?? 0) > 0 ? this.delivery(id) : null;
  }
}
