/**
 * Claims benchmark: many agents claiming at once from one team queue pre-filled with N requests,
 * through the real system in this process (HTTP: POST /v1/agent/claims with each agent's key,
 * or `--via service`: ClaimsService.claim directly), next to a baseline measured in the same run
 * on the same Redis: bare BullMQ `Worker.getNextJob(token)` by the same number of concurrent
 * claimers on a queue filled with the same jobs. Prints claims/s and p50/p99/max latency of both
 * and their ratios, then one JSON line.
 *
 *   npm run build && node dist/bench/claims.js [--n 2000] [--agents 50] [--db sqlite|postgres]
 *        [--then resolve|hold] [--via http|service] [--rate R]
 *
 * `--then resolve` (default): after each claim the agent resolves the request
 * (POST /v1/requests/:id/resolve); the baseline's claimer does `job.moveToCompleted` with its
 * token. `--then hold`: agents keep every lease (the baseline keeps its jobs active): claims only.
 * Latency of one claim = from just before the call to its answer (the HTTP round trip, or the
 * service call); claims/s = claims / (last answer − first call), the follow-up included.
 * `--rate R`: the agents start R claims per second between them, on a fixed schedule (agent k's
 * i-th claim at (i·agents + k) / R s), as agents who spend time on what they claimed do; latency is
 * then what one claim costs at that load rather than the queue in front of a saturated process.
 *
 * Environment: REDIS_URL (default redis://127.0.0.1:6379); BENCH_PG_URL for `--db postgres`
 * (default postgres://postgres@127.0.0.1:5432/postgres; a fresh database is created and dropped).
 * Everything lives under fresh queue prefixes (bench-claims-<time>, …-base) deleted at the end.
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type Job, Queue, Worker } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { fmt, scratchDatabase, tearDown } from './support/scratch';
import { latencySummary, profiled } from './support/measure';

interface Args {
  n: number;
  agents: number;
  db: 'sqlite' | 'postgres';
  then: 'resolve' | 'hold';
  via: 'http' | 'service';
  /** Claims started per second across all agents (0: each agent claims again as soon as it has its answer). */
  rate: number;
  /** Write a CPU profile of the system's run (only) to this file. */
  profile: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { n: 2000, agents: 50, db: 'sqlite', then: 'resolve', via: 'http', rate: 0, profile: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    const int = (name: string) => {
      const n = Math.floor(Number(value()));
      if (!Number.isFinite(n) || n < 1) throw new Error(`${name} wants a whole number ≥ 1`);
      return n;
    };
    const oneOf = <T extends string>(name: string, allowed: T[]): T => {
      const v = value() as T;
      if (!allowed.includes(v)) throw new Error(`${name} wants ${allowed.join(' or ')}`);
      return v;
    };
    switch (flag) {
      case '--n':
        args.n = int('--n');
        break;
      case '--agents':
        args.agents = int('--agents');
        break;
      case '--db':
        args.db = oneOf('--db', ['sqlite', 'postgres']);
        break;
      case '--then':
        args.then = oneOf('--then', ['resolve', 'hold']);
        break;
      case '--via':
        args.via = oneOf('--via', ['http', 'service']);
        break;
      case '--rate':
        args.rate = int('--rate');
        break;
      case '--profile':
        args.profile = value();
        break;
      case '--help':
      case '-h':
        console.log('node dist/bench/claims.js [--n 2000] [--agents 50] [--db sqlite|postgres] [--then resolve|hold] [--via http|service] [--rate claims/s] [--profile claims.cpuprofile]');
        process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default:
        throw new Error(`unknown argument ${argv[i]} (try --help)`);
    }
  }
  return args;
}

// ---------------------------------------------------------------------------------------------
// Measurement

interface Figures {
  claims: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** Requests claimed by two claimers (must be 0). */
  duplicates: number;
}

