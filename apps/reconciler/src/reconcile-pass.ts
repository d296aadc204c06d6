import { Inject, Injectable, Logger } from '@nestjs/common';
import { PIPELINE, WITH_AGENTS } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { RequestStore, StuckJobStore } from '@support/persistence';
import { Metrics, SETTINGS, type Settings } from '@support/platform';
import { AgentQueueJobs } from './agent-queue-jobs';
import { AgentTimers } from './agent-timers';
import { SlaAlarmJobs } from './sla-alarm-jobs';
import { StageJobs } from './stage-jobs';

/** Requests compared with Redis per page. */
const PAGE = 500;

export interface PassResult {
  requests: number;
  schedulers: number;
  stuck: number;
  ms: number;
}

/**
 * One reconciler pass: the database is the truth, Redis holds only triggers. Every request that is
 * not finished and has been unchanged for STUCK_AFTER_MS (so a stage that is merely busy with it is
 * not second-guessed) is compared, a page at a time, with what Redis holds for it, and what is
 * missing or dead is repaired (StageJobs, AgentQueueJobs, AgentTimers, SlaAlarmJobs); then the job schedulers
 * this process created are re-created when Redis lost them. One pass at a time per process.
 */
@Injectable()
export class ReconcilePass {
  private readonly logger = new Logger('reconciler');
  private running: Promise<PassResult> | null = null;

  constructor(
    private readonly store: RequestStore,
    private readonly stuck: StuckJobStore,
    private readonly publisher: EventPublisher,
    private readonly stages: StageJobs,
    private readonly agentQueues: AgentQueueJobs,
    private readonly agentTimers: AgentTimers,
    private readonly slaAlarms: SlaAlarmJobs,
    private readonly metrics: Metrics,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Runs a pass, or waits for the one already running in this process. */
  run(): Promise<PassResult> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<PassResult> {
    const started = Date.now();
    const olderThan = new Date(started - this.settings.stuckAfterMs);
    const records = new Map((await this.stuck.all()).map((r) => [r.requestId, r]));
    const seen = new Set<string>();
    let afterId = '';
    for (;;) {
      const page = await this.store.unfinishedPage([...PIPELINE, ...WITH_AGENTS], olderThan, afterId, PAGE);
      if (page.length === 0) break;
      for (const r of page) seen.add(r.id);
      await this.stages.repair(page, records, this.settings.reconcileRetries);
      await this.agentQueues.repair(page);
      await this.agentTimers.repair(page);
      await this.slaAlarms.repair(page);
      afterId = page[page.length - 1].id;
      if (page.length < PAGE) break;
    }
    await this.stages.forget(records, seen);
    const schedulers = await this.publisher.ensureSchedules();
    if (schedulers.length > 0) {
      this.metrics.repairs.inc({ kind: 'scheduler-recreated' }, schedulers.length);
      this.logger.warn({ schedulers }, 'job schedulers were missing from Redis: re-created');
    }
    const stuck = [...records.values()].filter((r) => r.stuckAt).length;
    this.metrics.stuckRequests.set(stuck);
    const ms = Date.now() - started;
    this.metrics.reconcileSeconds.observe(ms / 1000);
    return { requests: seen.size, schedulers: schedulers.length, stuck, ms };
  }
}
