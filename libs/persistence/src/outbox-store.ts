import type { Emit } from '@support/domain';
import { emitJobId, type EventName } from '@support/contracts';
import type { DataSource } from 'typeorm';
import { OutboxEntity } from './entities';
import { preparedQuery } from './prepared-query';
import { RowWriter, type StatementOf } from './row-writer';
import { UnitOfWork } from './unit-of-work';

/** An event waiting in the outbox. */
export interface OutboxRow {
  id: string;
  requestId: string;
  event: string;
  occurrence: string | null;
  createdAt: string;
}

export const outboxRows = (requestId: string, emits: readonly Emit[], now: Date): OutboxEntity[] =>
  emits.map(({ event, key }) => ({ id: emitJobId(event as EventName, requestId, key), requestId, event, occurrence: key ?? null, createdAt: now.toISOString() }));

/** A transition's events as one insert; one that is there already (a re-emit) is left as it is. */
export const outboxInsert = (dataSource: DataSource, rows: OutboxEntity[]): StatementOf => RowWriter.for(dataSource).insertOf(OutboxEntity, rows, { orIgnore: true });

/**
 * How long published events wait to be deleted together. At a steady trickle of requests every event
 * was deleted in a transaction of its own (four per request, half of a request's commits); well
 * under the relay's RELAY_AFTER_MS, so the relay does not publish them again meanwhile.
 */
export const OUTBOX_FLUSH_AFTER_MS = 100;
/** This many published events are deleted at once, without waiting (one statement each batch). */
export const OUTBOX_FLUSH_BATCH = 500;

/**
 * The outbox as the publisher and the relay see it: events committed but maybe not published.
 * Published events are deleted in batches (one statement per flush, not one per event): a crash
 * before the flush only makes the relay publish them again, which their job ids make harmless.
 */
export class OutboxStore {
  private readonly unitOfWork: UnitOfWork;
  private published = new Set<string>();
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly dataSource: DataSource) {
    this.unitOfWork = UnitOfWork.for(dataSource);
  }

  /** Events committed before `olderThan` and still here: their publisher did not get to publish them. */
  async leftBehind(olderThan: Date, limit: number): Promise<OutboxRow[]> {
    return (await this.dataSource
      .getRepository(OutboxEntity)
      .createQueryBuilder('o')
      .where('o.createdAt < :t', { t: olderThan.toISOString() })
      .orderBy('o.createdAt', 'ASC')
      .limit(limit)
      .getMany()) as OutboxRow[];
  }

  /** Marks events as on their queues; they are deleted with the next flush, within OUTBOX_FLUSH_AFTER_MS. */
  markPublished(ids: readonly string[]): void {
    for (const id of ids) this.published.add(id);
    if (this.published.size >= OUTBOX_FLUSH_BATCH) this.flushSoon();
    else this.timer ??= setTimeout(() => this.flushSoon(), OUTBOX_FLUSH_AFTER_MS).unref();
  }

  /** Deletes what was published; resolves when the last batch is gone (the relay, shutdown). */
  async flush(): Promise<void> {
    try {
      while (this.published.size > 0) {
        const ids = [...this.published].slice(0, OUTBOX_FLUSH_BATCH);
        await this.deleteRows(ids);
        for (const id of ids) this.published.delete(id);
      }
    } catch {
      // The database is away: the rows stay, and the relay publishes them again later (harmless).
      this.published.clear();
    } finally {
      this.flushing = null;
    }
  }

  /** The shutdown's last flush: what this process published is not left for the relay. */
  onModuleDestroy(): Promise<void> {
    this.cancelTimer();
    return this.flush();
  }

  private deleteRows(ids: string[]): Promise<unknown> {
    // PostgreSQL: one statement is a transaction of its own (no BEGIN and COMMIT round trips), one text for any count.
    if (this.dataSource.options.type === 'postgres') return preparedQuery(this.dataSource, 'DELETE FROM "outbox" WHERE "id" = ANY($1)', [ids]);
    return this.unitOfWork.run((m) => m.createQueryBuilder().delete().from(OutboxEntity).whereInIds(ids).execute());
  }

  private flushSoon(): void {
    this.cancelTimer();
    this.flushing ??= Promise.resolve().then(() => this.flush());
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** How many events wait (metrics, health). */
  count(): Promise<number> {
    return this.dataSource.getRepository(OutboxEntity).count();
  }
}
