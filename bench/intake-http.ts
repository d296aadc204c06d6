/**
 * HTTP intake benchmark: `POST /v1/requests` driven by a real load generator (autocannon) against
 * the whole system as an HTTP app in this process, and in the same run against a bare `node:http`
 * server that parses the JSON body and adds the same BullMQ job (`request.submitted` on queue
 * `intake`, job id = idempotency key, the same default job options) and answers 202.
 *
 *   npm run bench:intake-http -- --duration 10 --connections 20 --db sqlite|postgres
 *   node dist/bench/intake-http.js [--duration 10] [--connections 20] [--warmup 2] [--db sqlite|postgres] [--seed 1] [--workers on|off] [--profile file]
 *
 * Same connections, duration and bodies on both sides; every request carries a fresh
 * `idempotencyKey` (a new submission each time). Only the HTTP answer is measured. `--workers on`
 * (default, the realistic case): the system's workers take the submissions through the pipeline
 * meanwhile, in this process; `off`: the pipeline's queues are paused, so only the HTTP path runs.
 * The bare server runs before and after the system (the machine is noisy; its figures are the
 * mean). Environment, cleanup: as bench/pipeline (REDIS_URL, BENCH_PG_URL, fresh prefixes and database).
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { loadDemoReferenceData } from '../apps/standalone/src/demo-seed';
import { parseFlags } from './support/args';
import { drain, PIPELINE_QUEUES, profiled } from './support/measure';
import { benchEnvironment, fmt, scratchDatabase, tearDown } from './support/scratch';
import { buildPool, type Submission } from './support/submissions';

const USAGE = 'node dist/bench/intake-http.js [--duration 10] [--connections 20] [--warmup 2] [--db sqlite|postgres] [--seed 1] [--workers on|off] [--profile intake.cpuprofile]';
const FLAGS = { duration: 10, connections: 20, warmup: 2, db: ['sqlite', 'postgres'] as const, seed: 1, workers: ['on', 'off'] as const, profile: '' };
const ADMIN_KEY = 'bench-admin-key-0123456789';

interface HttpFigures {
  requests: number;
  reqPerS: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Runs autocannon against `url` with the bodies in turn, each with a fresh idempotency key. */
async function load(url: string, token: string, bodies: Omit<Submission, 'key'>[], keyPrefix: string, seconds: number, connections: number): Promise<HttpFigures> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/requests',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (request) => {
          const i = next++;
          return { ...request, body: JSON.stringify({ ...bodies[i % bodies.length].body, idempotencyKey: `${keyPrefix}-${i}` }) };
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    reqPerS: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

const mean = (a: HttpFigures, b: HttpFigures): HttpFigures => Object.fromEntries(Object.keys(a).map((k) => [k, (a[k as keyof HttpFigures] + b[k as keyof HttpFigures]) / 2])) as unknown as HttpFigures;

