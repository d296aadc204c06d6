import { Queues } from '@support/contracts';
import { createRedisConnection, parseRedisUrl, PRODUCER_REDIS, queuePrefix, QueueRegistry, WORKER_REDIS } from '@support/messaging';
import type { Cluster, default as IORedis } from 'ioredis';
import { LicenceEntity, openDatabase, ProducerEntity, ProductEntity, RequestEntity, TeamEntity, TimelineEventEntity } from '@support/persistence';
import { Metrics } from '@support/platform';
import type { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { addAgent, bearer, claim } from './support/agents';
import { freshDatabase, testDatabases, uniquePrefix } from './support/databases';
import { duplicatedTimelineEvents, OPEN_JOB_STATES, pipelineStageMismatches, teamQueueJobs } from './support/exactly-once';
import { startAppProcess, stopProcess } from './support/processes';
import { OwnRedisCluster } from './support/redis-cluster';
import { OUTCOME_VARIANTS, SEED, submission } from './support/reference-data';
import { SETTLED, submitMany } from './support/requests';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

const [DB] = testDatabases();
/** The worker processes' test runs on the other database (PostgreSQL unless TEST_DATABASES narrows it). */
const PROCESS_DB = testDatabases().at(-1) ?? DB;

/**
 * The system on a real Redis Cluster (3 masters, 3 replicas on loopback, started here): the pipeline,
 * agents' claims, worker processes killed mid-run and a master killed mid-run (then the process
 * restarted, as after any failover: README, "Redis Cluster"), with nothing lost or doubled. Every
 * queue of a deployment lives in the slot of its hash-tagged prefix (`{prefix}`).
 */
describe('on a Redis Cluster of 3 masters and 3 replicas', () => {
  let cluster: OwnRedisCluster;

  beforeAll(async () => {
    cluster = await OwnRedisCluster.start();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  /** Every request settled, each pipeline stage once, and one team-queue job per queued request. */
  async function expectExactlyOnce(ds: DataSource, queues: QueueRegistry, n: number): Promise<void> {
    const requests = ds.getRepository(RequestEntity);
    await waitFor(async () => (await requests.createQueryBuilder('r').where('r.status IN (:...s)', { s: SETTLED }).getCount()) === n, `all ${n} requests to settle`, 90_000, 200);
    expect(await requests.count()).toBe(n);
    expect(await duplicatedTimelineEvents(ds)).toEqual([]);
    expect(await pipelineStageMismatches(ds)).toEqual({ counted: n, mismatched: [] });
    const queued = await requests.findBy({ status: 'queued' });
    // A job lost with the last writes before a failover comes back from the reconciler.
    const jobs = await waitFor(
      async () => {
        const byRequest = await teamQueueJobs(ds, (name) => queues.get(name).getJobs([...OPEN_JOB_STATES], 0, -1));
        return queued.every((r) => byRequest.get(r.id) === 1) ? byRequest : null;
      },
      'every queued request to have its team-queue job',
      20_000,
      250,
    );
    expect(jobs.size).toBe(queued.length);
    expect([...jobs.values()].every((count) => count === 1)).toBe(true);
  }

  describe(`the whole system in one process on ${DB}`, () => {
    let sys: TestSystem;

    beforeAll(async () => {
      sys = await startSystem(DB, { REDIS_URL: cluster.url, LEASE_MS: '4000' });
    }, 60_000);
    afterAll(async () => {
      await sys?.stop();
    });

    it('keeps every queue of the deployment in the one slot of its hash-tagged prefix', async () => {
      const queues = sys.app.get(QueueRegistry);
      expect(queues.prefix).toBe(`{${sys.settings.queuePrefix}}`);
      const slotOwner = await cluster.masterOf(queues.prefix);
      expect(slotOwner.replicas).toHaveLength(1);
    });

    it('takes submissions over HTTP through every stage into their team queues, each exactly once', async () => {
      const n = 20;
      const { ids } = await submitMany(sys, n, (i) => ({ ...OUTCOME_VARIANTS[i % OUTCOME_VARIANTS.length], idempotencyKey: `pipeline-${i}` }), { lanes: 4 });
      expect(ids.size).toBe(n);
      const ds = sys.app.get(DataSource);
      await expectExactlyOnce(ds, sys.app.get(QueueRegistry), n);
      const byVariant = (await ds.getRepository(RequestEntity).find()).reduce<Record<string, number>>((acc, r) => {
        const key = r.status === 'queued' ? `queued ${r.teamId}` : `declined ${r.outcome?.kind}`;
        return { ...acc, [key]: (acc[key] ?? 0) + 1 };
      }, {});
      expect(byVariant).toEqual({ 'queued home-malware': 5, 'declined refused': 5, 'declined out-of-scope': 5, 'declined limited': 5 });
    });

    it('never gives the same request to two agents claiming at once', async () => {
      const ana = await addAgent(sys, 'ana', ['home-malware']);
      const ben = await addAgent(sys, 'ben', ['home-malware']);
      const queued = await sys.app.get(DataSource).getRepository(RequestEntity).findBy({ status: 'queued' });
      const drain = async (key: string) => {
        const ids: string[] = [];
        for (let c = await claim(sys, key); c; c = await claim(sys, key)) {
          ids.push(c.request.id);
          await sys.http.post(`/v1/requests/${c.request.id}/resolve`).set(bearer(key)).send({ summary: 'done' }).expect(200);
        }
        return ids;
      };
      const claimed = (await Promise.all([ana, ben, ana, ben].map(drain))).flat();
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(new Set(claimed)).toEqual(new Set(queued.map((r) => r.id)));
    });

    it('answers /health and the queue dashboard from the cluster', async () => {
      expect((await sys.http.get('/health').expect(200)).body.info.redis).toEqual({ status: 'up' });
      const board = await sys.http.get('/admin/queues/api/queues').auth('admin', sys.adminKey).expect(200);
      expect(board.body.queues.map((q: { name: string }) => q.name)).toEqual(expect.arrayContaining([Queues.intake, 'team-home-malware']));
    });
  });

  it(`loses and doubles nothing when a worker process is killed mid-run (on ${PROCESS_DB})`, async () => {
    const n = 150;
    const database = await freshDatabase(PROCESS_DB);
    const ds = await openDatabase(database.url);
    const prefix = uniquePrefix('cluster-crash');
    const target = parseRedisUrl(cluster.url);
    const producer = createRedisConnection(target, 'producer');
    const queues = new QueueRegistry(producer, queuePrefix(prefix, target));
    const procs = new Map<string, ChildProcess>();
    const env = { DATABASE_URL: database.url, REDIS_URL: cluster.url, QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn', NODE_ENV: 'test', WORKER_LOCK_MS: '3000', INTAKE_PORT: '0', AGENT_DESK_PORT: '0' };
    const start = async (app: string, queue: string) => {
      procs.set(app, startAppProcess(app, env, `cluster-${app}`));
      await waitFor(async () => (await queues.get(queue).getWorkersCount()) > 0, `the ${app} worker to connect`, 30_000, 200);
    };
    try {
      await ds.getRepository(ProductEntity).save(SEED.products as never);
      await ds.getRepository(LicenceEntity).save(SEED.licences.map((l) => ({ customerId: null, companyId: null, ...l })) as never);
      await ds.getRepository(TeamEntity).save(SEED.teams as never);
      await ds.getRepository(ProducerEntity).save({ id: 'web-form', name: 'Web form' });
      const stages = { intake: Queues.intake, 'licence-check': Queues.licenceCheck, classification: Queues.classification, 'agent-desk': Queues.routing };
      await Promise.all(Object.entries(stages).map(([app, queue]) => start(app, queue)));
      const loadBefore = await cluster.masterLoad();
      await queues
        .get(Queues.intake)
        .addBulk(Array.from({ length: n }, (_, i) => ({ name: 'request.submitted', data: { ...OUTCOME_VARIANTS[i % OUTCOME_VARIANTS.length], producer: 'web-form' }, opts: { jobId: `sub-${i}` } })));
      const classified = () => ds.getRepository(TimelineEventEntity).countBy({ effectKey: 'classification' });
      await waitFor(async () => (await classified()) >= n / 5, 'a fifth of the requests to be classified', 60_000, 20);
      await stopProcess(procs.get('classification'), 'SIGKILL');
      expect(await classified()).toBeLessThan(n); // killed in the middle, not after the end
      await start('classification', Queues.classification);
      await expectExactlyOnce(ds, queues, n);
      // Where the queues' load went: every queue of the deployment is on the master of its prefix's slot.
      const loadAfter = await cluster.masterLoad();
      const perRequest = Object.fromEntries(
        Object.entries(loadAfter).map(([port, after]) => [port, { commands: (after.commands - loadBefore[+port].commands) / n, cpuMs: (after.cpuMs - loadBefore[+port].cpuMs) / n }]),
      );
      process.stdout.write(`cluster load per request, by master (${PROCESS_DB}; queues on ${(await cluster.masterOf(queues.prefix)).port}): ${JSON.stringify(perRequest)}\n`);
    } finally {
      await Promise.all([...procs.values()].map((p) => stopProcess(p, 'SIGKILL')));
      await queues.close();
      producer.disconnect(); // the queues share it and leave it open: left, it would retry the cluster after the test stops it
      await ds.destroy();
      await database.drop();
    }
  }, 120_000);

  /**
   * Stops a system, keeping its data; false when it has not closed within 15 s: after a failover a
   * BullMQ worker's close can wait on its blocking connection for good (README, "Redis Cluster").
   * Then its connections are dropped, as the process's exit after SHUTDOWN_GRACE_MS would drop them:
   * left open, they would retry the cluster for the rest of the test run once it is gone.
   */
  async function closeWithin(system: TestSystem | undefined): Promise<boolean> {
    if (!system) return true;
    const closed = await Promise.race([system.stop({ keepData: true }).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000).unref())]);
    if (!closed) {
      system.app.get<IORedis | Cluster>(PRODUCER_REDIS).disconnect();
      system.app.get<{ connection?: IORedis | Cluster }>(WORKER_REDIS).connection?.disconnect();
    }
    return closed;
  }

  it('rides out the failover of the master that holds the queues: nothing lost or doubled', async () => {
    const n = 200;
    // A short lock: a job the old process held when the master died is taken over soon after it lapses.
    const env = { REDIS_URL: cluster.url, RECONCILE_EVERY_MS: '1000', STUCK_AFTER_MS: '2000', WORKER_LOCK_MS: '3000' };
    const sys = await startSystem(DB, env);
    let restarted: TestSystem | undefined;
    let oldClosing: Promise<boolean> | undefined;
    const closeOld = () => (oldClosing ??= closeWithin(sys));
    try {
      const queues = sys.app.get(QueueRegistry);
      const metrics = sys.app.get(Metrics);
      let failover = { killed: 0, promoted: 0, failoverMs: 0 };
      let resumedMs = 0;
      const health: number[] = [];
      const started = Date.now();
      const { ids, refused } = await submitMany(sys, n, (i) => ({ ...OUTCOME_VARIANTS[i % OUTCOME_VARIANTS.length], idempotencyKey: `failover-${i}` }), {
        lanes: 8,
        midway: async () => {
          const killedAt = Date.now();
          let failingOver = true;
          const watching = (async () => {
            while (failingOver) health.push((await sys.http.get('/health')).status);
          })();
          failover = await cluster.killMasterOf(queues.prefix);
          failingOver = false;
          await watching;
          // Submissions are accepted again (the intake's queue answers) once the client has the new slot map.
          const accepted = () =>
            sys.http
              .post('/v1/requests')
              .set(bearer(sys.producerKey))
              .send(submission({ idempotencyKey: 'after-failover' }));
          await waitFor(async () => (await accepted()).status === 202, 'a submission to be accepted after the failover', 20_000, 50);
          resumedMs = Date.now() - killedAt;
        },
      });
      expect(ids.size).toBe(n);
      expect(failover.promoted).not.toBe(failover.killed);
      // While the slot had no master, submissions were refused as an outage (503, to try again), never a 500.
      expect(Object.keys(refused).filter((status) => status !== '503')).toEqual([]);
      // /health told: down while the queues' slot had no master, up again after.
      expect(health).toContain(503);
      await sys.http.get('/health').expect(200);
      // The processes are restarted after the failover, as the README says (a BullMQ worker can be left
      // taking no more jobs): a new process of the deployment starts, then the old one stops.
      restarted = await startSystem(DB, env, { sharing: sys });
      const oldClosed = await closeOld();
      const submittedAt = Date.now();
      await expectExactlyOnce(restarted.app.get(DataSource), restarted.app.get(QueueRegistry), n + 1);
      const settledMs = Date.now() - submittedAt;
      const failed = (await metrics.jobs.get()).values.filter((v) => v.labels.result === 'failed').reduce((sum, v) => sum + v.value, 0);
      const repairs = [metrics, restarted.app.get(Metrics)].map(async (m) => (await m.repairs.get()).values.map((v) => `${v.labels.kind}=${v.value}`).join(','));
      const figures = { ...failover, acceptingAgainMs: resumedMs, healthDuringFailover: health.join(''), oldClosed, totalMs: Date.now() - started, settledAfterRestartMs: settledMs };
      process.stdout.write(`cluster failover (${DB}): ${JSON.stringify({ ...figures, refused, jobsFailedAndRetried: failed, repairs: (await Promise.all(repairs)).join(' | ') })}\n`);
    } finally {
      await closeWithin(restarted);
      await closeOld();
      await sys.database.drop();
    }
  }, 180_000);
});
