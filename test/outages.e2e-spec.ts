import { teamQueueName } from '@support/contracts';
import { QueueRegistry } from '@support/messaging';
import { Client } from 'pg';
import { testDatabases } from './support/databases';
import { ownPostgres, type OwnPostgres, ownRedis, type OwnRedis } from './support/own-servers';
import { submission } from './support/reference-data';
import { auth, events, settled, view } from './support/requests';
import { startSystem, type TestSystem } from './support/system';

/**
 * Outages answered honestly. Redis and PostgreSQL here are the test's own servers (free loopback
 * ports, temporary directories), stopped and started inside the test: the shared ones on 6379 and
 * 5432 are never touched.
 *
 * - Redis down: a submission is still stored (the database is the truth), so it answers 202 with
 *   `queued: false` and a notice, never a 500; when Redis is back the pipeline sweeper publishes it
 *   and it reaches its team queue exactly once. A retry with the same idempotency key answers 200.
 * - The database down: 503 with Retry-After naming the database; /health names the part that is down.
 */
const STATUSES_NOT_500 = [200, 202, 503];

describe.each(testDatabases())('Redis outage on %s', (db) => {
  let redis: OwnRedis;
  let sys: TestSystem;

  beforeAll(async () => {
    redis = await ownRedis();
    sys = await startSystem(db, { REDIS_URL: redis.url, STUCK_AFTER_MS: '1000', SWEEP_EVERY_MS: '500' });
  });

  afterAll(async () => {
    await redis.start().catch(() => undefined); // stop() below deletes the queue keys
    await sys?.stop();
    await redis?.remove();
  });

  it('stores submissions while Redis is down (202, queued: false), then processes each exactly once when it is back', async () => {
    const healthy = await sys.http.post('/v1/requests').set(auth(sys.producerKey)).send(submission()).expect(202);
    expect(healthy.body.queued).toBeUndefined();
    await settled(sys, healthy.body.requests[0].id);

    // What the process says of the outage goes to its JSON log, not raw to the console.
    const rawConsole = jest.spyOn(console, 'error');
    await redis.stop();
    const bodies = [submission({ subject: 'Down 1' }), submission({ subject: 'Down 2', idempotencyKey: 'outage-key-1' }), submission({ subject: 'Down 3' })];
    const answers = [];
    for (const body of bodies) {
      const res = await sys.http.post('/v1/requests').set(auth(sys.producerKey)).send(body);
      expect(STATUSES_NOT_500).toContain(res.status);
      // Redis is down but the database is up: the submission is stored, and the answer says so.
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ submissionId: expect.any(String), queued: false, queueNotice: expect.stringContaining('the queue (Redis) is unavailable') });
      expect(res.body.requests[0].customerToken).toEqual(expect.any(String));
      answers.push(res.body);
    }
    // Stored: readable at once, waiting in `received`.
    for (const answer of answers) expect((await view(sys, answer.requests[0].id)).status).toBe('received');

    // The same key while Redis is still down: the first answer, nothing new stored, still not queued.
    const again = await sys.http.post('/v1/requests').set(auth(sys.producerKey)).send(bodies[1]).expect(200);
    expect(again.body).toMatchObject({ submissionId: answers[1].submissionId, queued: false });

    const health = await sys.http.get('/health').expect(503);
    expect(health.body.error.redis.status).toBe('down');
    expect(health.body.info.database.status).toBe('up');

    await redis.start();
    const ids = answers.map((a) => a.requests[0].id as string);
    for (const id of ids) await settled(sys, id, 30_000);
    expect(rawConsole.mock.calls.map((call) => String(call[0]?.message ?? call[0]).slice(0, 120))).toEqual([]);
    rawConsole.mockRestore();

    // Exactly once: one job per request in its team queue, each stage once on its timeline.
    const queues = sys.app.get(QueueRegistry);
    for (const id of ids) {
      const v = await view(sys, id);
      expect(v.status).toBe('queued');
      const jobs = await queues.get(teamQueueName(v.team)).getJobs(['wait', 'prioritized', 'active', 'delayed', 'completed', 'failed'], 0, -1);
      expect({ id, jobs: jobs.filter((j) => j.data?.requestId === id).length }).toEqual({ id, jobs: 1 });
      const list = events(v);
      expect({ id, duplicates: list.filter((e, i) => list.indexOf(e) !== i) }).toEqual({ id, duplicates: [] });
    }
    // Nothing more stored for the repeated key: three submissions, three requests.
    const mine = await sys.http.get('/v1/requests?limit=200').set(auth(sys.producerKey)).expect(200);
    expect(mine.body.items.filter((r: { subject: string }) => r.subject.startsWith('Down ')).length).toBe(3);

    const retried = await sys.http.post('/v1/requests').set(auth(sys.producerKey)).send(bodies[1]).expect(200);
    expect(retried.body.submissionId).toBe(answers[1].submissionId);
    expect(retried.body.queued).toBeUndefined();
    await sys.http.get('/health').expect(200);
  });
});

describe('database outage (PostgreSQL of its own)', () => {
  let pg: OwnPostgres;
  let sys: TestSystem;

  beforeAll(async () => {
    pg = await ownPostgres();
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query('CREATE DATABASE outage');
    await admin.end();
    // The database goes with the cluster (pg.remove); the shared Redis is only used under a unique prefix.
    sys = await startSystem('postgres', {}, { database: { url: pg.database('outage'), drop: async () => undefined } });
  });

  afterAll(async () => {
    await sys?.stop();
    await pg?.remove();
  });

  it('answers 503 with Retry-After naming the database, and /health says the database is down; back to normal when it is back', async () => {
    const before = await sys.http.post('/v1/requests').set(auth(sys.producerKey)).send(submission()).expect(202);
    const id = before.body.requests[0].id;

    await pg.stop();
    for (const call of [
      () =>
        sys.http
          .post('/v1/requests')
          .set(auth(sys.producerKey))
          .send(submission({ subject: 'While the database is down' })),
      () => sys.http.get(`/v1/requests/${id}`).set(auth(sys.producerKey)),
      () => sys.http.get('/v1/requests').set(auth(sys.producerKey)),
    ]) {
      const res = await call();
      expect({ status: res.status, retryAfter: res.headers['retry-after'], body: res.body }).toEqual({
        status: 503,
        retryAfter: expect.stringMatching(/^\d+$/),
        body: { statusCode: 503, error: 'Service Unavailable', message: expect.stringContaining('the database is unavailable'), unavailable: 'database' },
      });
    }
    const health = await sys.http.get('/health').expect(503);
    expect(health.body.error.database.status).toBe('down');
    expect(health.body.info.redis.status).toBe('up');

    await pg.start();
    // The pool reconnects: the next calls work, and nothing was stored by the refused submission.
    await sys.http.get('/health').expect(200);
    await sys.http
      .post('/v1/requests')
      .set(auth(sys.producerKey))
      .send(submission({ subject: 'After the outage' }))
      .expect(202);
    const list = await sys.http.get('/v1/requests?limit=200').set(auth(sys.producerKey)).expect(200);
    expect(list.body.items.map((r: { subject: string }) => r.subject)).not.toContain('While the database is down');
  });

  it('keeps a bug a 500: an unknown error is not reported as an outage', async () => {
    // An invalid cursor is a 400 (typed filter first), an unknown route a 404: the catch-all changes neither.
    await sys.http.get('/v1/requests?cursor=bm9wZQ').set(auth(sys.producerKey)).expect(400);
    await sys.http.get('/v1/nothing-here').set(auth(sys.producerKey)).expect(404);
  });
});
