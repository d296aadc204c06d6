import { type Licence, type Product, type Team, UNNAMED_PRODUCT } from '../catalogue';
import { classify, type ClassifierResult, type Language, LANGUAGES } from '../classification';
import { decideEligibility } from '../eligibility';
import { type EligibilitySummary, type Outcome, refusalOutcome, type RequestContext, type Scope, scopeOutcome } from '../outcome';
import { chooseTeam, priorityFor, type RoutingDecision, type RoutingRuleSet } from '../routing';
import type { RuleSet } from '../rules';

/** What the stages know about one request (one problem). */
export interface RequestFacts {
  subject: string;
  description: string;
  topic: string | null;
  language: string | null;
  country: string;
  customerId: string;
  companyId: string | null;
  productCode: string;
  productVersion: string;
  platform: { os: string; osVersion?: string; ramMb?: number; diskFreeMb?: number } | null;
  receivedAt: Date;
}

export const contextOf = (facts: RequestFacts, product: Product | null, segment: RequestContext['segment']): RequestContext => ({
  country: facts.country,
  language: facts.language,
  segment,
  productCode: facts.productCode,
  productName: product?.name ?? null,
  version: facts.productVersion,
});

/** Stage 1, licence check (4.3, 4.5, 2.4), with the refusal outcome when there is one. */
export function checkEligibility(rules: RuleSet, facts: RequestFacts, product: Product | null, licence: Licence | null) {
  const eligibility = decideEligibility({
    product,
    productCode: facts.productCode,
    version: facts.productVersion,
    platform: facts.platform ?? undefined,
    licence,
    customerId: facts.customerId,
    companyId: facts.companyId,
    receivedAt: facts.receivedAt,
  });
  const outcome = eligibility.decision === 'refused' ? refusalOutcome(rules, eligibility, contextOf(facts, product, eligibility.segment)) : null;
  return { eligibility, outcome };
}

export interface ClassificationDecision {
  result: ClassifierResult;
  scope: Scope;
  outcome: Outcome | null;
}

/** Stage 2, classification: clause, scope, caveats (4.4) and the decline outcome when there is one. */
export function classifyRequest(rules: RuleSet, facts: RequestFacts, eligibility: EligibilitySummary, product: Product | null): ClassificationDecision {
  const result = classify({
    subject: facts.subject,
    description: facts.description,
    topic: facts.topic ?? undefined,
    language: (LANGUAGES as readonly string[]).includes(facts.language ?? '') ? (facts.language as Language) : undefined,
  });
  const language = facts.language ?? result.language;
  // No product named: whatever the text says, a person decides (and asks for the product).
  if (facts.productCode === UNNAMED_PRODUCT.code && !product) return { result, scope: 'unknown', outcome: null };
  const { scope, outcome } = scopeOutcome(rules, eligibility, result, contextOf({ ...facts, language }, product, eligibility.segment));
  return { result, scope, outcome };
}

/**
 * Stage 3, routing: team and queue priority, both decided by the rules version's data; `clauses`
 * are those of the team choice and of the priority. Null when no team exists for the segment.
 */
/** A routing decision with the request's priority and why. */
export type Route = RoutingDecision & { priority: number; priorityReason: string };

export function routeRequest(rules: RoutingRuleSet, teams: Team[], facts: RequestFacts, segment: 'home' | 'business', clause: string | null, scope: Scope, supportPlan: string | null): Route | null {
  const decision = chooseTeam(rules, teams, { segment, country: facts.country, language: facts.language, clause, scope });
  if (!decision) return null;
  const priority = priorityFor(rules, scope === 'unknown' ? null : clause, supportPlan);
  return { ...decision, clauses: [...new Set([...decision.clauses, ...priority.clauses])], priority: priority.priority, priorityReason: priority.reason };
}