/** Runs `agents` claimers at once until every one of them finds the queue empty; at `rate` claims/s between them when given. */
async function race(agents: number, claimOnce: (agent: number) => Promise<string | null>, rate = 0): Promise<Figures> {
  const latencies: number[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  const t0 = performance.now();
  let last = t0;
  await Promise.all(
    Array.from({ length: agents }, async (_, agent) => {
      for (let i = 0; ; i++) {
        const wait = rate ? t0 + ((i * agents + agent) * 1000) / rate - performance.now() : 0;
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const start = performance.now();
        const id = await claimOnce(agent);
        if (id === null) return;
        latencies.push(performance.now() - start);
        if (seen.has(id)) duplicates++;
        seen.add(id);
        last = performance.now();
      }
    }),
  );
  // claimOnce includes the follow-up (resolve / moveToCompleted): `last` is after it.

  const seconds = (last - t0) / 1000;
  return {
    claims: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    ...latencySummary(latencies),
    duplicates,
  };
}

function meanOf(a: Figures, b: Figures): Figures {
  const m = (x: number, y: number) => (x + y) / 2;
  return {
    claims: Math.min(a.claims, b.claims),
    seconds: m(a.seconds, b.seconds),
    perSecond: m(a.perSecond, b.perSecond),
    p50: m(a.p50, b.p50),
    p99: m(a.p99, b.p99),
    max: m(a.max, b.max),
    mean: m(a.mean, b.mean),
    duplicates: a.duplicates + b.duplicates,
  };
}

// ---------------------------------------------------------------------------------------------
// Housekeeping

const TEAM = 'home-malware';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const stamp = `${Date.now()}`;
  const prefix = `bench-claims-${stamp}`;
  const basePrefix = `${prefix}-base`;
  const redisUrl = (await import('../libs/platform/src')).settingsFromEnv(process.env).redisUrl;
  const database = await scratchDatabase(args.db, `claims_${stamp}`);
  const adminKey = `bench-admin-${randomBytes(12).toString('hex')}`;
  // A lease long enough that nothing lapses during the run (--then hold keeps every lease).
  const leaseMs = 15 * 60_000;

  Object.assign(process.env, {
    REDIS_URL: redisUrl,
    DATABASE_URL: database.url,
    QUEUE_PREFIX: prefix,
    ADMIN_API_KEY: adminKey,
    LEASE_MS: String(leaseMs),
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    DEMO_SEED: 'off',
  });

  let app: INestApplication | null = null;
  const closers: (() => Promise<unknown>)[] = [];
  let exitCode = 0;
  try {
    const { NestFactory } = await import('@nestjs/core');
    const platform = await import('../libs/platform/src');
    const persistence = await import('../libs/persistence/src');
    const contracts = await import('../libs/contracts/src');
    const domain = await import('../libs/domain/src');
    const messaging = await import('../libs/messaging/src');
    const { AgentDeskModule } = await import('../apps/agent-desk/src/agent-desk.module');
    const { AdminModule } = await import('../apps/admin/src/admin.module');
    const { ClaimsService } = await import('../apps/agent-desk/src/claims.service');
    const { ConversationService } = await import('../apps/agent-desk/src/conversation.service');
    const typeorm = await import('typeorm');

    // The agents' side of the system (agent desk + admin API), as `node dist/apps/agent-desk/main.js` runs it, over HTTP.
    const settings = platform.settingsFromEnv();
    app = await NestFactory.create(platform.composeApp(settings, [AgentDeskModule, AdminModule]), { logger: false });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const dataSource = app.get(typeorm.DataSource) as DataSource;

    // Reference data: the demo seed's teams; agents through the admin API (one key each).
    const seed = JSON.parse(readFileSync(join(platform.repoRoot(), 'config', 'demo', 'seed.json'), 'utf8')) as { teams: { id: string }[] };
    await dataSource.getRepository(persistence.TeamEntity).save(seed.teams as never);
    const call = async (method: string, path: string, key: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    const agentKeys: string[] = [];
    const agentIds: string[] = [];
    for (let i = 0; i < args.agents; i++) {
      const id = `bench-agent-${i}`;
      agentIds.push(id);
      agentKeys.push((await call('PUT', `/v1/admin/agents/${id}`, adminKey, { name: `Agent ${i}`, teams: [TEAM] })).body.key);
    }

    // The same N jobs for each run: priorities 1–3 (paid plans first), like routing makes them.
    const priorities = Array.from({ length: args.n }, (_, i) => [3, 3, 2, 1][i % 4]);
    const teamQueue = contracts.teamQueueName(TEAM);
    const jobOpts = (jobId: string, level: number) => ({ jobId, priority: domain.queuePriority(level, null), attempts: 1, removeOnComplete: { age: 3600, count: 10_000 } });

    // Pre-fill the system: N queued requests in the database and their jobs in the team queue.
    const fill = async (tag: string, count = args.n) => {
      const now = new Date().toISOString();
      const rows = priorities.slice(0, count).map((priority, i) => ({
        id: `req_${tag}_${i}`,
        submissionId: `sub_${tag}_${i}`,
        partIndex: 1,
        producerId: 'bench',
        status: 'queued',
        segment: 'home',
        country: 'LV',
        language: 'en',
        customerId: `c-${i}`,
        customerEmail: `c-${i}@example.com`,
        companyId: null,
        productCode: 'kav',
        productVersion: '21.3',
        platform: null,
        licenceKey: null,
        channel: 'web',
        topic: null,
        subject: `Malware not detected #${i}`,
        description: 'Kaspersky did not detect a trojan on my computer.',
        rulesVersion: '2022-04-07',
        eligibility: { decision: 'supported', clauses: ['4.5a'], reason: 'home' },
        classification: { clause: '4.1.2b', scope: 'included', confidence: 0.9, caveats: [] },
        outcome: null,
        supportPlan: null,
        teamId: TEAM,
        priority,
        assigneeId: null,
        sla: null,
        queueJob: { queue: teamQueue, id: `req_${tag}_${i}` },
        receivedAt: now,
        updatedAt: now,
      }));
      const repo = dataSource.getRepository(persistence.RequestEntity);
      for (let i = 0; i < rows.length; i += 200) await repo.insert(rows.slice(i, i + 200) as never);
      const queue = app!.get(messaging.QueueRegistry).get(teamQueue);
      for (let i = 0; i < rows.length; i += 250) await queue.addBulk(rows.slice(i, i + 250).map((r) => ({ name: 'request.queued', data: { requestId: r.id }, opts: jobOpts(r.id, r.priority) })));
    };

    // ---- the system ---------------------------------------------------------------------------
    const claims = app.get(ClaimsService);
    const conversation = app.get(ConversationService);
    const reference = app.get(persistence.ReferenceStore);
    const agents = await Promise.all(agentIds.map(async (id) => (await reference.agent(id))!));
    const systemClaim = async (agent: number): Promise<string | null> => {
      if (args.via === 'service') {
        const claim = await claims.claim(agents[agent]);
        if (!claim) return null;
        if (args.then === 'resolve') await conversation.resolve(agents[agent], claim.request, 'done');
        return claim.request.id;
      }
      const res = await call('POST', '/v1/agent/claims', agentKeys[agent]);
      if (res.status === 204) return null;
      const id = res.body.request.id as string;
      if (args.then === 'resolve') await call('POST', `/v1/requests/${id}/resolve`, agentKeys[agent], { summary: 'done' });
      return id;
    };

    // ---- the baseline: bare BullMQ on the same Redis ----------------------------------------------
    const baseProducer = messaging.createRedisConnection(messaging.parseRedisUrl(redisUrl), 'producer');
    const baseWorkerConn = messaging.createRedisConnection(messaging.parseRedisUrl(redisUrl), 'worker');
    const baseQueue = new Queue(teamQueue, { connection: baseProducer, prefix: basePrefix });
    const baseWorker = new Worker(teamQueue, null, { connection: baseWorkerConn, prefix: basePrefix, autorun: false, lockDuration: leaseMs, maxStalledCount: Number.MAX_SAFE_INTEGER });
    closers.push(async () => {
      await baseWorker.close();
      await baseQueue.close();
      baseProducer.disconnect();
      baseWorkerConn.disconnect();
    });
    const baseFill = async (tag: string, count = args.n) => {
      for (let i = 0; i < count; i += 250) {
        await baseQueue.addBulk(
          priorities.slice(i, Math.min(i + 250, count)).map((level, k) => ({ name: 'request.queued', data: { requestId: `req_${tag}_${i + k}` }, opts: jobOpts(`req_${tag}_${i + k}`, level) })),
        );
      }
    };
    const baseClaim = async (): Promise<string | null> => {
      const token = randomUUID();
      const job = (await baseWorker.getNextJob(token, { block: false })) as Job | undefined;
      if (!job) return null;
      if (args.then === 'resolve') await job.moveToCompleted('done', token, false);
      return job.id as string;
    };

    console.log(
      `claims bench: N=${args.n} requests in team queue ${teamQueue}, ${args.agents} agents claiming at once${args.rate ? ` at ${args.rate} claims/s between them` : ''}, then ${args.then}, via ${args.via}, db=${args.db}`,
    );
    console.log(`  redis ${redisUrl}, prefixes ${prefix} / ${basePrefix}, ${database.label}`);

    // Warm-up (not measured): a few claims each way, so that connections, workers and statements exist.
    const warm = Math.min(args.agents * 2, 100);
    await fill('w', warm);
    await baseFill('w', warm);
    for (let i = 0; i < warm; i++) {
      await systemClaim(i % args.agents);
      await baseClaim();
    }
    // Empty both queues of what the warm-up left (its jobs are not part of the runs).
    for (let c = await systemClaim(0); c; c = await systemClaim(0));
    for (let c = await baseClaim(); c; c = await baseClaim());

    await baseFill('b1');
    const base1 = await race(args.agents, () => baseClaim(), args.rate);
    await fill('s');
    const runSystem = () => race(args.agents, systemClaim, args.rate);
    const system = args.profile ? await profiled(args.profile, runSystem) : await runSystem();
    await baseFill('b2');
    const base2 = await race(args.agents, () => baseClaim(), args.rate);
    const baseline = meanOf(base1, base2);

    // Every request claimed exactly once, and where the system says it is.
    const repo = dataSource.getRepository(persistence.RequestEntity);
    const expected = args.then === 'resolve' ? 'resolved' : 'assigned';
    const right = await repo.count({ where: { id: typeorm.Like('req_s_%'), status: expected } });
    const leftInQueue = await app.get(messaging.QueueRegistry).get(teamQueue).getJobCounts('wait', 'prioritized');

    const line = (label: string, f: Figures) =>
      `  ${label.padEnd(9)} ${String(f.claims).padStart(6)} claims  ${fmt(f.seconds, 2).padStart(7)} s  ${fmt(f.perSecond, 1).padStart(8)} claims/s   p50 ${fmt(f.p50, 1).padStart(7)} ms   p99 ${fmt(f.p99, 1).padStart(7)} ms   max ${fmt(f.max, 1).padStart(7)} ms   mean ${fmt(f.mean, 1).padStart(7)} ms   duplicates ${f.duplicates}`;
    const ratio = { perSecond: system.perSecond / baseline.perSecond, p50: system.p50 / baseline.p50, p99: system.p99 / baseline.p99, max: system.max / baseline.max };
    console.log('');
    console.log(line('base #1', base1));
    console.log(line('base #2', base2));
    console.log(line('baseline', baseline) + '   (mean of #1, #2)');
    console.log(line('system', system));
    console.log(
      `  ratio system/baseline: claims/s ×${fmt(ratio.perSecond, 3)} (baseline is ${fmt(1 / ratio.perSecond, 1)}× faster), p50 latency ×${fmt(ratio.p50, 1)}, p99 latency ×${fmt(ratio.p99, 1)}, max ×${fmt(ratio.max, 1)}`,
    );
    console.log(
      `  check: ${right}/${args.n} requests ${expected}, ${leftInQueue.wait + leftInQueue.prioritized} jobs left in the team queue, ${system.duplicates + baseline.duplicates} duplicate claims`,
    );
    if (system.claims !== args.n || right !== args.n || system.duplicates || base1.claims !== args.n || base2.claims !== args.n || baseline.duplicates) {
      console.log('  FAILED: not every request was claimed exactly once');
      exitCode = 1;
    }
    const round = (f: Figures) => ({
      ...f,
      seconds: +f.seconds.toFixed(3),
      perSecond: +f.perSecond.toFixed(1),
      p50: +f.p50.toFixed(2),
      p99: +f.p99.toFixed(2),
      max: +f.max.toFixed(2),
      mean: +f.mean.toFixed(2),
    });
    console.log(
      JSON.stringify({
        bench: 'claims',
        n: args.n,
        agents: args.agents,
        then: args.then,
        via: args.via,
        rate: args.rate,
        db: args.db,
        system: round(system),
        baseline: round(baseline),
        baselineRuns: [round(base1), round(base2)],
        ratio: { perSecond: +ratio.perSecond.toFixed(4), p50: +ratio.p50.toFixed(2), p99: +ratio.p99.toFixed(2), max: +ratio.max.toFixed(2) },
      }),
    );
  } catch (error) {
    console.error(`bench/claims failed: ${(error as Error).stack ?? error}`);
    exitCode = 1;
  } finally {
    await tearDown({ closers, app, redisUrl, prefixes: [prefix, basePrefix], database });
  }
  process.exit(exitCode);
}

void main();
