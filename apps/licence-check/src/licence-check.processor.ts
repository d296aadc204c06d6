import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Events, Queues, type RequestEventData } from '@support/contracts';
import { checkEligibility, LICENCE_REGISTRY, type LicenceRegistry } from '@support/domain';
import { EventPublisher, Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { ReferenceStore, RequestStore } from '@support/persistence';
import { factsOf, Metrics, RulesService } from '@support/platform';
import { UnrecoverableError } from 'bullmq';

const STAGE = 'licence-check';

/**
 * Eligibility (rules 4.3, 4.5, 2.4): refused requests end declined with the clause; the others
 * go on to classification with the decision (and a paid plan, if the licence has one).
 */
@Processor(Queues.licenceCheck, stageWorkerOptions())
export class LicenceCheckProcessor extends StageProcessor {
  constructor(
    private readonly store: RequestStore,
    private readonly reference: ReferenceStore,
    @Inject(LICENCE_REGISTRY) private readonly licences: LicenceRegistry,
    private readonly rules: RulesService,
    private readonly publisher: EventPublisher,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  @Handles(Events.received)
  async onReceived({ requestId }: RequestEventData): Promise<string> {
    let request = await this.store.find(requestId);
    if (!request) throw new UnrecoverableError(`request ${requestId} does not exist`);
    // The decision is written with the stage's effect, in one transaction: its presence is the effect's.
    if (!request.eligibility) {
      const ruleSet = this.rules.byVersion(request.rulesVersion as string);
      const product = await this.reference.product(request.productCode);
      const licence = request.licenceKey ? await this.lookUpLicence(requestId, request.licenceKey) : null;
      const { eligibility, outcome } = checkEligibility(ruleSet, factsOf(request), product, licence);
      const view = { decision: eligibility.decision, clauses: eligibility.clauses, reason: eligibility.reason, supportPlan: eligibility.supportPlan, licenceProblem: eligibility.licenceProblem ?? null };
      const patch = { status: outcome ? 'declined' : 'classifying', segment: eligibility.segment, eligibility: view, supportPlan: eligibility.supportPlan, outcome };
      request = await this.store.applyEffectTo(
        request,
        { stage: STAGE, event: Events.eligibilityDecided, effectKey: STAGE, detail: { ...view, licence: request.licenceKey ? (licence ? licence.status : 'not registered') : 'none', rulesVersion: ruleSet.version } },
        patch,
        outcome ? [{ stage: STAGE, event: Events.declined, effectKey: 'declined', detail: { ...outcome } }] : [],
      );
      this.metrics.decisions.inc({ stage: STAGE, outcome: eligibility.decision });
      // Another delivery may have won the race: then its stored decision is the one to follow.
    }
    // Effect applied (now or by an earlier delivery): emit what follows from the stored state.
    if (request.status === 'declined') await this.publisher.publish(Events.declined, { requestId });
    else await this.publisher.publish(Events.eligibilityDecided, { requestId });
    return request.status;
  }

  /** An unreachable registry delays the decision (BullMQ retries with backoff); it never refuses. */
  private async lookUpLicence(requestId: string, key: string) {
    try {
      return await this.licences.find(key);
    } catch (error) {
      await this.store.markStatus(requestId, 'received', 'checking-licence');
      throw error;
    }
  }
}
