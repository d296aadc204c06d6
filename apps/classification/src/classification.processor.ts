import { Processor } from '@nestjs/bullmq';
import type { OnModuleInit } from '@nestjs/common';
import { Events, Queues, type RequestEventData } from '@support/contracts';
import { classificationEmits, classificationTransition, warmClassifier } from '@support/domain';
import { Handles, type Stage, StageProcessor, StageRunner, stageWorkerOptions } from '@support/messaging';
import { ReferenceStore } from '@support/persistence';
import { RulesService } from '@support/platform';

/**
 * Classification: the clause of 4.1/4.2 with its evidence, the caveats of 4.4, the language.
 * Confidently excluded requests (and what a limited licence does not cover) end declined with
 * the clause, the offer and the self-service pointers; the rest, unknown scope included, go on.
 */
@Processor(Queues.classification, stageWorkerOptions())
export class ClassificationProcessor extends StageProcessor implements OnModuleInit {
  private readonly stage: Stage = {
    name: 'classification',
    done: (r) => r.classification !== null,
    notReady: (r) => (r.eligibility ? null : 'has no eligibility decision yet'),
    decide: async (r) => classificationTransition(r, this.rules.of(r), await this.reference.product(r.productCode)),
    emits: classificationEmits,
    outcome: (t) => t.patch.outcome?.kind ?? t.patch.classification?.scope ?? 'applied',
  };

  constructor(
    private readonly runner: StageRunner,
    private readonly reference: ReferenceStore,
    private readonly rules: RulesService,
  ) {
    super();
  }

  onModuleInit(): void {
    warmClassifier();
  }

  @Handles(Events.eligibilityDecided)
  async onEligibilityDecided({ requestId }: RequestEventData): Promise<string> {
    return (await this.runner.run(requestId, this.stage)).status;
  }
}
