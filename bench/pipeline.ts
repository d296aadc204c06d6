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
import { type Job, Queue, QueueEvents, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { loadDemoReferenceData } from '../apps/standalone/src/demo-seed';
import { benchEnvironment, fmt, scratchDatabase, tearDown } from './support/scratch';

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
// Submissions: realistic, varied, each one problem that the pipeline routes to a team

interface Submission {
  key: string; // idempotency key = intake job id
  body: Record<string, unknown>;
  team: string; // where the pipeline will put it (from the triage preview)
  priority: number;
}

interface DatasetItem {
  id: string;
  language: 'en' | 'lv' | 'ru';
  subject: string;
  description: string;
  topic?: string;
  gold: string[];
}

/** A small deterministic PRNG (mulberry32), so a seed gives the same submissions every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES: Record<DatasetItem['language'], string[]> = { lv: ['LV'], ru: ['LV', 'EE', 'LT'], en: ['LV', 'EE', 'LT', 'DE', 'GB', 'US'] };

/** Product/customer profiles over the demo seed's products and licences. */
const PROFILES: { name: string; make: (i: number) => Record<string, unknown> }[] = [
  { name: 'kav-home', make: (i) => ({ customer: { id: `c-${i}` }, product: { code: 'kav', version: '21.3' }, platform: { os: 'windows', osVersion: '11', ramMb: 8192, diskFreeMb: 40000 } }) },
  {
    name: 'kav-home-plus',
    make: () => ({ customer: { id: 'c-1001' }, product: { code: 'kav', version: '21.3' }, licenceKey: 'LIC-ANNA-KAV', platform: { os: 'windows', osVersion: '10', ramMb: 4096, diskFreeMb: 5000 } }),
  },
  { name: 'kis-home', make: (i) => ({ customer: { id: `c-${i}` }, product: { code: 'kis', version: '21' }, platform: { os: 'windows', osVersion: '10', ramMb: 4096, diskFreeMb: 20000 } }) },
  {
    name: 'kesb-acme',
    make: (i) => ({
      customer: { id: `acme-${i}` },
      companyId: 'acme',
      product: { code: 'kesb', version: '12' },
      licenceKey: 'LIC-ACME-KESB',
      platform: { os: 'windows', osVersion: 'server2022', ramMb: 16384, diskFreeMb: 100000 },
    }),
  },
];

const CHANNELS = ['web', 'email', 'portal', 'api'];

async function buildPool(
  root: string,
  preview: (body: unknown) => Promise<{ parts: { team: string | null; priority: number | null }[] }>,
  seed: number,
): Promise<{ pool: Omit<Submission, 'key'>[]; candidates: number }> {
  const items = readFileSync(join(root, 'bench', 'classifier', 'dataset.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DatasetItem)
    .filter((x) => x.gold.length <= 1); // single-problem items: one submission = one request
  const rnd = prng(seed);
  const pool: Omit<Submission, 'key'>[] = [];
  let candidates = 0;
  for (const [index, item] of items.entries()) {
    for (const profile of PROFILES) {
      const base = profile.make(1000 + index) as { customer: Record<string, unknown> } & Record<string, unknown>;
      const countries = COUNTRIES[item.language] ?? ['LV'];
      const country = countries[Math.floor(rnd() * countries.length)];
      const body: Record<string, unknown> = {
        ...base,
        customer: {
          ...base.customer,
          email: `${String(base.customer.id).toLowerCase()}@example.com`,
          country,
          // a third of the customers leave the language to detection
          ...(rnd() < 0.67 ? { language: item.language } : {}),
        },
        channel: CHANNELS[Math.floor(rnd() * CHANNELS.length)],
        ...(item.topic ? { topic: item.topic } : {}),
        subject: item.subject.slice(0, 200),
        description: item.description.slice(0, 20000),
      };
      candidates++;
      let decided;
      try {
        decided = await preview(body);
      } catch (error) {
        if (process.env.BENCH_DEBUG) console.error(error);
        continue; // invalid for the contract: not a useful bench submission
      }
      if (decided.parts.length !== 1 || !decided.parts[0].team) continue; // split, declined, or no team
      pool.push({ body, team: decided.parts[0].team, priority: decided.parts[0].priority ?? 3 });
    }
  }
  return { pool, candidates };
}

function drawSubmissions(pool: Omit<Submission, 'key'>[], n: number, prefix: string, seed: number): Submission[] {
  const rnd = prng(seed);
  return Array.from({ length: n }, (_, i) => {
    const pick = pool[Math.floor(rnd() * pool.length)];
    return { ...pick, key: `${prefix}-${i}` };
  });
}

// ---------------------------------------------------------------------------------------------
// Measurement

/** Redis time (ms) of a stream event id "<ms>-<seq>". */
const streamMs = (id: string) => Number(id.slice(0, id.indexOf('-')));

/** Watches every team queue's event stream and records when each job was added (Redis time). */
class Arrivals {
  private readonly events: QueueEvents[] = [];
  private readonly connections: IORedis[] = [];
  arrived = new Map<string, number>();
  private waiter: { expected: number; resolve: () => void } | null = null;
  lastProgressAt = Date.now();

  constructor(connect: () => IORedis, prefix: string, teams: string[]) {
    for (const team of teams) {
      // lastEventId 0: read the (fresh, empty) stream from its start, so no event is missed
      const connection = connect();
      this.connections.push(connection);
      const events = new QueueEvents(`team-${team}`, { connection, prefix, lastEventId: '0' });
      events.on('added', ({ jobId }: { jobId: string }, id: string) => {
        if (this.arrived.has(jobId)) return;
        this.arrived.set(jobId, streamMs(id));
        this.lastProgressAt = Date.now();
        if (this.waiter && this.arrived.size >= this.waiter.expected) this.waiter.resolve();
      });
      events.on('error', (e) => console.error(`QueueEvents team-${team}: ${e.message}`));
      this.events.push(events);
    }
  }

  ready() {
    return Promise.all(this.events.map((e) => e.waitUntilReady()));
  }

  /** Resolves when `expected` jobs have arrived, or when none arrived for `stallMs`. */
  async wait(expected: number, stallMs: number): Promise<void> {
    if (this.arrived.size >= expected) return;
    this.lastProgressAt = Date.now();
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (Date.now() - this.lastProgressAt > stallMs) done();
      }, 250);
      const done = () => {
        clearInterval(timer);
        this.waiter = null;
        resolve();
      };
      this.waiter = { expected, resolve: done };
    });
  }

  async close() {
    await Promise.all(this.events.map((e) => e.close()));
    for (const c of this.connections) c.disconnect();
  }
}

