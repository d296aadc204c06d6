import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Events, type LicenceChangedData, Queues, type RequestEventData } from '@support/contracts';
import { can, eligibilityTransition, statusAfter, LICENCE_REGISTRY, type LicenceRegistry, licenceCheckEmits, type SupportRequest } from '@support/domain';
import { Handles, type Stage, StageProcessor, StageRunner, stageWorkerOptions } from '@support/messaging';
import { ReferenceStore, RequestStore } from '@support/persistence';
import { RulesService } from '@support/platform';
import { PlanChanges } from './plan-changes';

/** The lifecycle's name for an unreachable licence registry (no timeline entry: a retry follows). */
const REGISTRY_DOWN = 'licence-registry-unreachable';

/**
 * Eligibility (rules 4.3, 4.5, 2.4): refused requests end declined with the clause; the others
 * go on to classification with the decision (and a paid plan, if the licence has one). The
 * licence check owns the request's paid plan, so a licence change is applied here too.
 */
@Processor(Queues.licenceCheck, stageWorkerOptions())
export class LicenceCheckProcessor extends StageProcessor {
  private readonly stage: Stage = {
    name: 'licence-check',
    done: (r) => r.eligibility !== null,
    decide: async (r) => {
      const product = await this.reference.product(r.productCode);
      const licence = r.licenceKey ? await this.lookUpLicence(r, r.licenceKey) : null;
      return eligibilityTransition(r, this.rules.of(r), product, licence);
    },
    emits: licenceCheckEmits,
    outcome: (t) => t.patch.eligibility?.decision ?? 'applied',
  };

  constructor(
    private readonly runner: StageRunner,
    private readonly store: RequestStore,
    private readonly reference: ReferenceStore,
    @Inject(LICENCE_REGISTRY) private readonly licences: LicenceRegistry,
    private readonly rules: RulesService,
    private readonly planChanges: PlanChanges,
  ) {
    super();
  }

  @Handles(Events.received)
  async onReceived({ requestId }: RequestEventData): Promise<string> {
    return (await this.runner.run(requestId, this.stage)).status;
  }

  @Handles(Events.licenceChanged)
  onLicenceChanged({ licenceKey }: LicenceChangedData) {
    return this.planChanges.follow(licenceKey);
  }

  /** An unreachable registry delays the decision (BullMQ retries with backoff); it never refuses. */
  private async lookUpLicence(request: SupportRequest, key: string) {
    try {
      return await this.licences.find(key);
    } catch (error) {
      if (can(request.status, REGISTRY_DOWN)) await this.store.markStatus(request.id, request.status, statusAfter(request.status, [REGISTRY_DOWN]));
      throw error;
    }
  }
}
