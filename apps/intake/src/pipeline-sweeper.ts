import { Processor } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { Events, Jobs, Queues } from '@support/contracts';
import { EventPublisher, Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { PIPELINE } from '@support/domain';
import { RequestStore } from '@support/persistence';
import { SETTINGS, type Settings } from '@support/platform';

/**
 * Timers are triggers, not truth (principle 7): a request that sits in a pipeline status for
 * longer than it should (its job was lost, e.g. the process died between commit and publish)
 * gets the job of the stage it waits for published again. Job ids are deterministic, so a job
 * that is merely still waiting is not doubled. Runs on a BullMQ job scheduler: once per period
 * across all processes.
 */
@Processor(Queues.maintenance, stageWorkerOptions())
export class PipelineSweeper extends StageProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly store: RequestStore,
    private readonly publisher: EventPublisher,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.publisher.schedule(Jobs.pipelineSweep, { every: this.settings.sweepEveryMs });
  }

  @Handles(Jobs.pipelineSweep)
  async sweep(): Promise<{ reemitted: number }> {
    const olderThan = new Date(Date.now() - this.settings.stuckAfterMs);
    const stuck = await this.store.stuck(PIPELINE, olderThan, 500);
    for (const request of stuck) {
      if (request.status !== 'classifying') await this.publisher.publish(Events.received, { requestId: request.id });
      else if (request.classification) await this.publisher.publish(Events.classified, { requestId: request.id });
      else await this.publisher.publish(Events.eligibilityDecided, { requestId: request.id });
    }
    return { reemitted: stuck.length };
  }
}