/** Adds the submissions to the intake queue (all at once, or at `rate` per second); returns key → start ms. */
async function submit(intake: Queue, subs: Submission[], rate: number, producer: string): Promise<Map<string, number>> {
  const started = new Map<string, number>();
  const toJob = (s: Submission) => ({ name: 'request.submitted', data: { ...s.body, idempotencyKey: s.key, producer }, opts: { jobId: s.key } });
  if (rate <= 0) {
    for (let i = 0; i < subs.length; i += 250) {
      const chunk = subs.slice(i, i + 250);
      const t = Date.now();
      for (const s of chunk) started.set(s.key, t);
      await intake.addBulk(chunk.map(toJob));
    }
    return started;
  }
  const t0 = Date.now();
  let next = 0;
  while (next < subs.length) {
    const due = Math.min(subs.length, Math.floor(((Date.now() - t0) / 1000) * rate) + 1);
    if (due > next) {
      const chunk = subs.slice(next, due);
      next = due;
      const t = Date.now();
      for (const s of chunk) started.set(s.key, t);
      await (chunk.length === 1 ? intake.add(toJob(chunk[0]).name, toJob(chunk[0]).data, toJob(chunk[0]).opts) : intake.addBulk(chunk.map(toJob)));
    }
    const wait = t0 + (next / rate) * 1000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait, 50)));
  }
  return started;
}

interface Figures {
  submitted: number;
  arrived: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** Arrival rate (req/s) in each tenth of the run: shows whether the rate holds or decays with N. */
  tenths: number[];
  /** CPU time of this process (user + system) per arrived submission: steadier than seconds on a shared machine. */
  cpuMs: number;
}

/** Runs `run` under the V8 CPU profiler and writes the profile (open it in Chrome's DevTools). */
async function profiled<T>(file: string, run: () => Promise<T>): Promise<T> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`  CPU profile of the pipeline run: ${file}`);
  }
}

/** Runs `run` and adds the process's CPU time per arrived submission to its figures. */
async function withCpu(run: () => Promise<Omit<Figures, 'cpuMs'>>): Promise<Figures> {
  const before = process.cpuUsage();
  const f = await run();
  const used = process.cpuUsage(before);
  return { ...f, cpuMs: (used.user + used.system) / 1000 / Math.max(1, f.arrived) };
}

