import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { QueueRegistry, stageProcessors } from '@support/messaging';
import type { Worker } from 'bullmq';
import { SETTINGS, type Settings } from '../settings';
import { Metrics } from './metrics';

/** What one look at a worker saw. */
export interface WorkerLook {
  at: number;
  /** Jobs started so far (its 'active' events). */
  started: number;
  /** Jobs ready in its queue (waiting or prioritized). */
  ready: number;
  /** It holds fewer jobs than its concurrency. */
  hasRoom: boolean;
}

/** Since when a worker with room has started nothing while jobs were ready (null: it is taking them). */
export interface StallState {
  since: number | null;
  started: number;
}

/** The next state after a look: the clock starts when jobs wait for a worker with room, and stops when it starts one or has none to take. */
export function afterLook(state: StallState, look: WorkerLook): StallState {
  if (look.ready === 0 || !look.hasRoom || look.started !== state.started) return { since: null, started: look.started };
  return { since: state.since ?? look.at, started: look.started };
}

/** Stalled: for `stallMs` jobs were ready, the worker had room, and it started none. */
export const isStalled = (state: StallState, now: number, stallMs: number): boolean => state.since !== null && now - state.since >= stallMs;

/**
 * Whether each stage worker of this process still takes jobs. A BullMQ worker can be left waiting
 * on a blocking connection that never answers (seen after a Redis Cluster failover, README "Redis
 * Cluster"; also reported with Sentinel): it says it is running, Redis answers, and its queue fills.
 * It is looked at every third of WORKER_STALL_MS; one that has room and starts nothing for that long
 * while its queue holds ready jobs is stalled: /health answers 503 naming its queue (so that an
 * orchestrator restarts the process, which loses nothing: the jobs it held are retried when their
 * locks lapse), the gauge `support_worker_stalled{queue}` is 1 and the log says so once.
 */
@Injectable()
export class WorkerWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('worker-watch');
  private readonly watched = new Map<Worker, { started: number; state: StallState; stalled: boolean }>();
  private timer: NodeJS.Timeout | undefined;
  private looking = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly queues: QueueRegistry,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    for (const { worker } of stageProcessors(this.discovery)) {
      const entry = { started: 0, state: { since: null, started: 0 }, stalled: false };
      worker.on('active', () => entry.started++);
      this.watched.set(worker, entry);
    }
    if (this.watched.size === 0) return;
    this.timer = setInterval(() => void this.look(), Math.max(100, Math.floor(this.settings.workerStallMs / 3)));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The queues whose worker was stalled at the last look (what the gauge says too). */
  stalled(): string[] {
    return [...this.watched].filter(([, { stalled }]) => stalled).map(([worker]) => worker.name);
  }

  private async look(): Promise<void> {
    if (this.looking) return;
    this.looking = true;
    try {
      for (const [worker, entry] of this.watched) {
        const ready = await this.readyFor(worker);
        // Redis away: nothing to learn here (the Redis check of /health says so).
        if (ready === null) continue;
        const now = Date.now();
        entry.state = afterLook(entry.state, { at: now, started: entry.started, ready, hasRoom: activeJobs(worker) < worker.concurrency });
        const stalled = isStalled(entry.state, now, this.settings.workerStallMs);
        if (stalled && !entry.stalled) this.logger.error({ queue: worker.name, ready, sinceMs: now - (entry.state.since ?? now) }, 'worker takes no jobs: restart the process');
        entry.stalled = stalled;
        this.metrics.stalledWorkers.set({ queue: worker.name }, stalled ? 1 : 0);
      }
    } finally {
      this.looking = false;
    }
  }

  /** Jobs ready for a worker: none while it is paused or closing (it takes none on purpose); null when Redis does not answer. */
  private async readyFor(worker: Worker): Promise<number | null> {
    if (!worker.isRunning() || worker.isPaused()) return 0;
    const counts = await this.queues
      .get(worker.name)
      .getJobCounts('wait', 'prioritized')
      .catch(() => null);
    return counts && counts.wait + counts.prioritized;
  }
}

/** The jobs a worker holds now (its lock manager tracks each one it runs). */
function activeJobs(worker: Worker): number {
  return (worker as unknown as { lockManager?: { getActiveJobCount(): number } }).lockManager?.getActiveJobCount() ?? 0;
}
