import type { EligibilityResult } from '../eligibility';
import { CLAUSES_ALLOWED_WHEN_LIMITED } from '../eligibility';
import { fillTemplate, mayDecline, replyLanguage, type OfferId, type RuleSet } from '../rules';

export type Scope = 'included' | 'excluded' | 'unknown';

export interface Outcome {
  kind: 'refused' | 'out-of-scope' | 'limited';
  clauses: string[];
  offer: OfferId | null;
  message: string;
}

export interface RequestContext {
  country: string;
  language: string | null;
  segment: 'home' | 'business' | null;
  productCode: string;
  productName: string | null;
  version: string;
}

export interface ClassificationSummary {
  clause: string | null;
  confidence: number;
  /** the model's probability that the problem is out of scope at all (ClassifierResult.outOfScope) */
  outOfScope?: number;
}

/** [paid]: an offer is only made where the customer's region sells it. */
export function offerIn(rules: RuleSet, offer: OfferId | undefined | null, country: string): OfferId | null {
  if (!offer) return null;
  const countries = rules.offers[offer]?.countries ?? [];
  return countries.includes('*') || countries.includes(country.toUpperCase()) ? offer : null;
}

function compose(rules: RuleSet, ctx: RequestContext, key: string, values: Record<string, string>, offer: OfferId | null): string {
  const lang = replyLanguage(ctx.language);
  const texts = rules.messages[lang];
  const parts = [fillTemplate(texts[key], values)];
  if (offer) parts.push(fillTemplate(texts.offer, { offer: rules.offers[offer].name[lang] }));
  parts.push(fillTemplate(texts['self-service'], { links: rules.selfService[ctx.segment ?? 'home'][lang] }));
  return parts.join(' ');
}

/** The unmet requirement (4.3.1) in the customer's language, or the English text when none is defined. */
function requirementText(rules: RuleSet, eligibility: EligibilityResult, ctx: RequestContext): string {
  const unmet = eligibility.unmet;
  const template = unmet ? rules.messages[replyLanguage(ctx.language)][`requirement.${unmet.kind}`] : undefined;
  return unmet && template ? fillTemplate(template, { os: unmet.os, value: unmet.value, needed: unmet.needed }) : (eligibility.failedRequirement ?? '');
}

/** The outcome for a request refused at the licence check (4.3.1, 4.3.2). */
export function refusalOutcome(rules: RuleSet, eligibility: EligibilityResult, ctx: RequestContext): Outcome {
  const clause = eligibility.clauses[0];
  const offer = offerIn(rules, eligibility.offer, ctx.country);
  const message = compose(
    rules,
    ctx,
    eligibility.messageKey ?? 'refused.version',
    {
      product: ctx.productName ?? ctx.productCode,
      version: ctx.version,
      clause,
      requirement: requirementText(rules, eligibility, ctx),
    },
    offer,
  );
  return { kind: 'refused', clauses: [...eligibility.clauses], offer, message };
}

/**
 * Scope of a classified clause under the rules; below the confidence threshold it is unknown (human
 * triage). A decline needs the (higher) decline threshold: declining an included request costs more
 * than a human triage step.
 */
export function scopeUnderRules(rules: RuleSet, classification: ClassificationSummary): Scope {
  if (!classification.clause || classification.confidence < rules.classification.confidenceThreshold) return 'unknown';
  const kind = rules.clauses[classification.clause]?.kind;
  if (kind === 'excluded' && !mayDecline(rules, classification.clause, classification)) return 'unknown';
  return kind === 'included' ? 'included' : kind === 'excluded' ? 'excluded' : 'unknown';
}

/**
 * After classification: decline what standard support does not cover (4.2.x, with the offer the
 * rules name where the region has it), decline what a limited business licence does not cover
 * (2.4, 4.5b), and let everything else, including unknown scope, go on to a team.
 */
/** What classification reads of the licence check's decision. */
export type EligibilitySummary = Pick<EligibilityResult, 'decision' | 'clauses' | 'reason' | 'segment' | 'licenceProblem'>;

export function scopeOutcome(rules: RuleSet, eligibility: EligibilitySummary, classification: ClassificationSummary, ctx: RequestContext): { scope: Scope; outcome: Outcome | null } {
  const scope = scopeUnderRules(rules, classification);
  const clause = classification.clause as string;
  if (scope === 'excluded') {
    const lang = replyLanguage(ctx.language);
    const offer = offerIn(rules, rules.clauses[clause].offer, ctx.country);
    const message = compose(rules, ctx, 'out-of-scope', { clause, title: rules.clauses[clause].title[lang] }, offer);
    return { scope, outcome: { kind: 'out-of-scope', clauses: [clause], offer, message } };
  }
  if (scope === 'included' && eligibility.decision === 'limited' && !CLAUSES_ALLOWED_WHEN_LIMITED.includes(clause)) {
    const texts = rules.messages[replyLanguage(ctx.language)];
    const reason = (eligibility.licenceProblem && texts[`licence.${eligibility.licenceProblem}`]) || eligibility.reason;
    const message = compose(rules, ctx, 'limited.licence', { reason }, null);
    return { scope, outcome: { kind: 'limited', clauses: [...eligibility.clauses, clause], offer: null, message } };
  }
  return { scope, outcome: null };
}
