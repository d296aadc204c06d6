import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startSystem, type TestSystem } from './support/system';

describe('operations', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startSystem('sqlite');
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('reports health of Redis and the database', async () => {
    const res = await sys.http.get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('exposes Prometheus metrics, job counts included', async () => {
    await sys.http
      .post('/v1/requests')
      .set({ Authorization: `Bearer ${sys.producerKey}` })
      .send({
        customer: { id: 'm-1', email: 'm@example.lv', country: 'LV' },
        product: { code: 'kav', version: '21' },
        channel: 'web',
        subject: 'Update fails',
        description: 'The antivirus database update fails with an error every day.',
      })
      .expect(202);
    const deadline = Date.now() + 10_000;
    let text = '';
    while (Date.now() < deadline && !/support_jobs_total\{[^}]*queue="routing"/.test(text)) text = (await sys.http.get('/metrics').expect(200)).text;
    expect(text).toMatch(/support_jobs_total\{[^}]*queue="licence-check"[^}]*result="completed"\} \d+/);
    expect(text).toMatch(/support_decisions_total\{stage="licence-check",outcome="supported"\} \d+/);
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('serves the OpenAPI description at /docs', async () => {
    const res = await sys.http.get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/v1/requests', '/v1/requests/{id}', '/v1/triage/preview']));
  });

  it('keeps the queue dashboard for administrators', async () => {
    await sys.http.get('/admin/queues').expect(401);
    await sys.http
      .get('/admin/queues')
      .set({ Authorization: `Bearer ${sys.producerKey}` })
      .expect(403);
    await sys.http.get('/admin/queues').auth('admin', sys.adminKey).expect(200);
    const api = await sys.http
      .get('/admin/queues/api/queues')
      .set({ Authorization: `Bearer ${sys.adminKey}` })
      .expect(200);
    expect(api.body.queues.map((q: { name: string }) => q.name)).toEqual(expect.arrayContaining(['intake', 'licence-check', 'team-home-lv']));
  });
});

describe('starting without Redis or the database, or with bad settings', () => {
  const run = (env: Record<string, string>) => {
    const started = Date.now();
    const out = spawnSync(process.execPath, [join(__dirname, '../dist/apps/licence-check/main.js')], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });
    return { ...out, seconds: (Date.now() - started) / 1000 };
  };

  it('exits non-zero within 10 s with one line naming Redis and how to get it', () => {
    const out = run({ REDIS_URL: 'redis://127.0.0.1:1', DATABASE_URL: 'sqlite::memory:' });
    expect(out.status).not.toBe(0);
    expect(out.seconds).toBeLessThan(10);
    const lines = out.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1 .*redis-server/);
  });

  it('exits non-zero within 10 s with one line naming the database', () => {
    const out = run({ DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' });
    expect(out.status).not.toBe(0);
    expect(out.seconds).toBeLessThan(10);
    const lines = out.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cannot reach the database at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
  });

  it('exits non-zero at once with one line naming every bad variable', () => {
    const out = run({ WORKER_CONCURRENCY: 'x', LEASE_MS: '-1', DATABASE_URL: 'mysql://db' });
    expect(out.status).not.toBe(0);
    const lines = out.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^licence-check: invalid settings: /);
    expect(lines[0]).toContain("WORKER_CONCURRENCY must be a positive integer (got 'x')");
    expect(lines[0]).toContain("LEASE_MS must be a positive integer (got '-1')");
    expect(lines[0]).toContain('DATABASE_URL must start with sqlite: or postgres://');
  });
});