const line = (label: string, f: HttpFigures) =>
  `  ${label.padEnd(8)} ${fmt(f.reqPerS, 1).padStart(8)} req/s  ${String(Math.round(f.requests)).padStart(7)} requests   p50 ${fmt(f.p50).padStart(5)} ms   p97.5 ${fmt(f.p97_5).padStart(5)} ms   p99 ${fmt(f.p99).padStart(5)} ms   max ${fmt(f.max).padStart(5)} ms   non-2xx ${f.non2xx}   errors ${f.errors}   timeouts ${f.timeouts}`;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function main(): Promise<void> {
  const args = parseFlags(process.argv.slice(2), FLAGS, USAGE);
  const stamp = `${Date.now()}`;
  const prefix = `bench-http-${stamp}`;
  const basePrefix = `bench-http-${stamp}-base`;
  const platform = await import('../libs/platform/src');
  const redisUrl = platform.settingsFromEnv(process.env).redisUrl;
  const database = await scratchDatabase(args.db, stamp);
  benchEnvironment(redisUrl, database.url, prefix, 8);
  // The rate limits stay on (their code runs) but far above what the bench sends.
  Object.assign(process.env, { ADMIN_API_KEY: ADMIN_KEY, SUBMISSION_RATE_LIMIT: '100000000', AUTH_FAILURE_LIMIT: '100000', PUBLIC_RATE_LIMIT: '100000000' });

  let app: INestApplication | null = null;
  const closers: (() => Promise<unknown>)[] = [];
  let exitCode = 0;
  try {
    const persistence = await import('../libs/persistence/src');
    const messaging = await import('../libs/messaging/src');
    const { ALL_FEATURES } = await import('../apps/standalone/src/all-features');
    const { TriagePreviewController } = await import('../apps/intake/src/triage-preview.controller');
    const typeorm = await import('typeorm');

    // ---- the system: every app in this process, HTTP on a free port, workers running ---------
    const settings = platform.settingsFromEnv();
    app = await platform.createHttpApp(platform.composeApp(settings, ALL_FEATURES));
    await app.init();
    const dataSource = app.get(typeorm.DataSource) as DataSource;
    await loadDemoReferenceData(dataSource);
    app.get(persistence.ReferenceStore).forget();
    await app.listen(0, '127.0.0.1');
    const systemUrl = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
    const created = await fetch(`${systemUrl}/v1/admin/producers/bench-http`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ name: 'HTTP bench' }),
    });
    if (created.status !== 201) throw new Error(`creating the producer answered ${created.status}: ${await created.text()}`);
    const { key: producerKey } = (await created.json()) as { key: string };

    const registry = app.get(messaging.QueueRegistry);
    if (args.workers === 'off') for (const name of PIPELINE_QUEUES) await registry.get(name).pause();

    const previewer = app.get(TriagePreviewController, { strict: false });
    const { pool } = await buildPool(platform.repoRoot(), (b) => previewer.preview(b) as never, args.seed);
    if (pool.length === 0) throw new Error('no routable submission could be built from the dataset');

    // ---- the bare server: parse, add the same job, answer 202 -----------------------------------
    const baseConnection = messaging.createRedisConnection(messaging.parseRedisUrl(redisUrl), 'producer');
    const baseIntake = new Queue('intake', { connection: baseConnection, prefix: basePrefix, defaultJobOptions: messaging.DEFAULT_JOB_OPTIONS });
    const bare = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"invalid JSON"}');
          return;
        }
        const jobId = String(body.idempotencyKey);
        baseIntake.add('request.submitted', { ...body, producer: 'bench-http' }, { jobId }).then(
          () => res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ submissionId: jobId })),
          (e: Error) => res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ message: e.message })),
        );
      });
    });
    const bareUrl = await listen(bare);
    closers.push(async () => {
      await new Promise((r) => bare.close(r));
      await baseIntake.close();
      baseConnection.disconnect();
    });

    console.log(
      `intake-http bench: ${args.connections} connections, ${args.duration} s measured after ${args.warmup} s of warm-up, db=${args.db}, workers ${args.workers === 'on' ? 'running' : 'paused'}`,
    );
    console.log(`  redis ${redisUrl}, prefixes ${prefix} / ${basePrefix}, ${database.label}; bodies drawn from ${pool.length} routable variants`);
    const run = async (url: string, tag: string, profile = '') => {
      if (args.warmup > 0) await load(url, producerKey, pool, `w${tag}${stamp}`, args.warmup, args.connections);
      const measured = () => load(url, producerKey, pool, `${tag}${stamp}`, args.duration, args.connections);
      return profile ? profiled(profile, measured) : measured();
    };
    const bare1 = await run(bareUrl, 'b1');
    // (the profile is of the system's measured run only, autocannon's share of this process included)
    const system = await run(systemUrl, 's', args.profile);
    // The workers in this process are still taking the system's submissions through: the bare
    // server's second run waits for them, or it would measure their load.
    if (args.workers === 'on') await drain(registry, 120_000);
    const bare2 = await run(bareUrl, 'b2');
    const baseline = mean(bare1, bare2);

    const ratio = { throughput: system.reqPerS / baseline.reqPerS, p50: system.p50 / baseline.p50, p99: system.p99 / baseline.p99 };
    console.log('');
    console.log(line('bare #1', bare1));
    console.log(line('bare #2', bare2));
    console.log(line('bare', baseline) + '   (mean of #1, #2)');
    console.log(line('system', system));
    console.log(`  ratio system/bare: throughput ×${fmt(ratio.throughput, 3)} (bare is ${fmt(1 / ratio.throughput, 1)}× faster), p50 latency ×${fmt(ratio.p50, 2)}, p99 latency ×${fmt(ratio.p99, 2)}`);
    const failed = [bare1, bare2, system].filter((f) => f.non2xx || f.errors || f.timeouts).length;
    if (failed) {
      console.log(`  WARNING: ${failed} run(s) had answers other than 2xx, errors or timeouts`);
      exitCode = 1;
    }
    const round = (f: HttpFigures) => ({ ...f, reqPerS: +f.reqPerS.toFixed(1) });
    console.log(
      JSON.stringify({
        bench: 'intake-http',
        db: args.db,
        connections: args.connections,
        workers: args.workers,
        durationS: args.duration,
        warmupS: args.warmup,
        system: round(system),
        bare: round(baseline),
        bareRuns: [round(bare1), round(bare2)],
        ratio: { throughput: +ratio.throughput.toFixed(4), p50: +ratio.p50.toFixed(3), p99: +ratio.p99.toFixed(3) },
      }),
    );
  } catch (error) {
    console.error(`bench/intake-http failed: ${(error as Error).stack ?? error}`);
    exitCode = 1;
  } finally {
    await tearDown({ closers, app, redisUrl, prefixes: [prefix, basePrefix], database });
  }
  process.exit(exitCode);
}

void main();
