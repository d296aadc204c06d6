/**
 * SLA alarm benchmark: N open paid requests (default 100,000), each with its next alarm (a
 * first-response warning) pending as a delayed job on the `sla` queue, due times spread evenly over
 * --spread-s seconds; then --run-s seconds of those alarms fire through the real SLA worker
 * (SlaProcessor → SlaClockService: loads the request and its timeline, recomputes the clock,
 * records the warning once, publishes the notification, stores the view, schedules the next alarm).
 * Baseline in the same run, first: the same N delayed jobs with the same due times on a bare
 * BullMQ queue with an empty processor, same concurrency.
 *
 *   npm run build && node dist/bench/sla.js [--n 100000] [--spread-s 1800] [--run-s 60] [--db sqlite|postgres] [--concurrency 8]
 *
 * How the requests are made: rows are inserted directly in the database (request + its
 * `request.routed` timeline entry + the view computed with the same pure code the worker uses),
 * and the alarms are scheduled with the worker's own alarm layer (SlaAlarms.scheduleMany), not by
 * pushing N submissions through the pipeline.
 *
 * Lateness of an alarm = when BullMQ handed it to the worker (job.processedOn) − its due time, and
 * when it was done (job.finishedOn, i.e. warning recorded) − its due time; measured over alarms
 * due in the run window. Redis memory per pending alarm = INFO used_memory after scheduling minus
 * before, divided by N.
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { type Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { benchEnvironment, deleteKeys, scratchDatabase } from './support/scratch';

interface Args {
  n: number;
  spreadS: number;
  runS: number;
  db: 'sqlite' | 'postgres';
  concurrency: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { n: 100_000, spreadS: 1800, runS: 60, db: 'sqlite', concurrency: 8 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const v = () => inline ?? argv[++i];
    if (flag === '--n') a.n = Math.floor(Number(v()));
    else if (flag === '--spread-s') a.spreadS = Number(v());
    else if (flag === '--run-s') a.runS = Number(v());
    else if (flag === '--concurrency') a.concurrency = Math.max(1, Math.floor(Number(v())));
    else if (flag === '--db') a.db = v() === 'postgres' ? 'postgres' : 'sqlite';
    else throw new Error(`unknown flag ${flag}`);
  }
  return a;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function usedMemory(redis: IORedis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

interface Figures {
  due: number;
  fired: number;
  pickupP50: number;
  pickupP99: number;
  pickupMax: number;
  doneP50: number;
  doneP99: number;
  doneMax: number;
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** Collects lateness of alarm jobs due in [from, to]. */
class Lateness {
  pickup: number[] = [];
  done: number[] = [];
  constructor(
    private readonly from: number,
    private readonly to: number,
  ) {}
  record(job: Job, at: number): void {
    if (at < this.from || at > this.to) return;
    this.pickup.push((job.processedOn ?? NaN) - at);
    this.done.push((job.finishedOn ?? Date.now()) - at);
  }
  figures(due: number): Figures {
    const p = [...this.pickup].sort((x, y) => x - y);
    const d = [...this.done].sort((x, y) => x - y);
    return { due, fired: p.length, pickupP50: pct(p, 50), pickupP99: pct(p, 99), pickupMax: p[p.length - 1] ?? NaN, doneP50: pct(d, 50), doneP99: pct(d, 99), doneMax: d[d.length - 1] ?? NaN };
  }
}

