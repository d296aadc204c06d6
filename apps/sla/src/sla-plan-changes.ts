import { Injectable } from '@nestjs/common';
import { type Licence, licenceProblem, type Segment } from '@support/domain';
import { type RequestEntity, ReferenceStore, RequestStore } from '@support/persistence';
import { SlaClockService } from './sla-clock.service';
import { SlaEntries, STAGE } from './sla-timeline';

/**
 * The paid plan a licence gives an accepted request now: its `supportPlan` while the licence is
 * valid for the request (same checks as the licence check, 4.5 / 2.4, at `now`), else none.
 * Only a request the licence check supported can carry a plan.
 */
export function planFromLicence(request: Pick<RequestEntity, 'eligibility' | 'segment' | 'productCode' | 'customerId' | 'companyId'>, licence: Licence | null, now: Date): string | null {
  if (!licence || (request.eligibility as { decision?: string } | null)?.decision !== 'supported') return null;
  const problem = licenceProblem({ licence, productCode: request.productCode, customerId: request.customerId, companyId: request.companyId, receivedAt: now, product: null, version: '' }, (request.segment ?? 'home') as Segment);
  return problem === null ? licence.supportPlan : null;
}

/**
 * A licence changed (its plan upgraded/downgraded/removed, its status or validity): every open
 * request on it (not closed or declined) whose licence check is done follows, from the change
 * on. Documented effect (see apps/sla/README.md): the new plan's targets apply as if they had
 * been in force from the start, keeping the working time already elapsed, the remainder counted
 * from the change; a plan lost removes the clock (view, alarms, listed breaches); a plan gained
 * starts a clock at the change. The change is a `sla.plan-changed` timeline entry (from, to).
 */
@Injectable()
export class SlaPlanChanges {
  constructor(
    private readonly store: RequestStore,
    private readonly reference: ReferenceStore,
    private readonly clock: SlaClockService,
  ) {}

  async onLicenceChanged(licenceKey: string): Promise<{ licenceKey: string; changed: string[] }> {
    const licence = await this.reference.find(licenceKey);
    const changed: string[] = [];
    for (const request of await this.store.openWithLicence(licenceKey)) {
      // Not checked yet: the licence check will read the licence as it is now.
      if (!request.eligibility) continue;
      const now = new Date();
      const to = planFromLicence(request, licence, now);
      if (to !== request.supportPlan) {
        const timeline = await this.store.timeline(request.id);
        const n = timeline.filter((e) => e.event === SlaEntries.planChanged).length + 1;
        const reason = licence ? `licence ${licence.status}, valid until ${licence.validUntil ?? '-'}, plan ${licence.supportPlan ?? 'none'}` : 'licence removed';
        const applied = await this.store.applyEffect(
          request.id,
          { stage: STAGE, event: SlaEntries.planChanged, effectKey: `${SlaEntries.planChanged}:${n}`, at: now, detail: { from: request.supportPlan, to, licenceKey, reason } },
          { supportPlan: to },
        );
        if (applied) changed.push(request.id);
      }
      // Always (also when nothing changed now): a retry after a crash must still recompute the clock.
      await this.clock.evaluate(request.id, 'plan-change');
    }
    return { licenceKey, changed };
  }
}
