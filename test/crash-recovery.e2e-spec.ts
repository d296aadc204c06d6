import { settingsFromEnv } from '@support/platform';
import { openDatabase, LicenceEntity, ProducerEntity, ProductEntity, RequestEntity, SubmissionEntity, TeamEntity, TimelineEventEntity } from '@support/persistence';
import { Queue } from 'bullmq';
import type { ChildProcess } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { type FreshDatabase, freshDatabase, testDatabases, uniquePrefix } from './support/databases';
import { startAppProcess, stopProcess, workerConnected } from './support/processes';
import { deletePrefix } from './support/redis-keys';
import { SEED, submission } from './support/reference-data';
import { waitFor } from './support/wait';
import { duplicatedTimelineEvents } from './support/exactly-once';

const N = 500;
const REDIS_URL = settingsFromEnv(process.env).redisUrl;
const STAGES = ['intake', 'licence-check', 'classification', 'agent-desk'];

/** Varied submissions: supported, refused for version, out of scope, business limited. */
const variants = [
  submission(),
  submission({ product: { code: 'kav', version: '20.1' } }),
  submission({ subject: 'Remote session', description: 'Please connect to my computer remotely with TeamViewer and configure everything for me in a remote session.' }),
  submission({
    customer: { id: 'c-2', email: 'a@globex.lv', country: 'LV', language: 'en' },
    companyId: 'globex',
    licenceKey: 'LIC-GLOBEX-KESB',
    product: { code: 'kesb', version: '12' },
    platform: { os: 'windows', osVersion: '11', ramMb: 16000, diskFreeMb: 90000 },
    subject: 'Crash',
    description: 'The endpoint agent crashes every hour and the update fails with an error.',
  }),
  submission({
    customer: { id: 'c-3', email: 'b@example.ee', country: 'EE', language: 'ru' },
    subject: 'Не обновляется',
    description: 'Антивирус не обновляет базы уже неделю, выдаёт ошибку обновления.',
  }),
];

/**
 * ARCHITECTURE.md principle 2, proven with real processes: a worker killed with SIGKILL in the
 * middle of the run and restarted loses nothing and duplicates nothing.
 */
describe.each(testDatabases())('crash safety on %s', (db) => {
  let database: FreshDatabase;
  let dataSource: DataSource;
  const prefix = uniquePrefix(`crash-${db}`);
  const procs = new Map<string, ChildProcess>();
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await freshDatabase(db);
    dataSource = await openDatabase(database.url);
    await dataSource.getRepository(ProductEntity).save(SEED.products as never);
    await dataSource.getRepository(LicenceEntity).save(SEED.licences.map((l) => ({ customerId: null, companyId: null, ...l })) as never);
    await dataSource.getRepository(TeamEntity).save(SEED.teams as never);
    await dataSource.getRepository(ProducerEntity).save({ id: 'web-form', name: 'Web form' });
    env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      WORKER_LOCK_MS: '3000',
      WORKER_CONCURRENCY: '8',
      INTAKE_PORT: '0',
      AGENT_DESK_PORT: '0',
    };
  });

  afterAll(async () => {
    await Promise.all([...procs.values()].map((p) => stopProcess(p, 'SIGKILL')));
    await dataSource?.destroy();
    await database?.drop();
    await deletePrefix(REDIS_URL, prefix);
  });

  async function start(app: string) {
    procs.set(app, startAppProcess(app, env, `crash-${db}-${app}`));
    const queueName = { intake: 'intake', 'licence-check': 'licence-check', classification: 'classification', 'agent-desk': 'routing' }[app] as string;
    await workerConnected(REDIS_URL, prefix, queueName, app);
  }

  it(`takes ${N} submissions through exactly once although a worker is killed mid-run`, async () => {
    for (const app of STAGES) await start(app);
    const intake = new Queue('intake', { connection: { url: REDIS_URL }, prefix });
    await intake.addBulk(
      Array.from({ length: N }, (_, i) => {
        const body = { ...variants[i % variants.length], producer: 'web-form', ...(i % 2 ? { idempotencyKey: `key-${i}` } : {}) };
        return { name: 'request.submitted', data: body, opts: { jobId: `sub-${i}` } };
      }),
    );
    await intake.close();

    const requests = dataSource.getRepository(RequestEntity);
    const classified = () => dataSource.getRepository(TimelineEventEntity).countBy({ effectKey: 'classification' });
    await waitFor(async () => (await classified()) >= N / 5, 'a fifth of the requests to be classified', 60_000, 20);
    await stopProcess(procs.get('classification'), 'SIGKILL');
    const atKill = await classified();
    expect(atKill).toBeLessThan(N); // killed in the middle, not after the end
    await start('classification');

    const settledStatuses = ['queued', 'declined'];
    await waitFor(async () => (await requests.createQueryBuilder('r').where('r.status IN (:...s)', { s: settledStatuses }).getCount()) === N, `all ${N} requests to settle`, 150_000, 250);

    expect(await dataSource.getRepository(SubmissionEntity).count()).toBe(N);
    expect(await requests.count()).toBe(N);
    const duplicated = await duplicatedTimelineEvents(dataSource);
    expect(duplicated).toEqual([]);
    const perRequest = await dataSource.getRepository(TimelineEventEntity).createQueryBuilder('t').select('t.requestId', 'id').addSelect('COUNT(*)', 'n').groupBy('t.requestId').getRawMany();
    const all = await requests.find();
    const expectedEvents = (r: RequestEntity) => (r.status === 'queued' ? 4 : r.classification ? 4 : 3);
    const counts = new Map(perRequest.map((row) => [row.id, Number(row.n)]));
    expect(all.filter((r) => counts.get(r.id) !== expectedEvents(r)).map((r) => r.id)).toEqual([]);

    const queued = all.filter((r) => r.status === 'queued');
    const teams = [...new Set(queued.map((r) => r.teamId as string))];
    let teamJobs = 0;
    for (const team of teams) {
      const queue = new Queue(`team-${team}`, { connection: { url: REDIS_URL }, prefix });
      const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed', 'active']);
      teamJobs += jobs.length;
      const ids = new Set(jobs.map((j) => j.id));
      expect(queued.filter((r) => r.teamId === team && !ids.has(r.id)).map((r) => r.id)).toEqual([]);
      await queue.close();
    }
    expect(teamJobs).toBe(queued.length);
    expect(queued.length).toBeGreaterThan(N / 4);
    expect(all.length - queued.length).toBeGreaterThan(N / 4);
  }, 240_000);

  it('shuts down cleanly on SIGTERM: workers stop, connections close, exit code 0', async () => {
    for (const [app, child] of procs) {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const started = Date.now();
      child.kill('SIGTERM');
      expect({ app, code: await exited }).toEqual({ app, code: 0 });
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  }, 60_000);
});
