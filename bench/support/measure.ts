/**
 * The pipeline benches' measurement: submissions added to queue `intake` as producers do, their
 * arrival in the team queues read from the queues' event streams (Redis time), and the figures.
 */
import { Queue, QueueEvents } from 'bullmq';
import IORedis from 'ioredis';
import { writeFileSync } from 'node:fs';
import { fmt } from './scratch';
import type { Submission } from './submissions';

/** Redis time (ms) of a stream event id "<ms>-<seq>". */
const streamMs = (id: string) => Number(id.slice(0, id.indexOf('-')));

/** Watches every team queue's event stream and records when each job was added (Redis time). */
export class Arrivals {
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
export async function submit(intake: Queue, subs: Submission[], rate: number, producer: string): Promise<Map<string, number>> {
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

export interface Figures {
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
export async function profiled<T>(file: string, run: () => Promise<T>): Promise<T> {
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
    console.log(`  CPU profile of the measured run: ${file}`);
  }
}

/** Runs `run` and adds the process's CPU time per arrived submission to its figures. */
export async function withCpu(run: () => Promise<Omit<Figures, 'cpuMs'>>): Promise<Figures> {
  const before = process.cpuUsage();
  const f = await run();
  const used = process.cpuUsage(before);
  return { ...f, cpuMs: (used.user + used.system) / 1000 / Math.max(1, f.arrived) };
}

export function figures(started: Map<string, number>, ended: Map<string, number>): Omit<Figures, 'cpuMs'> {
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
  const { p50, p99, max, mean } = latencySummary(latencies);
  const seconds = latencies.length ? (last - first) / 1000 : NaN;
  const tenths = new Array(10).fill(0);
  for (const [key, end] of ended) if (started.has(key)) tenths[Math.min(9, Math.floor(((end - first) / (last - first || 1)) * 10))]++;
  return {
    submitted: started.size,
    arrived: latencies.length,
    seconds,
    throughput: latencies.length / seconds,
    p50,
    p99,
    max,
    mean,
    tenths: tenths.map((c) => +(c / (seconds / 10)).toFixed(1)),
  };
}

/** The mean of two runs, field by field: the baseline's reference figures. */
export function meanOf(a: Figures, b: Figures): Figures {
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

/** What the submissions table tells about a run: which submission (idempotency key) each request came from. */
export interface SubmissionRows {
  find(options: { select: { idempotencyKey: true; requestIds: true } }): Promise<{ idempotencyKey: string | null; requestIds: string[] }[]>;
}

/**
 * Measures batches through the system under one prefix: each is added to `intake`, and its
 * arrivals (team job id = request id) are mapped back to the submissions' keys through the
 * submissions table.
 */
export function pipelineRunner(o: { intake: Queue; arrivals: Arrivals; submissions: SubmissionRows; rate: number; producer: string; stallMs: number }) {
  return (batch: Submission[]) =>
    withCpu(async () => {
      o.arrivals.arrived = new Map();
      const started = await submit(o.intake, batch, o.rate, o.producer);
      await o.arrivals.wait(batch.length, o.stallMs);
      const keyOf = new Map<string, string>();
      for (const row of await o.submissions.find({ select: { idempotencyKey: true, requestIds: true } })) {
        for (const id of row.requestIds) keyOf.set(id, row.idempotencyKey as string);
      }
      const ended = new Map<string, number>();
      for (const [requestId, t] of o.arrivals.arrived) {
        const key = keyOf.get(requestId);
        if (key) ended.set(key, t);
      }
      return figures(started, ended);
    });
}

/** One run's figures on one line. */
export const figuresLine = (label: string, f: Figures) =>
  `  ${label.padEnd(9)} ${String(f.arrived).padStart(6)}/${f.submitted}  ${fmt(f.seconds, 2).padStart(8)} s  ${fmt(f.throughput, 1).padStart(8)} req/s   p50 ${fmt(f.p50).padStart(7)} ms   p99 ${fmt(f.p99).padStart(7)} ms   max ${fmt(f.max).padStart(7)} ms   mean ${fmt(f.mean).padStart(7)} ms   cpu ${fmt(f.cpuMs, 2).padStart(6)} ms/req`;

/** Figures rounded for the JSON line. */
export const roundFigures = (f: Figures) => ({ ...f, seconds: +f.seconds.toFixed(3), throughput: +f.throughput.toFixed(2), mean: +f.mean.toFixed(1), cpuMs: +f.cpuMs.toFixed(3) });

/** The queues a submission and what it causes go through. */
export const PIPELINE_QUEUES = ['intake', 'licence-check', 'classification', 'routing', 'sla', 'feedback-survey'];

/** Waits (up to `limitMs`) until the system has nothing waiting or active in its pipeline queues. */
export async function drain(registry: { get(name: string): Queue }, limitMs: number): Promise<void> {
  for (const deadline = Date.now() + limitMs; Date.now() < deadline;) {
    let busy = 0;
    for (const name of PIPELINE_QUEUES) {
      const c = await registry.get(name).getJobCounts('waiting', 'active', 'prioritized');
      busy += c.waiting + c.active + c.prioritized;
    }
    if (busy === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** p50, p99, max and mean of latencies in ms (sorted in place); NaN for none. */
export function latencySummary(latencies: number[]): { p50: number; p99: number; max: number; mean: number } {
  latencies.sort((a, b) => a - b);
  const q = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))] : NaN);
  return {
    p50: q(0.5),
    p99: q(0.99),
    max: latencies.length ? latencies[latencies.length - 1] : NaN,
    mean: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : NaN,
  };
}
