/**
 * Pipeline benchmark: pushes N submissions (default 5000) through intake → licence-check →
 * classification → routing → team queue with the whole system running in this process, and
 * next to it, on the same Redis and in the same run, a bare BullMQ chain with the same hops
 * (4 workers that only add the next job with a deterministic id, then the add to a team queue).
 * Prints throughput and p50/p99/max latency of both and their ratios, then one JSON line.
 *
 *   npm run bench:pipeline -- --n 5000 --db sqlite|postgres --concurrency 8
 *   node dist/bench/pipeline.js [--n 5000] [--db sqlite|postgres] [--concurrency 8]
 *        [--rate 0] [--warmup 200] [--stall-s 60] [--seed 1]
 *
 * Latency of one submission = from just before the add of its `intake` job to the moment its
 * team-queue job exists (the Redis timestamp of the `added` event on the team queue's event
 * stream, read with QueueEvents — independent of how busy this process's event loop is).
 * `--rate 0` (default) adds all N at once (a throughput test: latency then is mostly queueing);
 * `--rate R` adds R submissions per second (open loop: latency under a given load).
 *
 * Environment: REDIS_URL (default redis://127.0.0.1:6379); BENCH_PG_URL, the PostgreSQL server
 * used for `--db postgres` (default postgres://postgres@127.0.0.1:5432/postgres): a fresh
 * database is created there and dropped at the end. Everything lives under a fresh queue prefix
 * (bench-<time>, bench-<time>-base) whose keys are deleted at the end.
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { type Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { loadDemoReferenceData } from '../apps/standalone/src/demo-seed';
import { Arrivals, drain, figuresLine, meanOf, pipelineRunner, profiled, roundFigures, submit, withCpu, figures } from './support/measure';
import { benchEnvironment, fmt, scratchDatabase, tearDown } from './support/scratch';
import { buildPool, drawSubmissions, type Submission } from './support/submissions';

// ---------------------------------------------------------------------------------------------
// Arguments

interface Args {
  n: number;
  db: 'sqlite' | 'postgres';
  concurrency: number;
  rate: number;
  warmup: number;
  stallS: number;
  seed: number;
  /** Write a CPU profile of the measured pipeline run (only) to this file. */
  profile: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { n: 5000, db: 'sqlite', concurrency: 8, rate: 0, warmup: 200, stallS: 60, seed: 1, profile: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    const num = (name: string) => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${name} wants a number ≥ 0`);
      return n;
    };
    switch (flag) {
      case '--n':
        args.n = Math.floor(num('--n'));
        break;
      case '--db': {
        const v = value();
        if (v !== 'sqlite' && v !== 'postgres') throw new Error('--db wants sqlite or postgres');
        args.db = v;
        break;
      }
      case '--concurrency':
        args.concurrency = Math.max(1, Math.floor(num('--concurrency')));
        break;
      case '--rate':
        args.rate = num('--rate');
        break;
      case '--warmup':
        args.warmup = Math.floor(num('--warmup'));
        break;
      case '--stall-s':
        args.stallS = num('--stall-s');
        break;
      case '--seed':
        args.seed = Math.floor(num('--seed'));
        break;
      case '--profile':
        args.profile = value();
        break;
      case '--help':
      case '-h':
        console.log('node dist/bench/pipeline.js [--n 5000] [--db sqlite|postgres] [--concurrency 8] [--rate 0] [--warmup 200] [--stall-s 60] [--seed 1] [--profile pipeline.cpuprofile]');
        process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default:
        throw new Error(`unknown argument ${argv[i]} (try --help)`);
    }
  }
  if (args.n < 1) throw new Error('--n must be at least 1');
  return args;
}

// ---------------------------------------------------------------------------------------------
// The baseline: a bare BullMQ chain with the same hops

const BASE_STAGES = ['intake', 'licence-check', 'classification', 'routing'] as const;
const BASE_NEXT: Record<string, { queue: string; job: string }> = {
  intake: { queue: 'licence-check', job: 'request.received' },
  'licence-check': { queue: 'classification', job: 'request.eligibility-decided' },
  classification: { queue: 'routing', job: 'request.classified' },
};

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const stamp = `${Date.now()}`;
  const prefix = `bench-${stamp}`;
  const basePrefix = `bench-${stamp}-base`;
  const redisUrl = (await import('../libs/platform/src')).settingsFromEnv(process.env).redisUrl;
  const database = await scratchDatabase(args.db, stamp);

  benchEnvironment(redisUrl, database.url, prefix, args.concurrency);

  let app: INestApplicationContext | null = null;
  const closers: (() => Promise<unknown>)[] = [];
  let exitCode = 0;
  try {
    const { NestFactory } = await import('@nestjs/core');
    const { Logger } = await import('nestjs-pino');
    const platform = await import('../libs/platform/src');
    const persistence = await import('../libs/persistence/src');
    const messaging = await import('../libs/messaging/src');
    const { ALL_FEATURES } = await import('../apps/standalone/src/all-features');
    const { TriagePreviewController } = await import('../apps/intake/src/triage-preview.controller');
    const typeorm = await import('typeorm');

    const settings = platform.settingsFromEnv();
    app = await NestFactory.createApplicationContext(platform.composeApp(settings, ALL_FEATURES), { bufferLogs: true });
    app.useLogger(app.get(Logger));
    const dataSource = app.get(typeorm.DataSource) as DataSource;

    // Reference data: the demo seed's (products, licences, calendars, SLA plans, teams, producers...).
    const root = platform.repoRoot();
    const seed = await loadDemoReferenceData(dataSource);
    app.get(persistence.ReferenceStore).forget();
    const producer = seed.producers[0].id;
    const teams = seed.teams.map((t) => t.id);

    // Submissions the pipeline routes to a team (decided by the pipeline's own triage preview).
    const previewer = app.get(TriagePreviewController, { strict: false });
    const { pool, candidates } = await buildPool(root, (b) => previewer.preview(b) as never, args.seed);
    if (pool.length === 0) throw new Error('no routable submission could be built from the dataset');
    const warm = drawSubmissions(pool, Math.min(args.warmup, args.n), `w${stamp}`, args.seed + 1);
    const subs = drawSubmissions(pool, args.n, `s${stamp}`, args.seed + 2);
    const byTeam = new Map<string, number>();
    for (const s of subs) byTeam.set(s.team, (byTeam.get(s.team) ?? 0) + 1);

    console.log(
      `pipeline bench: N=${args.n}, concurrency=${args.concurrency} per stage worker, db=${args.db}, ${args.rate > 0 ? `rate=${args.rate}/s` : 'all submitted at once'}, warm-up=${warm.length}`,
    );
    console.log(`  redis ${redisUrl}, prefixes ${prefix} / ${basePrefix}, ${database.label}`);
    console.log(
      `  submissions drawn from ${pool.length} routable variants (of ${candidates} built from bench/classifier/dataset.jsonl); teams: ${[...byTeam]
        .sort((a, b) => b[1] - a[1])
        .map(([t, c]) => `${t} ${c}`)
        .join(', ')}`,
    );

    const stallMs = args.stallS * 1000;
    const blocking = () => new IORedis(redisUrl, { maxRetriesPerRequest: null });
    const producerConn = () => messaging.createRedisConnection(messaging.parseRedisUrl(redisUrl), 'producer');

    // ---- baseline: bare BullMQ chain, same hops, same concurrency, same job options -------------
    const baseProducer = producerConn();
    const baseWorkerConn = messaging.createRedisConnection(messaging.parseRedisUrl(redisUrl), 'worker');
    const baseQueues = new Map<string, Queue>();
    const baseQueue = (name: string) => {
      let q = baseQueues.get(name);
      if (!q) baseQueues.set(name, (q = new Queue(name, { connection: baseProducer, prefix: basePrefix, defaultJobOptions: messaging.DEFAULT_JOB_OPTIONS })));
      return q;
    };
    // The baseline runs before and after the pipeline (the machine is noisy); the second run
    // has the same submissions under other keys, so that no job id repeats.
    const subsAfter = subs.map((s, i) => ({ ...s, key: `a${stamp}-${i}` }));
    const baseTeam = new Map<string, { team: string; priority: number }>();
    for (const s of [...warm, ...subs, ...subsAfter]) baseTeam.set(s.key, { team: s.team, priority: s.priority });
    const baseWorkers = BASE_STAGES.map(
      (stage) =>
        new Worker(
          stage,
          async (job: Job) => {
            if (stage === 'intake') {
              const requestId = `req-${job.id}`;
              await baseQueue(BASE_NEXT.intake.queue).add(BASE_NEXT.intake.job, { requestId }, { jobId: `${requestId}.${BASE_NEXT.intake.job}` });
              return { requestId };
            }
            const { requestId } = job.data as { requestId: string };
            if (stage === 'routing') {
              const route = baseTeam.get(requestId.slice(4)) as { team: string; priority: number };
              await baseQueue(`team-${route.team}`).add('request.queued', { requestId }, { jobId: requestId, priority: route.priority, attempts: 1 });
              return route.team;
            }
            const next = BASE_NEXT[stage];
            await baseQueue(next.queue).add(next.job, { requestId }, { jobId: `${requestId}.${next.job}` });
            return stage;
          },
          { ...messaging.workerOptionsFrom({ concurrency: settings.concurrency, lockMs: settings.workerLockMs }), connection: baseWorkerConn, prefix: basePrefix },
        ),
    );
    const baseArrivals = new Arrivals(blocking, basePrefix, teams);
    await Promise.all([baseArrivals.ready(), ...baseWorkers.map((w) => w.waitUntilReady())]);
    const baseIntake = baseQueue('intake');
    const runBaseline = (batch: Submission[]) =>
      withCpu(async () => {
        baseArrivals.arrived = new Map();
        const started = await submit(baseIntake, batch, args.rate, producer);
        await baseArrivals.wait(batch.length, stallMs);
        const ended = new Map<string, number>();
        for (const [jobId, t] of baseArrivals.arrived) ended.set(jobId.slice(4), t);
        return figures(started, ended);
      });
    closers.push(async () => {
      await Promise.all(baseWorkers.map((w) => w.close()));
      await baseArrivals.close();
      await Promise.all([...baseQueues.values()].map((q) => q.close()));
      baseProducer.disconnect();
      baseWorkerConn.disconnect();
    });
    if (warm.length) await runBaseline(warm);
    const baselineBefore = await runBaseline(subs);

    // ---- the pipeline: the whole system in this process ----------------------------------------
    const pipeProducer = producerConn();
    closers.push(async () => pipeProducer.disconnect());
    const intake = new Queue('intake', { connection: pipeProducer, prefix, defaultJobOptions: messaging.DEFAULT_JOB_OPTIONS });
    closers.push(() => intake.close());
    const arrivals = new Arrivals(blocking, prefix, teams);
    closers.push(() => arrivals.close());
    await arrivals.ready();
    const runPipeline = pipelineRunner({ intake, arrivals, submissions: dataSource.getRepository(persistence.SubmissionEntity), rate: args.rate, producer, stallMs });
    if (warm.length) await runPipeline(warm);
    const pipeline = args.profile ? await profiled(args.profile, () => runPipeline(subs)) : await runPipeline(subs);

    // Let the app finish what the routed requests still cause (the sla queue), then the baseline again.
    const registry = app.get(messaging.QueueRegistry);
    await drain(registry, 120_000);
    const baselineAfter = await runBaseline(subsAfter);
    const baseline = meanOf(baselineBefore, baselineAfter);

    // Anything that failed or is stuck on the way (diagnostics, not part of the figures).
    // And the jobs a submission cost on each queue the pipeline feeds (completed ones are kept), the team queue's not counted.
    const problems: string[] = [];
    const jobsPerSubmission: Record<string, number> = {};
    for (const name of ['intake', 'licence-check', 'classification', 'routing', 'sla', 'notifications']) {
      const counts = await registry.get(name).getJobCounts('completed', 'failed', 'delayed', 'waiting', 'active', 'prioritized');
      jobsPerSubmission[name] = +(Object.values(counts).reduce((a, b) => a + b, 0) / (warm.length + args.n)).toFixed(3);
      const pending = counts.delayed + counts.waiting + counts.active + counts.prioritized;
      if (name === 'notifications') continue; // its mail and webhooks may go on: not the pipeline's
      if (counts.failed || (pending && name !== 'sla')) {
        const [failed] = counts.failed ? await registry.get(name).getFailed(0, 0) : [];
        problems.push(`${name}: ${counts.failed} failed, ${pending} pending${failed ? ` (e.g. ${failed.id}: ${failed.failedReason})` : ''}`);
      }
    }

    // ---- report ----------------------------------------------------------------------------------
    const line = figuresLine;
    const ratio = {
      throughput: pipeline.throughput / baseline.throughput,
      p50: pipeline.p50 / baseline.p50,
      p99: pipeline.p99 / baseline.p99,
      max: pipeline.max / baseline.max,
      cpu: pipeline.cpuMs / baseline.cpuMs,
    };
    console.log('');
    console.log(`  ${'run'.padEnd(9)} ${'arrived'.padStart(6)}  ${'total'.padStart(10)}  ${'throughput'.padStart(14)}`);
    console.log(line('base #1', baselineBefore));
    console.log(line('base #2', baselineAfter));
    console.log(line('baseline', baseline) + '   (mean of #1, #2)');
    console.log(line('pipeline', pipeline));
    console.log(
      `  ratio pipeline/baseline: throughput ×${fmt(ratio.throughput, 3)} (baseline is ${fmt(1 / ratio.throughput, 1)}× faster), p50 latency ×${fmt(ratio.p50, 2)}, p99 latency ×${fmt(ratio.p99, 2)}, max ×${fmt(ratio.max, 2)}, CPU per request ×${fmt(ratio.cpu, 2)}`,
    );
    if (pipeline.arrived < pipeline.submitted || baseline.arrived < baseline.submitted) {
      console.log(`  WARNING: not every submission reached a team queue within the stall limit (${args.stallS} s without progress)`);
      exitCode = 1;
    }
    console.log(`  arrival rate per tenth of the run (req/s): baseline #1 ${baselineBefore.tenths.map((x) => fmt(x)).join(' ')}; pipeline ${pipeline.tenths.map((x) => fmt(x)).join(' ')}`);
    console.log(
      `  jobs per submission: ${Object.entries(jobsPerSubmission)
        .map(([q, n]) => `${q} ${fmt(n, 2)}`)
        .join(', ')} (and 1 in its team queue)`,
    );
    for (const p of problems) console.log(`  problem: ${p}`);
    const round = roundFigures;
    console.log(
      JSON.stringify({
        bench: 'pipeline',
        n: args.n,
        concurrency: args.concurrency,
        db: args.db,
        rate: args.rate,
        warmup: warm.length,
        pipeline: round(pipeline),
        baseline: round(baseline),
        baselineRuns: [round(baselineBefore), round(baselineAfter)],
        jobsPerSubmission,
        ratio: { throughput: +ratio.throughput.toFixed(4), p50: +ratio.p50.toFixed(3), p99: +ratio.p99.toFixed(3), max: +ratio.max.toFixed(3), cpu: +ratio.cpu.toFixed(3) },
      }),
    );
  } catch (error) {
    console.error(`bench/pipeline failed: ${(error as Error).stack ?? error}`);
    exitCode = 1;
  } finally {
    await tearDown({ closers, app, redisUrl, prefixes: [prefix, basePrefix], database });
  }
  process.exit(exitCode);
}

void main();
