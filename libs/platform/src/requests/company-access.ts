import type { SupportRequest } from '@support/domain';

/**
 * Whether a company key may see and answer a request: the request names the company and the
 * licence check confirmed it (the request's licence is a licence of that company, rule 2.4; an
 * unconfirmed company is dropped from the request then). Until the licence check ran, a company
 * named by a producer is only a claim, so the request is not yet the company's.
 */
export const belongsToCompany = (r: Pick<SupportRequest, 'companyId' | 'eligibility'>, companyId: string): boolean => r.companyId === companyId && r.eligibility !== null;

/** The same rule as a query condition on the request alias `alias` (parameter `:companyId`). */
export const companyCondition = (alias: string): string => `${alias}.companyId = :companyId AND ${alias}.eligibility IS NOT NULL`;
