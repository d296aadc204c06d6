import { Jobs, Queues, Scheduled } from '@support/contracts';
import { RequestEntity } from '@support/persistence';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { testDatabases } from './support/databases';
import { OwnRedis } from './support/redis-server';
import { OUTCOME_VARIANTS } from './support/reference-data';
import { submitMany } from './support/requests';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';
import { duplicatedTimelineEvents, OPEN_JOB_STATES, pipelineStageMismatches, teamQueueJobs } from './support/exactly-once';

const N = 1000;
/**
 * About 25 s (SQLite) and 50 s (PostgreSQL) per test on an idle 2-core machine; the deadlines leave
 * room for a machine shared with other test runs.
 */
const TEST_TIMEOUT = 240_000;
const SETTLE_DEADLINE = 150_000;
const CHAOS_DEBUG_EVERY = process.env.CHAOS_DEBUG ? 2000 : 250;
const PERIOD = 1000;
const STUCK_AFTER = 2000;
const SCHEDULERS = [Jobs.reconcile, Jobs.slaSweep, Jobs.surveySweep, Jobs.surveyPeriodic] as const;

/**
 * Redis loses everything in the middle of 1,000 submissions (FLUSHALL; or kill -9 and a restart on
 * its AOF): the database is the truth, and the reconciler brings Redis back in line with it. Every
 * request reaches its final queue state, with 0 lost and 0 duplicated, and every job scheduler and
 * SLA alarm is back. On a redis-server this test starts itself.
 */
