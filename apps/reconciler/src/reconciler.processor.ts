import { Processor } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, Queues } from '@support/contracts';
import { EventPublisher, Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { SETTINGS, type Settings } from '@support/platform';
import { OutboxRelay, RELAY_AFTER_MS } from './outbox-relay';
import { type PassResult, ReconcilePass } from './reconcile-pass';

/** The scheduler id of the pipeline sweeper this reconciler replaces (removed at start). */
const LEGACY_SWEEP = 'pipeline.sweep';

/**
 * Runs the reconciler's pass from a BullMQ job scheduler (`reconcile` on the `maintenance` queue,
 * every RECONCILE_EVERY_MS, once per period across all processes), and once at start.
 */
@Processor(Queues.maintenance, stageWorkerOptions())
export class ReconcilerProcessor extends StageProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('reconciler');

  constructor(
    private readonly pass: ReconcilePass,
    private readonly outbox: OutboxRelay,
    private readonly publisher: EventPublisher,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.publisher.unschedule(Queues.maintenance, LEGACY_SWEEP);
    await this.publisher.schedule(Jobs.reconcile, { every: this.settings.reconcileEveryMs });
    await this.publisher.schedule(Jobs.outboxRelay, { every: RELAY_AFTER_MS });
    void this.pass.run().catch((error: Error) => this.logger.warn({ err: error.message }, 'the reconciler pass at start failed; the scheduled passes follow'));
  }

  @Handles(Jobs.reconcile)
  reconcile(): Promise<PassResult> {
    return this.pass.run();
  }

  @Handles(Jobs.outboxRelay)
  relayOutbox(): Promise<{ relayed: number }> {
    return this.outbox.run();
  }
}
