import { Queue } from 'bullmq';
import { Client } from 'pg';
import { ownPostgres, type OwnPostgres } from './support/own-servers';
import { submission } from './support/reference-data';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

const N = 300;
const OUTAGE_MS = 30_000;

/**
 * The database stops for 30 s while producers keep adding submissions to the intake queue and the
 * stages are busy: jobs fail and retry with backoff, nothing is answered from memory. When it is
 * back, every submission ends in its final queue state exactly once: one submission row per
 * idempotency key, each stage's entry once per request, one team-queue job per queued request.
 * The PostgreSQL cluster is the test's own (never the shared one).
 */
describe('database stopped for 30 s in the middle of 300 submissions', () => {
  let pg: OwnPostgres;
  let sys: TestSystem;
  let intake: Queue;
  let db: Client;

  beforeAll(async () => {
    pg = await ownPostgres();
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query('CREATE DATABASE chaos');
    await admin.end();
    sys = await startSystem('postgres', { STUCK_AFTER_MS: '2000', SWEEP_EVERY_MS: '1000' }, { database: { url: pg.database('chaos'), drop: async () => undefined } });
    intake = new Queue('intake', { connection: { url: sys.settings.redisUrl }, prefix: sys.settings.queuePrefix });
  }, 120_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await intake?.close();
    await sys?.stop();
    await pg?.remove();
  });

  const add = (i: number) =>
    intake.add(
      'request.submitted',
      { ...submission({ idempotencyKey: `chaos-${i}`, customer: { id: `c-chaos-${i}`, email: 'chaos@example.lv', country: 'LV', language: 'en' } }), producer: 'web-form' },
      { jobId: `chaos-${i}` },
    );

  it('loses and duplicates nothing', async () => {
    for (let i = 0; i < N / 3; i++) await add(i);
    await pg.stop();
    const down = Date.now();
    for (let i = N / 3; i < N; i++) await add(i);
    // The outage itself lasts its full length: this wait is the fault, not a guess at a result.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - down))));
    await pg.start();

    db = new Client({ connectionString: pg.database('chaos') });
    await db.connect();
    const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
    let progress = {};
    await waitFor(
      async () => {
        const submissions = await count('SELECT count(*) AS n FROM submissions');
        const unfinished = (await db.query(`SELECT status, count(*) AS n FROM requests WHERE status NOT IN ('queued', 'declined') GROUP BY 1`)).rows;
        progress = { submissions, unfinished, intake: await intake.getJobCounts() };
        return submissions === N && unfinished.length === 0;
      },
      'every submission to reach its final queue state',
      180_000,
      500,
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(progress)}`);
    });

    // One submission per idempotency key, each stage applied once per request.
    expect(await count('SELECT count(DISTINCT "idempotencyKey") AS n FROM submissions')).toBe(N);
    const repeated = await db.query('SELECT "requestId", "effectKey", count(*) AS n FROM timeline_events WHERE "effectKey" IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1');
    expect(repeated.rows).toEqual([]);
    const stages = await db.query(
      `SELECT count(*) AS n FROM requests r WHERE r.status = 'queued' AND (SELECT count(*) FROM timeline_events t WHERE t."requestId" = r.id AND t.event = 'request.routed') <> 1`,
    );
    expect(Number(stages.rows[0].n)).toBe(0);

    // One team-queue job per queued request, where the row says it is.
    const queued = (await db.query(`SELECT id, "queueJob" FROM requests WHERE status = 'queued'`)).rows as { id: string; queueJob: string }[];
    expect(queued.length).toBeGreaterThan(0);
    const byQueue = new Map<string, Set<string>>();
    for (const row of queued) {
      const place = JSON.parse(row.queueJob) as { queue: string; id: string };
      byQueue.set(place.queue, (byQueue.get(place.queue) ?? new Set()).add(row.id));
    }
    for (const [name, ids] of byQueue) {
      const queue = new Queue(name, { connection: { url: sys.settings.redisUrl }, prefix: sys.settings.queuePrefix });
      try {
        const jobs = (await queue.getJobs(['wait', 'prioritized', 'active', 'delayed'])).filter((j) => ids.has(j.data.requestId));
        expect(jobs.length).toBe(ids.size);
        expect(new Set(jobs.map((j) => j.data.requestId)).size).toBe(ids.size);
      } finally {
        await queue.close();
      }
    }
    expect(await intake.getFailedCount()).toBe(0);
  }, 300_000);
});