// The faults are Redis's: one database (the first of TEST_DATABASES) keeps the suite under 15 minutes;
// the database's own outages are database-outage-chaos's, on both.
describe.each(testDatabases().slice(0, 1))('the reconciler under Redis faults on %s', (db) => {
  let redis: OwnRedis;
  let sys: TestSystem;
  let ds: DataSource;

  beforeEach(async () => {
    redis = await OwnRedis.start();
    sys = await startSystem(db, { REDIS_URL: redis.url, RECONCILE_EVERY_MS: String(PERIOD), STUCK_AFTER_MS: String(STUCK_AFTER), SLA_SWEEP_EVERY_MS: '1000', SWEEP_EVERY_MS: '1000' });
    ds = sys.app.get(DataSource);
  });
  afterEach(async () => {
    await sys?.stop({ keepData: true });
    await sys?.database.drop();
    await redis?.stop();
  });

  const queue = (name: string) => new Queue(name, { connection: { url: redis.url, maxRetriesPerRequest: 0 }, prefix: sys.settings.queuePrefix });

  /** Every scheduler of the system, by id, present in Redis? */
  async function schedulersPresent(): Promise<boolean> {
    for (const name of SCHEDULERS) {
      const q = queue(Scheduled[name]);
      try {
        if (!(await q.getJobScheduler(name))) return false;
      } finally {
        await q.close();
      }
    }
    return true;
  }

  /** Submits N requests over HTTP, 16 at a time, each retried (same idempotency key) until answered; runs `fault` once half are in. */
  async function submitAll(fault: (at: number) => Promise<void>): Promise<{ ids: Set<string>; faultAt: number }> {
    let faultAt = 0;
    const { ids } = await submitMany(sys, N, (i) => ({ ...OUTCOME_VARIANTS[i % OUTCOME_VARIANTS.length], idempotencyKey: `chaos-${i}` }), {
      midway: () => fault((faultAt = Date.now())),
    });
    return { ids, faultAt };
  }

  /** The team-queue jobs Redis holds, by request id. */
  const jobsOf = async (name: string) => {
    const q = queue(name);
    try {
      return await q.getJobs([...OPEN_JOB_STATES], 0, -1);
    } finally {
      await q.close();
    }
  };

  async function settledAndChecked(ids: Set<string>, started: number): Promise<Record<string, number>> {
    const requests = ds.getRepository(RequestEntity);
    await waitFor(
      async () => {
        if (process.env.CHAOS_DEBUG) {
          const counts = await requests.createQueryBuilder('r').select('r.status', 's').addSelect('COUNT(*)', 'n').groupBy('r.status').getRawMany();
          const lc = queue(Queues.licenceCheck);
          const m = queue(Queues.maintenance);
          process.stdout.write(
            `${Date.now() - started} ${JSON.stringify(counts)} lc=${JSON.stringify(await lc.getJobCounts())} workers=${await lc.getWorkersCount()} maint=${JSON.stringify(await m.getJobCounts())}\n`,
          );
          await lc.close();
          await m.close();
        }
        return (
          (await requests
            .createQueryBuilder('r')
            .where('r.status IN (:...s)', { s: ['queued', 'declined'] })
            .getCount()) === N
        );
      },
      `all ${N} requests to settle`,
      SETTLE_DEADLINE,
      CHAOS_DEBUG_EVERY,
    );
    const settledMs = Date.now() - started;
    // Their team-queue jobs: a request routed before the fault may have lost its job; the reconciler adds it back.
    const queued = await requests.findBy({ status: 'queued' });
    const jobs = await waitFor(
      async () => {
        const byRequest = await teamQueueJobs(ds, jobsOf);
        return queued.every((r) => byRequest.get(r.id) === 1) ? byRequest : null;
      },
      'every queued request to have its team-queue job',
      STUCK_AFTER + 3 * PERIOD + 5000,
      250,
    );
    const queuedMs = Date.now() - started;

    // 0 lost: every answered request is stored, settled and accounted for.
    expect(ids.size).toBe(N);
    expect(await requests.count()).toBe(N);
    // 0 duplicated: one team-queue job per queued request, none for a declined one; each timeline event once.
    expect([...jobs.values()].every((n) => n === 1)).toBe(true);
    expect(jobs.size).toBe(queued.length);
    const duplicated = await duplicatedTimelineEvents(ds);
    expect(duplicated).toEqual([]);
    expect(await pipelineStageMismatches(ds)).toEqual({ counted: N, mismatched: [] });

    // The paid ones have their clock and their next alarm's job.
    const paid = queued.filter((r) => r.supportPlan);
    expect(paid.length).toBeGreaterThan(0);
    await waitFor(
      async () => {
        const fresh = await requests.findBy({ status: 'queued' });
        const due = fresh.filter((r) => r.supportPlan && r.slaNextAlarmAt && r.sla?.nextAlarm);
        if (due.length !== paid.length) return false;
        const sla = queue(Queues.sla);
        try {
          const alarms = new Set((await sla.getJobs(['delayed', 'waiting', 'prioritized', 'active'], 0, -1)).map((j) => j.data.requestId));
          return due.every((r) => alarms.has(r.id));
        } finally {
          await sla.close();
        }
      },
      'every paid request to have its SLA clock and next alarm',
      STUCK_AFTER + 3 * PERIOD + 5000,
      250,
    );
    const alarmsMs = Date.now() - started;
    expect(await schedulersPresent()).toBe(true);
    return { settledMs, queuedMs, alarmsMs, queued: queued.length, paid: paid.length };
  }

  async function repairs(): Promise<string> {
    const metrics = (await sys.http.get('/metrics').expect(200)).text;
    return metrics
      .split('\n')
      .filter((l) => l.startsWith('support_reconciler_repairs_total{'))
      .join('; ');
  }

  it(
    `FLUSHALL in the middle of ${N} submissions: every request reaches its final queue state, schedulers come back within a period`,
    async () => {
      const started = Date.now();
      let schedulersBackMs = -1;
      const { ids, faultAt } = await submitAll(async (at) => {
        await redis.flushAll();
        await waitFor(schedulersPresent, 'the job schedulers to be re-created', PERIOD + 4000, 50);
        schedulersBackMs = Date.now() - at;
      });
      expect(schedulersBackMs).toBeGreaterThanOrEqual(0);
      // Each process's scheduler watch ticks once a period: back at the next tick, plus the time a loaded event loop
      // takes to get there (up to ~2 s with 1,000 submissions in flight and another test file beside it; 3.1 s seen once).
      expect(schedulersBackMs).toBeLessThanOrEqual(2 * PERIOD + 3000);
      const figures = await settledAndChecked(ids, started);
      process.stdout.write(`chaos FLUSHALL (${db}): ${JSON.stringify({ ...figures, schedulersBackMs, faultAtMs: faultAt - started })}; repairs: ${await repairs()}\n`);
    },
    TEST_TIMEOUT,
  );

  it(
    `kill -9 of redis-server and a restart on its AOF in the middle of ${N} submissions: the same`,
    async () => {
      const started = Date.now();
      let downMs = 0;
      const { ids, faultAt } = await submitAll(async (at) => {
        await redis.kill();
        await new Promise((r) => setTimeout(r, 1000));
        await redis.launch();
        downMs = Date.now() - at;
        await waitFor(schedulersPresent, 'the job schedulers to be back', PERIOD + 5000, 50);
      });
      const figures = await settledAndChecked(ids, started);
      process.stdout.write(`chaos kill -9 (${db}): ${JSON.stringify({ ...figures, downMs, faultAtMs: faultAt - started })}; repairs: ${await repairs()}\n`);
    },
    TEST_TIMEOUT,
  );
});
