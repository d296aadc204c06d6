/**
 * Scale-out benchmark: the pipeline bench's measurement (submissions added to queue `intake`,
 * latency until each one's job exists in its team queue, throughput) with the apps as separate
 * processes from dist/, two copies of each worker app (intake, licence-check, classification,
 * agent-desk, sla, notifier), against the same measurement with the whole system in one
 * standalone process — same database kind, same submissions, same concurrency, same run.
 *
 *   npm run build && node dist/bench/scale-out.js [--n 1000] [--db postgres|sqlite] [--copies 2]
 *        [--concurrency 8] [--rate 0] [--warmup 200] [--stall-s 60] [--seed 1] [--pool-size 3]
 *
 * `--pool-size`: DATABASE_POOL_SIZE of each process of the multi-process run (the standalone
 * keeps the default 10): the PostgreSQL server's 100 connections are shared.
 *
 * Order: single, multi, single again (the machine is noisy: the single figures are the mean of
 * the two). Each run has a fresh database (PostgreSQL by default, as on BENCH_PG_URL for
 * bench/pipeline) with the demo seed's reference data, and its own queue prefix; everything is
 * dropped and deleted at the end. The bench process only adds jobs and watches the team queues.
 */
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { loadDemoReferenceData } from '../apps/standalone/src/demo-seed';
import { parseFlags } from './support/args';
import { Arrivals, type Figures, figuresLine, meanOf, pipelineRunner, roundFigures } from './support/measure';
import { startApp, stopApp } from './support/processes';
import { benchEnvironment, deleteKeys, fmt, scratchDatabase, tearDown } from './support/scratch';
import { buildPool, drawSubmissions, type Submission } from './support/submissions';

const USAGE = 'node dist/bench/scale-out.js [--n 1000] [--db postgres|sqlite] [--copies 2] [--concurrency 8] [--rate 0] [--warmup 200] [--stall-s 60] [--seed 1] [--pool-size 3]';
const FLAGS = { n: 1000, db: ['postgres', 'sqlite'] as const, copies: 2, concurrency: 8, rate: 0, warmup: 200, 'stall-s': 60, seed: 1, 'pool-size': 3 };

/** The worker apps of the pipeline and what follows routing; each runs `--copies` times in the multi-process run. */
const WORKER_APPS = ['intake', 'licence-check', 'classification', 'agent-desk', 'sla', 'notifier'];
/** The queues whose workers must be connected before a run starts (agent-desk consumes `routing`). */
const STAGE_QUEUES = ['intake', 'licence-check', 'classification', 'routing', 'sla'];

type Mode = 'single' | 'multi';

