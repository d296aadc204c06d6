import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emit, UNDECIDED } from '@support/domain';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions, type DatabaseKind } from './database-url';
import { ENTITIES, OutboxEntity, RequestEntity, SubmissionEntity, TimelineEventEntity } from './entities';
import { migrationsFor } from './migrations';
import { RequestStore } from './request-store';
import { RowWriter, type StatementOf } from './row-writer';
import { isUniqueViolation, UnitOfWork } from './unit-of-work';

const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A migrated database nobody else uses: a SQLite file in a new folder, or a new PostgreSQL schema. */
async function openFresh(kind: DatabaseKind): Promise<{ ds: DataSource; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'row-writer-'));
    const ds = new DataSource(dataSourceOptions(`sqlite:${join(dir, 'db.sqlite')}`, ENTITIES, migrationsFor('sqlite')));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
    return { ds, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `rw_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: POSTGRES_URL });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const options = dataSourceOptions(POSTGRES_URL, ENTITIES, migrationsFor('postgres'), 2);
  const ds = new DataSource({ ...options, extra: { ...(options.extra as object), options: `-c search_path=${schema}` } } as typeof options);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  return { ds, drop: () => admin(`DROP SCHEMA ${schema} CASCADE`) };
}

const request = (id: string): RequestEntity =>
  Object.assign(new RequestEntity(), {
    id,
    submissionId: 'sub_1',
    partIndex: 0,
    producerId: 'web-form',
    status: 'received',
    country: 'LV',
    language: 'lv',
    customerId: 'c-1',
    customerEmail: 'anna@example.lv',
    companyId: null,
    productCode: 'home-av',
    productVersion: '21.3',
    platform: { os: 'windows', osVersion: '11' },
    licenceKey: null,
    channel: 'web',
    topic: null,
    subject: 'Trojan',
    description: 'ziedkāposts "quoted" \\ back',
    rulesVersion: null,
    ...UNDECIDED,
    clauseId: null,
    slaDueAt: null,
    receivedAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
  } satisfies Partial<RequestEntity>);

const patch = {
  status: 'classified',
  language: undefined, // left alone, as TypeORM leaves it
  priority: 2,
  rulesVersion: '2026.12.1',
  classification: { clause: '4.1.2a', scope: 'included', confidence: 0.93, caveats: ['c-1'] },
  platform: null,
  clauseId: '4.1.2a',
  updatedAt: '2026-03-02T10:00:05.000Z',
} as unknown as Partial<RequestEntity>;

const entries = (requestId: string, effectKey: string | null): Partial<TimelineEventEntity>[] => [
  { requestId, at: '2026-03-02T10:00:05.000Z', stage: 'classification', event: 'request.classified', detail: { clause: '4.1.2a', evidence: ['a', 'ü'] } as never, effectKey },
  { requestId, at: '2026-03-02T10:00:05.000Z', stage: 'classification', event: 'request.classified', detail: { n: 1 } as never, effectKey: null },
];

/** A table's rows of one request as stored, with that request's id written as "r_" and no generated ids. */
const stored = async (ds: DataSource, table: string, id: string) => {
  const [column, order] = table === 'requests' ? ['id', 'id'] : ['requestId', table === 'timeline_events' ? 'id' : 'requestId'];
  const rows = (await ds.query(`SELECT * FROM "${table}" WHERE "${column}" = '${id}' ORDER BY "${order}"`)) as Record<string, unknown>[];
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([k]) => table !== 'timeline_events' || k !== 'id')
        .map(([k, v]) => [k, typeof v === 'string' ? v.replace(id, 'r_') : v]),
    ),
  );
};

describe.each<DatabaseKind>(['sqlite', 'postgres'])('RowWriter on %s', (kind) => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  let rows: RowWriter;
  const tx = <T>(work: (m: EntityManager) => Promise<T>) => UnitOfWork.for(ds).run(work);
  const insert = <T extends object>(m: EntityManager, target: new () => T, entities: Partial<T>[], options?: { orIgnore?: boolean }) => rows.run(m, [rows.insertOf(target, entities, options)]);
  const update = <T extends object>(m: EntityManager, target: new () => T, id: string, patch: Partial<T>) => rows.run(m, [rows.updateOf(target, id, patch)]);

  beforeAll(async () => {
    ({ ds, drop } = await openFresh(kind));
    rows = RowWriter.for(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await drop();
  });

  it('stores exactly what TypeORM stores: inserts (JSON, nulls, numbers, text) and an update', async () => {
    // r_a through TypeORM's query builder (what RequestStore did), r_b through the row writer.
    await tx(async (m) => {
      await m.insert(RequestEntity, request('r_a'));
      await m.insert(TimelineEventEntity, entries('r_a', 'classify:1'));
      await m
        .createQueryBuilder()
        .insert()
        .into(OutboxEntity)
        .values({ id: 'ev:r_a', requestId: 'r_a', event: 'request.classified', occurrence: null, createdAt: '2026-03-02T10:00:05.000Z' })
        .orIgnore()
        .execute();
      await m.update(RequestEntity, { id: 'r_a' }, patch as object);
    });
    await tx(async (m) => {
      await insert(m, RequestEntity, [request('r_b')]);
      await insert(m, TimelineEventEntity, entries('r_b', 'classify:1'));
      await insert(m, OutboxEntity, [{ id: 'ev:r_b', requestId: 'r_b', event: 'request.classified', occurrence: null, createdAt: '2026-03-02T10:00:05.000Z' }], { orIgnore: true });
      await update(m, RequestEntity, 'r_b', patch);
    });
    for (const table of ['requests', 'timeline_events', 'outbox']) {
      const [a, b] = [await stored(ds, table, 'r_a'), await stored(ds, table, 'r_b')];
      expect(b.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
    }
    expect(await ds.getRepository(RequestEntity).findOneByOrFail({ id: 'r_b' })).toMatchObject({
      status: 'classified',
      language: 'lv',
      priority: 2,
      platform: null,
      classification: { clause: '4.1.2a', caveats: ['c-1'] },
    });
  });

  it('skips an outbox row that is there already, and lets a repeated effect key fail as a unique violation', async () => {
    await tx((m) => insert(m, RequestEntity, [request('r_c')]));
    const event = { id: 'ev:r_c', requestId: 'r_c', event: 'request.routed', occurrence: null, createdAt: '2026-03-02T10:00:06.000Z' };
    await tx((m) => insert(m, OutboxEntity, [event], { orIgnore: true }));
    await tx((m) =>
      insert(
        m,
        OutboxEntity,
        [
          { ...event, createdAt: 'later' },
          { ...event, id: 'ev:r_c:2' },
        ],
        { orIgnore: true },
      ),
    );
    expect(await ds.query(`SELECT "id", "createdAt" FROM "outbox" WHERE "requestId" = 'r_c' ORDER BY "id"`)).toEqual([
      { id: 'ev:r_c', createdAt: '2026-03-02T10:00:06.000Z' },
      { id: 'ev:r_c:2', createdAt: '2026-03-02T10:00:06.000Z' },
    ]);

    await tx((m) => insert(m, TimelineEventEntity, entries('r_c', 'route:1')));
    const again = await tx((m) => insert(m, TimelineEventEntity, entries('r_c', 'route:1'))).catch((error: unknown) => error);
    expect(isUniqueViolation(again)).toBe(true);
  });

  it('writes inside the caller’s transaction: a rollback takes the writes with it', async () => {
    await tx((m) => insert(m, RequestEntity, [request('r_d')]));
    const failed = tx(async (m) => {
      await update(m, RequestEntity, 'r_d', { status: 'queued' });
      await insert(m, TimelineEventEntity, entries('r_d', 'route:1'));
      throw new Error('the stage gave up');
    });
    await expect(failed).rejects.toThrow('the stage gave up');
    expect(await ds.getRepository(RequestEntity).findOneByOrFail({ id: 'r_d' })).toMatchObject({ status: 'received' });
    expect(await ds.getRepository(TimelineEventEntity).countBy({ requestId: 'r_d' })).toBe(0);
  });

  it('writes sent together (one statement on PostgreSQL) store what the same writes store one by one, all or nothing', async () => {
    // what RequestStore.apply sends: on PostgreSQL one statement, on SQLite a transaction
    const send = (writes: StatementOf[]) => (rows.writesTogether ? rows.together(writes) : tx((m) => rows.run(m, writes)));
    const writes = (id: string, effectKey: string): StatementOf[] => [
      rows.insertOf(TimelineEventEntity, entries(id, effectKey)),
      rows.updateOf(RequestEntity, id, patch),
      rows.insertOf(OutboxEntity, [{ id: `ev:${id}`, requestId: id, event: 'request.classified', occurrence: null, createdAt: '2026-03-02T10:00:05.000Z' }], { orIgnore: true }),
    ];
    await tx((m) => insert(m, RequestEntity, [request('r_g'), request('r_h')]));
    await tx((m) => rows.run(m, writes('r_g', 'classify:1')));
    await send(writes('r_h', 'classify:1'));
    for (const table of ['requests', 'timeline_events', 'outbox']) {
      const [one, together] = [await stored(ds, table, 'r_g'), await stored(ds, table, 'r_h')];
      expect(together.length).toBeGreaterThan(0);
      expect(together).toEqual(one);
    }

    // the same effect again, with another change: the unique key fails the whole, the row keeps its status
    await tx((m) => insert(m, RequestEntity, [request('r_i')]));
    await send(writes('r_i', 'classify:1'));
    const again = [rows.updateOf(RequestEntity, 'r_i', { status: 'declined' }), rows.insertOf(TimelineEventEntity, entries('r_i', 'classify:1'))];
    expect(isUniqueViolation(await send(again).catch((error: unknown) => error))).toBe(true);
    expect(await ds.getRepository(RequestEntity).findOneByOrFail({ id: 'r_i' })).toMatchObject({ status: 'classified' });
  });

  it('RequestStore.createSubmission: the submission, its requests, their entries and events at once; the same key again writes nothing', async () => {
    const store = new RequestStore(ds);
    const submission = Object.assign(new SubmissionEntity(), {
      id: 'sub_x',
      producerId: 'web-form',
      idempotencyKey: 'k-1',
      channel: 'web',
      receivedAt: '2026-03-02T10:00:00.000Z',
      payload: { subject: 'Trojan', n: 1 },
      requestIds: ['r_j', 'r_k'],
    });
    const entry = () => ({ stage: 'intake', event: 'request.received', detail: { parts: 2 } }) as never;
    const emits: Emit[] = [{ event: 'request.received' }];
    expect(
      await store.createSubmission(
        submission,
        [
          { ...request('r_j'), submissionId: 'sub_x' },
          { ...request('r_k'), submissionId: 'sub_x', partIndex: 1 },
        ] as RequestEntity[],
        entry,
        emits,
      ),
    ).toBe(true);
    expect(await store.createSubmission({ ...submission, id: 'sub_y', requestIds: ['r_l'] }, [{ ...request('r_l'), submissionId: 'sub_y' }] as RequestEntity[], entry, emits)).toBe(false);
    expect(await store.findSubmissionById('sub_x')).toMatchObject({ idempotencyKey: 'k-1', payload: { subject: 'Trojan', n: 1 }, requestIds: ['r_j', 'r_k'] });
    expect(await store.find('r_k')).toMatchObject({ submissionId: 'sub_x', partIndex: 1, status: 'received', platform: { os: 'windows', osVersion: '11' } });
    expect(await store.timeline('r_j')).toMatchObject([{ event: 'request.received', detail: { parts: 2 } }]);
    expect(await ds.getRepository(OutboxEntity).countBy({ requestId: 'r_k' })).toBe(1);
    expect(await store.find('r_l')).toBeNull();
    expect(await store.findSubmissionById('sub_y')).toBeNull();
  });

  it('refuses a property that is not a column, as TypeORM does', async () => {
    await expect(tx((m) => update(m, RequestEntity, 'r_d', { nonsense: 1 } as never))).rejects.toThrow('RequestEntity has no column "nonsense"');
  });

  it('RequestStore.apply: the change, its entries and its events once; a repeated effect returns false and changes nothing', async () => {
    const store = new RequestStore(ds);
    await tx((m) => insert(m, RequestEntity, [request('r_e')]));
    const transition = (status: string) => ({
      entries: [{ stage: 'routing', event: 'request.routed', detail: { team: 'home-lv' }, effectKey: 'route', at: new Date('2026-03-02T10:00:07.000Z') }],
      patch: { status, teamId: 'home-lv', priority: 1 },
      emits: [{ event: 'request.routed' }],
    });
    expect(await store.apply('r_e', transition('queued') as never)).toBe(true);
    expect(await store.apply('r_e', transition('declined') as never)).toBe(false);
    expect(await store.find('r_e')).toMatchObject({ status: 'queued', teamId: 'home-lv', priority: 1, updatedAt: '2026-03-02T10:00:07.000Z' });
    expect(await store.timeline('r_e')).toMatchObject([{ event: 'request.routed', detail: { team: 'home-lv' }, effectKey: 'route' }]);
    expect(await ds.getRepository(OutboxEntity).countBy({ requestId: 'r_e' })).toBe(1);
  });

  it('reads a request after a newer version added a column (PostgreSQL keeps the read prepared on its connection)', async () => {
    const store = new RequestStore(ds);
    await tx((m) => insert(m, RequestEntity, [request('r_m')]));
    // prepared on both of the pool's connections
    await Promise.all([store.find('r_m'), store.find('r_m'), store.timeline('r_m'), store.timeline('r_m')]);
    // what a migration of a later release, run by a new process beside this one, may do
    await ds.query('ALTER TABLE "requests" ADD COLUMN "addedLater" integer');
    await ds.query('ALTER TABLE "timeline_events" ADD COLUMN "addedLater" integer');
    const again = await Promise.all([store.find('r_m'), store.find('r_m'), store.timeline('r_m'), store.timeline('r_m')]);
    expect(again).toMatchObject([{ status: 'received' }, { status: 'received' }, [], []]);
  });
});
