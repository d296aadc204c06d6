import { type Licence, type Segment } from '../catalogue';
import { licenceProblem } from '../eligibility';
import type { Emit, SupportRequest, Transition } from './aggregate';
import { transition } from './transition';

/**
 * The paid plan a licence gives an accepted request now: its `supportPlan` while the licence is
 * valid for the request (same checks as the licence check, 4.5 / 2.4, at `now`), else none.
 * Only a request the licence check supported can carry a plan.
 */
export function planFromLicence(
  request: Pick<SupportRequest, 'segment' | 'productCode' | 'customerId' | 'companyId'> & { eligibility: { decision: string } | null },
  licence: Licence | null,
  now: Date,
): string | null {
  if (!licence || request.eligibility?.decision !== 'supported') return null;
  const problem = licenceProblem(
    { licence, productCode: request.productCode, customerId: request.customerId, companyId: request.companyId, receivedAt: now, product: null, version: '' },
    (request.segment ?? 'home') as Segment,
  );
  return problem === null ? licence.supportPlan : null;
}

/** The `n`-th plan change of a request re-evaluates its SLA clock (the same job however often it is sent). */
export const planChangeEmits = (n: number): Emit[] => [{ event: 'sla.plan-changed', key: String(n) }];

/**
 * A licence changed (plan, status or validity): the request follows from now on ([sla], 4.5, 2.4).
 * `n` counts the request's plan changes so far; null when the plan stays the same.
 */
export function planChange(request: SupportRequest, licenceKey: string, licence: Licence | null, n: number, now: Date): Transition | null {
  const to = planFromLicence(request, licence, now);
  if (to === request.supportPlan) return null;
  const reason = licence ? `licence ${licence.status}, valid until ${licence.validUntil ?? '-'}, plan ${licence.supportPlan ?? 'none'}` : 'licence removed';
  const detail = { from: request.supportPlan, to, licenceKey, reason };
  return transition(request, [{ stage: 'licence-check', event: 'sla.plan-changed', effectKey: `sla.plan-changed:${n + 1}`, at: now, detail }], { supportPlan: to }, planChangeEmits(n + 1));
}