async function main(): Promise<void> {
  const args = parseFlags(process.argv.slice(2), FLAGS, USAGE);
  const n = Math.max(1, Math.floor(args.n));
  const copies = Math.max(1, Math.floor(args.copies));
  const stamp = `${Date.now()}`;
  const platform = await import('../libs/platform/src');
  const redisUrl = platform.settingsFromEnv(process.env).redisUrl;
  const { MailCatcher } = await import('../apps/notifier/src/catcher/mail-catcher');
  const persistence = await import('../libs/persistence/src');
  let exitCode = 0;

  // Every run mails through one catcher here, so both sides do the same mail work
  // (without SMTP_URL the standalone would start its own and the notifiers would fail theirs).
  const catcher = new MailCatcher();
  const smtpUrl = `smtp://127.0.0.1:${await catcher.start()}`;

  // The submissions: built once, with the triage preview of an in-process intake app on the first run's database.
  let pool: Omit<Submission, 'key'>[] = [];
  const setup = async (databaseUrl: string) => {
    const { NestFactory } = await import('@nestjs/core');
    const { IntakeModule } = await import('../apps/intake/src/intake.module');
    const { TriagePreviewController } = await import('../apps/intake/src/triage-preview.controller');
    benchEnvironment(redisUrl, databaseUrl, `bench-${stamp}-setup`, args.concurrency);
    const app = await NestFactory.createApplicationContext(platform.composeApp(platform.settingsFromEnv(), [IntakeModule]), { logger: false });
    try {
      const previewer = app.get(TriagePreviewController, { strict: false });
      pool = (await buildPool(platform.repoRoot(), (b) => previewer.preview(b) as never, args.seed)).pool;
    } finally {
      await app.close();
    }
    if (pool.length === 0) throw new Error('no routable submission could be built from the dataset');
  };

  /** One run: fresh database and prefix, the apps started as processes, warm-up, N measured, all stopped and removed. */
  const run = async (mode: Mode, label: string): Promise<Figures> => {
    const tag = `${stamp}_${label.replace(/\W/g, '')}`;
    const prefix = `bench-${tag}`;
    const database = await scratchDatabase(args.db, tag);
    const closers: (() => Promise<unknown>)[] = [];
    const procs: ChildProcess[] = [];
    try {
      const dataSource = await persistence.openDatabase(database.url, 2);
      closers.push(() => dataSource.destroy());
      const seed = await loadDemoReferenceData(dataSource);
      if (pool.length === 0) await setup(database.url);
      const env = {
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: prefix,
        WORKER_CONCURRENCY: String(args.concurrency),
        LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
        DEMO_SEED: 'off',
        SMTP_URL: smtpUrl,
        PORT: '0',
        INTAKE_PORT: '0',
        AGENT_DESK_PORT: '0',
        NOTIFIER_PORT: '0',
        // PostgreSQL allows 100 connections in all (shared with whatever else runs): 12 processes × 10 would not fit.
        ...(mode === 'multi' ? { DATABASE_POOL_SIZE: String(args['pool-size']) } : {}),
      };
      closers.push(() => Promise.all(procs.map((p) => stopApp(p))));
      if (mode === 'single') procs.push(startApp('standalone', env, `bench-${tag}-standalone`));
      else for (const app of WORKER_APPS) for (let c = 1; c <= copies; c++) procs.push(startApp(app, env, `bench-${tag}-${app}-${c}`));
      const producerConn = new IORedis(redisUrl, { maxRetriesPerRequest: null });
      closers.push(async () => producerConn.disconnect());
      const intake = new Queue('intake', { connection: producerConn, prefix });
      closers.push(() => intake.close());
      // Ready when every stage queue has its workers (one standalone, or `copies` processes each).
      const want = mode === 'single' ? 1 : copies;
      for (const name of STAGE_QUEUES) {
        const queue = new Queue(name, { connection: producerConn, prefix });
        for (const deadline = Date.now() + 180_000; (await queue.getWorkersCount()) < want;) {
          const died = procs.find((p) => p.exitCode !== null);
          if (died || Date.now() > deadline) throw new Error(`the ${mode} run's ${name} workers did not start (logs: /tmp/bench-${tag}-*.log)`);
          await new Promise((r) => setTimeout(r, 250));
        }
        await queue.close();
      }
      const arrivals = new Arrivals(
        () => new IORedis(redisUrl, { maxRetriesPerRequest: null }),
        prefix,
        seed.teams.map((t) => t.id),
      );
      closers.push(() => arrivals.close());
      await arrivals.ready();
      const measure = pipelineRunner({
        intake,
        arrivals,
        submissions: dataSource.getRepository(persistence.SubmissionEntity),
        rate: args.rate,
        producer: seed.producers[0].id,
        stallMs: args['stall-s'] * 1000,
      });
      const warmup = Math.min(Math.floor(args.warmup), n);
      if (warmup) await measure(drawSubmissions(pool, warmup, `w${tag}`, args.seed + 1));
      const figures = await measure(drawSubmissions(pool, n, `s${tag}`, args.seed + 2));
      console.log(figuresLine(label, figures) + `   (${procs.length} process${procs.length > 1 ? 'es' : ''})`);
      return figures;
    } finally {
      await tearDown({ closers, app: null, redisUrl, prefixes: [prefix], database });
    }
  };

  try {
    console.log(
      `scale-out bench: N=${n}, db=${args.db}, concurrency=${args.concurrency} per stage worker, ${args.rate > 0 ? `rate=${args.rate}/s` : 'all submitted at once'}, warm-up=${Math.min(args.warmup, n)}; multi = ${copies} × ${WORKER_APPS.join(', ')}`,
    );
    console.log(`  (process CPU in the figures is the bench process's only: the apps run in their own processes)`);
    const single1 = await run('single', 'single#1');
    const multi = await run('multi', 'multi');
    const single2 = await run('single', 'single#2');
    const single = meanOf(single1, single2);
    console.log(figuresLine('single', single) + '   (mean of #1, #2)');
    const ratio = { throughput: multi.throughput / single.throughput, p50: multi.p50 / single.p50, p99: multi.p99 / single.p99 };
    console.log(`  ratio multi/single: throughput ×${fmt(ratio.throughput, 2)}, p50 latency ×${fmt(ratio.p50, 2)}, p99 latency ×${fmt(ratio.p99, 2)}`);
    if ([single1, multi, single2].some((f) => f.arrived < f.submitted)) {
      console.log(`  WARNING: not every submission reached a team queue within the stall limit (${args['stall-s']} s without progress)`);
      exitCode = 1;
    }
    console.log(
      JSON.stringify({
        bench: 'scale-out',
        n,
        db: args.db,
        copies,
        apps: WORKER_APPS,
        concurrency: args.concurrency,
        rate: args.rate,
        single: roundFigures(single),
        singleRuns: [roundFigures(single1), roundFigures(single2)],
        multi: roundFigures(multi),
        ratio: { throughput: +ratio.throughput.toFixed(3), p50: +ratio.p50.toFixed(3), p99: +ratio.p99.toFixed(3) },
      }),
    );
  } catch (error) {
    console.error(`bench/scale-out failed: ${(error as Error).stack ?? error}`);
    exitCode = 1;
  } finally {
    await catcher.stop();
    await deleteKeys(redisUrl, `bench-${stamp}-setup`).catch(() => 0); // the setup app's queues (no jobs, their metadata)
  }
  process.exit(exitCode);
}

void main();