/** Due times: N spread evenly over spreadS seconds from t0. */
const dueTimes = (n: number, t0: number, spreadS: number) => Array.from({ length: n }, (_, i) => t0 + Math.floor((i * spreadS * 1000) / n));

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const stamp = `${Date.now()}`;
  const prefix = `bench-sla-${stamp}`;
  const basePrefix = `${prefix}-base`;
  const redisUrl = (await import('../libs/platform/src')).settingsFromEnv(process.env).redisUrl;
  const database = await scratchDatabase(args.db, `sla_${stamp}`);
  benchEnvironment(redisUrl, database.url, prefix, args.concurrency);
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const windowMs = args.runS * 1000;
  const inWindow = (times: number[], from: number, to: number) => times.filter((t) => t >= from && t <= to).length;
  let app: INestApplicationContext | null = null;
  let exit = 0;
  try {
    // ---- baseline: bare BullMQ delayed jobs, empty processor ---------------------------------
    const baseQueue = new Queue('alarms', { connection: redis, prefix: basePrefix });
    const lead = 30_000; // scheduling 100k jobs takes seconds; the window starts after it
    let t0 = Date.now() + lead;
    let times = dueTimes(args.n, t0, args.spreadS);
    const before = await usedMemory(redis);
    const scheduleStart = Date.now();
    for (let i = 0; i < args.n; i += 1000) {
      const now = Date.now();
      await baseQueue.addBulk(
        times.slice(i, i + 1000).map((at, k) => ({ name: 'alarm', data: { requestId: `r${i + k}`, at }, opts: { jobId: `a.${i + k}`, delay: Math.max(0, at - now), removeOnComplete: true } })),
      );
    }
    const baseScheduleS = (Date.now() - scheduleStart) / 1000;
    const baseBytes = (await usedMemory(redis)) - before;
    let from = Math.max(t0, Date.now() + 2000);
    let to = from + windowMs;
    const baseLate = new Lateness(from, to);
    const baseWorkerConn = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    const baseWorker = new Worker('alarms', async () => undefined, { connection: baseWorkerConn, prefix: basePrefix, concurrency: args.concurrency });
    baseWorker.on('completed', (job) => baseLate.record(job, job.data.at as number));
    console.log(`baseline: ${args.n} delayed jobs scheduled in ${baseScheduleS.toFixed(1)} s; measuring alarms due in the next ${args.runS} s...`);
    while (Date.now() < to + 3000) await sleep(500);
    await baseWorker.close();
    baseWorkerConn.disconnect();
    const base = baseLate.figures(inWindow(times, from, to));
    await baseQueue.close();
    await deleteKeys(redisUrl, basePrefix);

    // ---- the SLA worker ----------------------------------------------------------------------
    const { NestFactory } = await import('@nestjs/core');
    const platform = await import('../libs/platform/src');
    const persistence = await import('../libs/persistence/src');
    const domain = await import('../libs/domain/src');
    const { SlaModule } = await import('../apps/sla/src/sla.module');
    const { SlaProcessor } = await import('../apps/sla/src/sla.processor');
    const { SlaAlarms } = await import('../apps/sla/src/sla-alarms');
    const timeline = await import('../apps/sla/src/sla-timeline');
    const typeorm = await import('typeorm');
    const settings = platform.settingsFromEnv();
    app = await NestFactory.createApplicationContext(platform.composeApp(settings, [SlaModule]), { logger: ['error'] });
    const ds = app.get(typeorm.DataSource) as DataSource;
    const plan = { id: 'bench', hours: '24x7' as const, firstResponseMinutes: { '3': 60 }, resolutionMinutes: { '3': 240 }, warnAtPercent: 80 };
    await ds.getRepository(persistence.SlaPlanEntity).save(plan);
    await ds.getRepository(persistence.TeamEntity).save({ id: 'bench-team', segment: 'home', countries: ['*'], languages: ['en'], skills: [], calendar: null });
    // Warning at 80 % of 60 min = 48 min after receipt: receipt = due − 48 min.
    const dbStart = Date.now();
    t0 = Date.now() + Math.max(lead, 60_000 + args.n * 0.5); // rows + jobs take a while
    times = dueTimes(args.n, t0, args.spreadS);
    const setupNow = new Date();
    const requests = ds.getRepository(persistence.RequestEntity);
    const entries = ds.getRepository(persistence.TimelineEventEntity);
    const alarms: { requestId: string; alarm: { kind: 'warning' | 'breach'; target: 'first-response' | 'resolution'; at: string } }[] = [];
    for (let i = 0; i < args.n; i += 500) {
      const rows: object[] = [];
      const facts: object[] = [];
      for (let k = i; k < Math.min(args.n, i + 500); k++) {
        const id = `req_bench${String(k).padStart(7, '0')}`;
        const receivedAt = new Date(times[k] - 48 * 60_000).toISOString();
        const routed = {
          at: new Date(times[k] - 48 * 60_000 + 1000).toISOString(),
          event: 'request.routed' as const,
          detail: { team: 'bench-team', priority: 3, reason: 'bench', fallback: false, clauses: ['2.2'], priorityReason: 'bench' },
        };
        const events = timeline.slaEvents({ receivedAt, supportPlan: 'bench' }, [routed], { plans: new Map([['bench', plan]]), calendars: new Map([['bench-team', domain.ALWAYS_OPEN]]) });
        const view = timeline.slaView(domain.computeSlaClock(events!, setupNow), plan, 'bench-team', domain.ALWAYS_OPEN, receivedAt);
        rows.push({
          id,
          submissionId: `sub_bench${k}`,
          partIndex: 0,
          producerId: 'bench',
          status: 'queued',
          ...domain.UNDECIDED,
          segment: 'home',
          country: 'LV',
          language: 'en',
          customerId: `c-${k}`,
          customerEmail: `c${k}@example.lv`,
          companyId: null,
          productCode: 'kav',
          productVersion: '21.3',
          platform: null,
          licenceKey: 'LIC-BENCH',
          channel: 'web',
          topic: null,
          subject: `Bench request ${k}`,
          description: 'bench',
          rulesVersion: null,
          eligibility: { decision: 'supported' },
          supportPlan: 'bench',
          teamId: 'bench-team',
          priority: 3,
          sla: view,
          slaNextAlarmAt: view.nextAlarm?.at ?? null,
          receivedAt,
          updatedAt: receivedAt,
        });
        facts.push({ requestId: id, at: routed.at, stage: 'routing', event: routed.event, detail: routed.detail, effectKey: 'routing' });
        if (view.nextAlarm) alarms.push({ requestId: id, alarm: view.nextAlarm });
      }
      await ds.transaction(async (m) => {
        await m.insert(persistence.RequestEntity, rows as never);
        await m.insert(persistence.TimelineEventEntity, facts as never);
      });
    }
    void requests;
    void entries;
    const dbS = (Date.now() - dbStart) / 1000;
    const slaBefore = await usedMemory(redis);
    const slaScheduleStart = Date.now();
    await app.get(SlaAlarms).scheduleMany(alarms);
    const slaScheduleS = (Date.now() - slaScheduleStart) / 1000;
    const slaBytes = (await usedMemory(redis)) - slaBefore;
    from = Math.max(t0, Date.now() + 2000);
    to = from + windowMs;
    const slaLate = new Lateness(from, to);
    const worker = app.get(SlaProcessor).worker;
    worker.on('completed', (job) => {
      if (job.name === 'sla.alarm-due') slaLate.record(job, Date.parse(job.data.at));
    });
    worker.on('failed', (job, err) => {
      if (job?.name === 'sla.alarm-due') console.error(`alarm ${job.id} failed: ${err.message}`);
    });
    console.log(`sla: ${args.n} requests inserted in ${dbS.toFixed(1)} s, ${alarms.length} alarms scheduled in ${slaScheduleS.toFixed(1)} s; waiting for the window, then measuring ${args.runS} s...`);
    while (Date.now() < to + 3000) await sleep(500);
    const sla = slaLate.figures(inWindow(times, from, to));
    const warnings = await entries.countBy({ event: 'sla.warning' });

    const f = (x: number) => (Number.isFinite(x) ? `${Math.round(x)}` : '-');
    const line = (label: string, x: Figures, bytes: number) =>
      `  ${label.padEnd(9)} fired ${x.fired}/${x.due} due in window   pickup p50 ${f(x.pickupP50)} ms  p99 ${f(x.pickupP99)} ms  max ${f(x.pickupMax)} ms   done p50 ${f(x.doneP50)} ms  p99 ${f(x.doneP99)} ms  max ${f(x.doneMax)} ms   Redis ${(bytes / args.n).toFixed(0)} B/pending alarm`;
    console.log('');
    console.log(`  N=${args.n} pending alarms spread over ${args.spreadS} s (${(args.n / args.spreadS).toFixed(1)}/s), window ${args.runS} s, concurrency ${args.concurrency}, db ${args.db}`);
    console.log(line('baseline', base, baseBytes));
    console.log(line('sla', sla, slaBytes));
    console.log(
      `  ratio sla/baseline: done p50 ×${(sla.doneP50 / base.doneP50).toFixed(2)}, p99 ×${(sla.doneP99 / base.doneP99).toFixed(2)}, memory ×${(slaBytes / baseBytes).toFixed(2)}; warnings recorded: ${warnings}`,
    );
    if (sla.fired < sla.due || base.fired < base.due) {
      console.log('  WARNING: not every alarm due in the window fired within it');
      exit = 1;
    }
    console.log(
      JSON.stringify({
        bench: 'sla',
        ...args,
        baseline: { ...base, bytesPerAlarm: baseBytes / args.n, scheduleS: baseScheduleS },
        sla: { ...sla, bytesPerAlarm: slaBytes / args.n, scheduleS: slaScheduleS, insertS: dbS, warnings },
      }),
    );
  } catch (error) {
    console.error(`bench/sla failed: ${(error as Error).stack ?? error}`);
    exit = 1;
  } finally {
    if (app) await app.close().catch((e) => console.error(`closing: ${(e as Error).message}`));
    await deleteKeys(redisUrl, prefix).catch(() => 0);
    await deleteKeys(redisUrl, basePrefix).catch(() => 0);
    redis.disconnect();
    await database.drop().catch(() => undefined);
  }
  process.exit(exit);
}

void main();
