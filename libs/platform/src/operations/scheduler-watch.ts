import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventPublisher } from '@support/messaging';
import { Metrics } from '../observability/metrics';
import { SETTINGS, type Settings } from '../settings';

/**
 * Job schedulers live in Redis: when Redis loses its data they are gone, the reconciler's own
 * among them, and nothing in Redis would bring them back. So every process checks, once per
 * RECONCILE_EVERY_MS on a plain timer, that the schedulers it created still exist, and re-creates
 * the missing ones (idempotent upserts). Redis being away is not an error here: the next tick tries again.
 */
@Injectable()
export class SchedulerWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('scheduler-watch');
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly metrics: Metrics,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.check(), this.settings.reconcileEveryMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Re-creates this process's missing schedulers; returns how many. */
  async check(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const recreated = await this.publisher.ensureSchedules();
      if (recreated.length > 0) {
        this.metrics.repairs.inc({ kind: 'scheduler-recreated' }, recreated.length);
        this.logger.warn({ schedulers: recreated }, 'job schedulers were missing from Redis: re-created');
      }
      return recreated.length;
    } catch (error) {
      this.logger.debug({ err: (error as Error).message }, 'could not check the job schedulers');
      return 0;
    } finally {
      this.running = false;
    }
  }
}