function figures(started: Map<string, number>, ended: Map<string, number>): Omit<Figures, 'cpuMs'> {
  const latencies: number[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (const t of started.values()) first = Math.min(first, t);
  for (const [key, end] of ended) {
    const start = started.get(key);
    if (start === undefined) continue;
    latencies.push(Math.max(0, end - start));
    last = Math.max(last, end);
  }
  latencies.sort((a, b) => a - b);
  const q = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))] : NaN);
  const seconds = latencies.length ? (last - first) / 1000 : NaN;
  const tenths = new Array(10).fill(0);
  for (const [key, end] of ended) if (started.has(key)) tenths[Math.min(9, Math.floor(((end - first) / (last - first || 1)) * 10))]++;
  return {
    submitted: started.size,
    arrived: latencies.length,
    seconds,
    throughput: latencies.length / seconds,
    p50: q(0.5),
    p99: q(0.99),
    max: latencies.length ? latencies[latencies.length - 1] : NaN,
    mean: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : NaN,
    tenths: tenths.map((c) => +(c / (seconds / 10)).toFixed(1)),
  };
}

/** The mean of two runs, field by field: the baseline's reference figures. */
function meanOf(a: Figures, b: Figures): Figures {
  const m = (x: number, y: number) => (x + y) / 2;
  return {
    submitted: a.submitted,
    arrived: Math.min(a.arrived, b.arrived),
    seconds: m(a.seconds, b.seconds),
    throughput: m(a.throughput, b.throughput),
    p50: m(a.p50, b.p50),
    p99: m(a.p99, b.p99),
    max: m(a.max, b.max),
    mean: m(a.mean, b.mean),
    tenths: a.tenths.map((x, i) => +m(x, b.tenths[i]).toFixed(1)),
    cpuMs: m(a.cpuMs, b.cpuMs),
  };
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
    const submissions = dataSource.getRepository(persistence.SubmissionEntity);
    const runPipeline = (batch: Submission[]) =>
      withCpu(async () => {
        arrivals.arrived = new Map();
        const started = await submit(intake, batch, args.rate, producer);
        await arrivals.wait(batch.length, stallMs);
        // team job id = request id; back to the submission's key through the submissions table
        const keyOf = new Map<string, string>();
        for (const row of await submissions.find({ select: { idempotencyKey: true, requestIds: true } })) {
          for (const id of row.requestIds) keyOf.set(id, row.idempotencyKey as string);
        }
        const ended = new Map<string, number>();
        for (const [requestId, t] of arrivals.arrived) {
          const key = keyOf.get(requestId);
          if (key) ended.set(key, t);
        }
        return figures(started, ended);
      });
    if (warm.length) await runPipeline(warm);
    const pipeline = args.profile ? await profiled(args.profile, () => runPipeline(subs)) : await runPipeline(subs);

    // Let the app finish what the routed requests still cause (the sla queue), then the baseline again.
    const registry = app.get(messaging.QueueRegistry);
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      let busy = 0;
      for (const name of ['intake', 'licence-check', 'classification', 'routing', 'sla', 'feedback-survey']) {
        const c = await registry.get(name).getJobCounts('waiting', 'active', 'prioritized');
        busy += c.waiting + c.active + c.prioritized;
      }
      if (busy === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const baselineAfter = await runBaseline(subsAfter);
    const baseline = meanOf(baselineBefore, baselineAfter);

    // Anything that failed or is stuck on the way (diagnostics, not part of the figures).
    const problems: string[] = [];
    for (const name of ['intake', 'licence-check', 'classification', 'routing', 'sla']) {
      const counts = await registry.get(name).getJobCounts('failed', 'delayed', 'waiting', 'active', 'prioritized');
      const pending = counts.delayed + counts.waiting + counts.active + counts.prioritized;
      if (counts.failed || (pending && name !== 'sla')) {
        const [failed] = counts.failed ? await registry.get(name).getFailed(0, 0) : [];
        problems.push(`${name}: ${counts.failed} failed, ${pending} pending${failed ? ` (e.g. ${failed.id}: ${failed.failedReason})` : ''}`);
      }
    }

    // ---- report ----------------------------------------------------------------------------------
    const line = (label: string, f: Figures) =>
      `  ${label.padEnd(9)} ${String(f.arrived).padStart(6)}/${f.submitted}  ${fmt(f.seconds, 2).padStart(8)} s  ${fmt(f.throughput, 1).padStart(8)} req/s   p50 ${fmt(f.p50).padStart(7)} ms   p99 ${fmt(f.p99).padStart(7)} ms   max ${fmt(f.max).padStart(7)} ms   mean ${fmt(f.mean).padStart(7)} ms   cpu ${fmt(f.cpuMs, 2).padStart(6)} ms/req`;
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
    for (const p of problems) console.log(`  problem: ${p}`);
    const round = (f: Figures) => ({ ...f, seconds: +f.seconds.toFixed(3), throughput: +f.throughput.toFixed(2), mean: +f.mean.toFixed(1), cpuMs: +f.cpuMs.toFixed(3) });
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
