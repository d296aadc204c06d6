import { Processor } from '@nestjs/bullmq';
import { Events, Queues, type RequestEventData } from '@support/contracts';
import { classifyRequest, type EligibilityResult } from '@support/domain';
import { EventPublisher, Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { ReferenceStore, RequestStore } from '@support/persistence';
import { factsOf, Metrics, RulesService } from '@support/platform';
import { UnrecoverableError } from 'bullmq';

const STAGE = 'classification';

/**
 * Classification: the clause of 4.1/4.2 with its evidence, the caveats of 4.4, the language.
 * Confidently excluded requests (and what a limited licence does not cover) end declined with
 * the clause, the offer and the self-service pointers; the rest, unknown scope included, go on.
 */
@Processor(Queues.classification, stageWorkerOptions())
export class ClassificationProcessor extends StageProcessor {
  constructor(
    private readonly store: RequestStore,
    private readonly reference: ReferenceStore,
    private readonly rules: RulesService,
    private readonly publisher: EventPublisher,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  @Handles(Events.eligibilityDecided)
  async onEligibilityDecided({ requestId }: RequestEventData): Promise<string> {
    let request = await this.store.find(requestId);
    if (!request) throw new UnrecoverableError(`request ${requestId} does not exist`);
    if (!request.eligibility) throw new UnrecoverableError(`request ${requestId} has no eligibility decision yet`);
    // The classification is written with the stage's effect, in one transaction: its presence is the effect's.
    if (!request.classification) {
      const ruleSet = this.rules.byVersion(request.rulesVersion as string);
      const product = await this.reference.product(request.productCode);
      const eligibility = { ...(request.eligibility as object), segment: request.segment } as unknown as EligibilityResult;
      const { result, scope, outcome } = classifyRequest(ruleSet, factsOf(request), eligibility, product);
      const classification = { clause: result.clause, scope, confidence: Math.round(result.confidence * 1000) / 1000, caveats: result.caveats };
      const patch = { classification, language: request.language ?? result.language, outcome, status: outcome ? 'declined' : 'classifying' };
      request = await this.store.applyEffectTo(
        request,
        { stage: STAGE, event: Events.classified, effectKey: STAGE, detail: { ...classification, language: result.language, evidence: result.evidence, ranking: result.ranking, lexiconVersion: result.lexiconVersion } },
        patch,
        outcome ? [{ stage: STAGE, event: Events.declined, effectKey: 'declined', detail: { ...outcome } }] : [],
      );
      this.metrics.decisions.inc({ stage: STAGE, outcome: outcome ? outcome.kind : scope });
    }
    if (request.status === 'declined') await this.publisher.publish(Events.declined, { requestId });
    else await this.publisher.publish(Events.classified, { requestId });
    return request.status;
  }
}
