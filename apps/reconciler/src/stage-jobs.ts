import { Injectable, Logger } from '@nestjs/common';
import { eventJobId, FanOut } from '@support/contracts';
import { expectedStage, type StageEvent, stageRepair, type SupportRequest } from '@support/domain';
import { EventPublisher, JobInspector } from '@support/messaging';
import { RequestStore, type StuckJobEntity, StuckJobStore } from '@support/persistence';
import { Metrics } from '@support/platform';

/** Where a stage event's job sits: the one queue the fan-out table sends it to, under its deterministic id. */
export const stageJob = (event: StageEvent, requestId: string) => ({ queue: FanOut[event][0], jobId: eventJobId(event, requestId) });

/**
 * Pipeline requests and their stage jobs: a lost job is published again; a job that failed for
 * good (or completed while the request did not move on) is retried with `job.retry()` while the
 * reconciler's retries last (RECONCILE_RETRIES), then the request is moved aside: recorded in
 * `stuck_jobs` with its last failure, counted, logged as an error, listed by GET /v1/admin/stuck.
 */
@Injectable()
export class StageJobs {
  private readonly logger = new Logger('reconciler');

  constructor(
    private readonly store: RequestStore,
    private readonly stuck: StuckJobStore,
    private readonly publisher: EventPublisher,
    private readonly inspector: JobInspector,
    private readonly metrics: Metrics,
  ) {}

  /** Repairs the stage jobs of these pipeline requests; `records` holds the retry records by request id. */
  async repair(requests: SupportRequest[], records: Map<string, StuckJobEntity>, maxRetries: number): Promise<void> {
    const waiting = requests.flatMap((r) => {
      const event = expectedStage(r);
      return event ? [{ request: r, event, ...stageJob(event, r.id) }] : [];
    });
    const byQueue = new Map<string, typeof waiting>();
    for (const w of waiting) byQueue.set(w.queue, [...(byQueue.get(w.queue) ?? []), w]);
    for (const [queue, items] of byQueue) {
      const states = await this.inspector.states(
        queue,
        items.map((i) => i.jobId),
      );
      for (const [n, { request, event, jobId }] of items.entries()) {
        let record = records.get(request.id) ?? null;
        if (record && record.job !== event) {
          // The request moved on to another stage since: that record is history.
          await this.stuck.remove([request.id]);
          records.delete(request.id);
          record = null;
        }
        const action = stageRepair(states[n], record?.retries ?? 0, maxRetries, Boolean(record?.stuckAt));
        if (action === 'none') continue;
        // Read again: the request may have moved on while we looked at Redis.
        const fresh = await this.store.find(request.id);
        if (!fresh || expectedStage(fresh) !== event) continue;
        if (action === 'publish') {
          await this.publisher.publish(event, { requestId: request.id });
          this.metrics.repairs.inc({ kind: 'stage-republished' });
          continue;
        }
        const from = states[n] as 'failed' | 'completed';
        const lastError = (await this.inspector.failedReason(queue, jobId)) ?? (from === 'completed' ? 'completed without moving the request on' : null);
        const now = new Date().toISOString();
        const next: StuckJobEntity = { requestId: request.id, job: event, queue, jobId, retries: record?.retries ?? 0, lastError, stuckAt: null, updatedAt: now };
        if (action === 'retry') {
          if (!(await this.inspector.retry(queue, jobId, from))) continue;
          next.retries += 1;
          this.metrics.repairs.inc({ kind: 'stage-retried' });
        } else {
          next.stuckAt = now;
          this.metrics.repairs.inc({ kind: 'stage-moved-aside' });
          this.logger.error(
            { requestId: request.id, queue, jobId, retries: next.retries, err: lastError },
            'request moved aside: its stage job keeps failing (GET /v1/admin/stuck, then POST /v1/admin/stuck/:requestId/retry)',
          );
        }
        await this.stuck.save(next);
        records.set(request.id, next);
      }
    }
  }

  /** Drops the records of requests that are no longer waiting for the job recorded (they moved on). */
  async forget(records: Map<string, StuckJobEntity>, seen: Set<string>): Promise<void> {
    const gone: string[] = [];
    for (const [requestId, record] of records) {
      if (seen.has(requestId)) continue;
      const request = await this.store.find(requestId);
      if (!request || expectedStage(request) !== record.job) gone.push(requestId);
    }
    await this.stuck.remove(gone);
  }
}
