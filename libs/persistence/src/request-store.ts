import type { TimelineEntry, TimelineRecord } from '@support/contracts';
import { type Emit, listColumns, type RequestRepository, type RequestStatus, type Transition } from '@support/domain';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { RequestEntity, SubmissionEntity, TimelineEventEntity } from './entities';
import { outboxInsert, outboxRows } from './outbox-store';
import { parameter } from './parameter';
import { preparedQuery } from './prepared-query';
import { rowByKeyReader, rowReader, rowsReader } from './entity-columns';
import { RowWriter, type StatementOf } from './row-writer';
import { isUniqueViolation, UnitOfWork } from './unit-of-work';

export type { TimelineEntry } from '@support/contracts';

export const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '')}`;

const toRow = (requestId: string, entry: TimelineEntry, now: Date): Partial<TimelineEventEntity> => ({
  requestId,
  at: (entry.at ?? now).toISOString(),
  stage: entry.stage,
  event: entry.event,
  detail: entry.detail,
  effectKey: entry.effectKey ?? null,
});

/**
 * Requests and their timelines: the source of truth. Every change to a request goes with a
 * timeline entry in the same transaction; an entry with an effect key makes the change happen
 * at most once, so a redelivered job cannot apply its stage twice.
 */
export class RequestStore implements RequestRepository {
  readonly unitOfWork: UnitOfWork;
  /** The stage writes as cached plain SQL (row-writer.ts): the hottest writes, three per stage. */
  private readonly rows: RowWriter;

  constructor(private readonly dataSource: DataSource) {
    this.unitOfWork = UnitOfWork.for(dataSource);
    this.rows = RowWriter.for(dataSource);
  }

  /** One request by id: the hottest read (every stage, the notifier, the SLA clock); gathered on PostgreSQL (rowByKeyReader). */
  find(id: string): Promise<RequestEntity | null> {
    return (this.requestById ??= rowByKeyReader(this.dataSource, RequestEntity, 'id'))(id);
  }
  private requestById?: (id: string) => Promise<RequestEntity | null>;

  /** The request's history, oldest first, each entry typed by its event. */
  async timeline(requestId: string): Promise<TimelineRecord[]> {
    // Read for every request view, claim answer and SLA evaluation: one cached statement, mapped as `find` maps a request.
    return (await (this.timelineOf ??= rowsReader(this.dataSource, TimelineEventEntity, ['requestId'], 'id'))(requestId)) as TimelineRecord[];
  }
  private timelineOf?: (requestId: string) => Promise<TimelineEventEntity[]>;

  /** A producer's submission by its idempotency key (read for every submission that carries one). */
  findSubmission(producerId: string, idempotencyKey: string): Promise<SubmissionEntity | null> {
    return (this.submissionByKey ??= rowReader(this.dataSource, SubmissionEntity, ['producerId', 'idempotencyKey']))(producerId, idempotencyKey);
  }
  private submissionByKey?: (producerId: string, idempotencyKey: string) => Promise<SubmissionEntity | null>;

  findSubmissionById(id: string): Promise<SubmissionEntity | null> {
    return this.dataSource.getRepository(SubmissionEntity).findOneBy({ id });
  }

  /**
   * Stores a submission with its requests, their first timeline entries and the events they emit
   * (the outbox), all or nothing. Returns false when the producer's idempotency key was already
   * used (nothing is written).
   */
  async createSubmission(submission: SubmissionEntity, requests: RequestEntity[], entry: (request: RequestEntity) => TimelineEntry, emits: readonly Emit[] = []): Promise<boolean> {
    const now = new Date();
    const entries = requests.map((r) => toRow(r.id, entry(r), now));
    const writes: StatementOf[] = [
      this.rows.insertOf(SubmissionEntity, [submission]),
      this.rows.insertOf(RequestEntity, requests),
      this.rows.insertOf(TimelineEventEntity, entries),
      outboxInsert(
        this.dataSource,
        requests.flatMap((r) => outboxRows(r.id, emits, now)),
      ),
    ];
    try {
      await this.write(writes, { durable: true });
      return true;
    } catch (error) {
      if (isUniqueViolation(error) && submission.idempotencyKey !== null) return false;
      throw error;
    }
  }

  /**
   * Applies a transition once: its timeline entries (one carries the effect key), its change to
   * the request, the events it emits (the outbox) and what `alsoStore` writes (a unique key there
   * counts as the effect too) commit together. Returns false, changing nothing, when that effect
   * was already applied. `durable` for a change someone outside is told about (an HTTP answer, an
   * SMTP 250): it is on disk before this resolves. A worker's change is re-driven from the database
   * when lost, so it takes the connection's relaxed commit (see database-url.ts).
   */
  async apply(
    requestId: string,
    { entries, patch, emits = [] }: Pick<Transition, 'entries' | 'patch'> & Partial<Pick<Transition, 'emits'>>,
    { alsoStore, durable = false }: { alsoStore?: (manager: EntityManager) => Promise<unknown>; durable?: boolean } = {},
  ): Promise<boolean> {
    const now = entries[0]?.at ?? new Date();
    const writes: StatementOf[] = [
      this.rows.insertOf(
        TimelineEventEntity,
        entries.map((e) => toRow(requestId, e, now)),
      ),
      this.rows.updateOf(RequestEntity, requestId, (Object.keys(patch).length > 0 ? { ...patch, ...listColumns(patch), updatedAt: now.toISOString() } : {}) as Partial<RequestEntity>),
      outboxInsert(this.dataSource, outboxRows(requestId, emits, now)),
    ];
    try {
      await this.write(writes, { durable, alsoStore });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /**
   * Writes all or nothing: on PostgreSQL as one statement (one round trip, `RowWriter.together`)
   * unless `alsoStore` joins them; otherwise in a transaction of the unit of work.
   */
  private async write(writes: readonly StatementOf[], { durable, alsoStore }: { durable: boolean; alsoStore?: (manager: EntityManager) => Promise<unknown> }): Promise<void> {
    if (this.rows.writesTogether && !alsoStore) return this.rows.together(writes, { durable });
    await this.unitOfWork.run(
      async (m) => {
        await this.rows.run(m, writes);
        if (alsoStore) await alsoStore(m);
      },
      { durable },
    );
  }

  /** A change with no history of its own (e.g. a renewed lease's new expiry). */
  async update(requestId: string, patch: Partial<RequestEntity>): Promise<void> {
    await this.unitOfWork.run((m) => m.update(RequestEntity, { id: requestId }, { ...patch, ...listColumns(patch) } as object));
  }

  /** A status change that is not a stage's effect (e.g. waiting on an outage), only from the expected status. */
  async markStatus(requestId: string, from: RequestStatus, to: RequestStatus): Promise<void> {
    await this.unitOfWork.run((m) => m.update(RequestEntity, { id: requestId, status: from }, { status: to }));
  }

  /** Requests that sat in a pipeline status since before `olderThan`: candidates for re-emission. */
  stuck(statuses: readonly RequestStatus[], olderThan: Date, limit: number): Promise<RequestEntity[]> {
    return this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .where('r.status IN (:...statuses)', { statuses: [...statuses] })
      .andWhere('r.updatedAt < :t', { t: olderThan.toISOString() })
      .orderBy('r.updatedAt', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * What the reconciler compares with Redis, a page at a time (by id, after `afterId`): requests in
   * one of `statuses` or with a next SLA alarm, unchanged since before `olderThan`.
   */
  unfinishedPage(statuses: readonly RequestStatus[], olderThan: Date, afterId: string, limit: number): Promise<RequestEntity[]> {
    return this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .where('(r.status IN (:...statuses) OR r.slaNextAlarmAt IS NOT NULL)', { statuses: [...statuses] })
      .andWhere('r.updatedAt < :t', { t: olderThan.toISOString() })
      .andWhere('r.id > :afterId', { afterId })
      .orderBy('r.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * The id of the request's latest timeline entry among `events` (0 when none): did its history move on? The SLA clock asks
   * on every job of a paid request, so it is a prepared statement (one text per count of events), not a query built per call.
   */
  async latestTimelineId(requestId: string, events: readonly string[]): Promise<number> {
    let sql = this.latestTimelineSql.get(events.length);
    if (!sql) {
      const p = (n: number) => parameter(this.dataSource, n);
      const table = this.dataSource.getMetadata(TimelineEventEntity).tableName;
      sql = `SELECT MAX("id") AS "id" FROM "${table}" WHERE "requestId" = ${p(1)} AND "event" IN (${events.map((_, i) => p(i + 2)).join(', ')})`;
      this.latestTimelineSql.set(events.length, sql);
    }
    const [row] = await preparedQuery<{ id: number | string | null }>(this.dataSource, sql, [requestId, ...events]);
    return Number(row?.id ?? 0);
  }
  /** latestTimelineId's statement text, per count of events (built once each). */
  private readonly latestTimelineSql = new Map<number, string>();

  /** Requests whose next SLA alarm was due at or before `before`, most overdue first (the SLA sweeper). */
  slaAlarmsDue(before: Date, limit: number): Promise<RequestEntity[]> {
    return this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .where('r.slaNextAlarmAt IS NOT NULL')
      .andWhere('r.slaNextAlarmAt <= :t', { t: before.toISOString() })
      .orderBy('r.slaNextAlarmAt', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Requests on a licence that are not finished (closed or declined): what a licence change may affect. */
  openWithLicence(licenceKey: string, finished: readonly RequestStatus[]): Promise<RequestEntity[]> {
    return this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .where('r.licenceKey = :licenceKey', { licenceKey })
      .andWhere('r.status NOT IN (:...done)', { done: [...finished] })
      .orderBy('r.receivedAt', 'ASC')
      .getMany();
  }
}
