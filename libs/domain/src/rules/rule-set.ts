/**
 * The support rules as data (support-rules.md): a versioned set with an effective date. Every
 * decision records the version it was made under; a request is judged by the version in force
 * when it was received.
 */
import type { Language } from '../classification/types';

/** included: standard support covers it (4.1); excluded: not covered (4.2); refusal: no support at all (4.3); caveat: no guarantee (4.4); term: a condition (2.x, 4.5). */
export type ClauseKind = 'included' | 'excluded' | 'refusal' | 'caveat' | 'term';
export type OfferId = 'professional-services' | 'incident-response' | 'support-restoration' | 'premium-support';

export interface Clause {
  kind: ClauseKind;
  offer?: OfferId;
  /**
   * The team skill a request classified to this clause needs (e.g. "malware" for 4.1.2x): among
   * the teams of its segment × country × language (2.2), one with this skill is preferred.
   * Absent: any team will do. Never the triage skill (`routing.triageSkill`).
   */
  skill?: string;
  /** The request's queue priority level (1 first .. 3) when classified to this clause; absent: `routing.defaultPriority`. */
  priority?: number;
  title: Record<Language, string>;
}

export interface OfferSpec {
  /** ISO alpha-2 countries where the offer is sold ("*" = everywhere): [paid] depends on the region. */
  countries: string[];
  name: Record<Language, string>;
}

export type SplitMode = 'split' | 'ask' | 'off';

/** Queue priority levels: 1 is served first, 3 last (team queues band BullMQ's priority into these three). */
export const HIGHEST_PRIORITY = 1;
export const LOWEST_PRIORITY = 3;

/**
 * How requests are routed and ordered, beside each clause's own `skill` and `priority`:
 *   "routing": { "defaultPriority": 3, "paidPlanStep": 1, "paidPlanClause": "[sla]", "triageSkill": "triage" }
 */
export interface RoutingRules {
  /** The priority level of a request whose clause names none (and of unknown scope). */
  defaultPriority: number;
  /** How many levels a paid support plan moves a request ahead (never beyond HIGHEST_PRIORITY); 0: none. */
  paidPlanStep: number;
  /** The clause the paid-plan step is cited under when it raises a priority (a clause id of this file). */
  paidPlanClause: string;
  /**
   * The team skill of human triage: unknown scope goes to the segment's team with it, it is the
   * first fallback when no team covers the country, and such teams take no other requests.
   */
  triageSkill: string;
}

export interface RuleSet {
  version: string;
  effectiveFrom: string; // ISO instant
  clauses: Record<string, Clause>;
  offers: Record<OfferId, OfferSpec>;
  /** 2.1 self-service pointers, per segment and language. */
  selfService: Record<'home' | 'business', Record<Language, string>>;
  /** Reply texts; placeholders in {braces}. */
  messages: Record<Language, Record<string, string>>;
  /**
   * declineThreshold: an automatic decline (an excluded clause) needs at least this confidence; absent = confidenceThreshold.
   * declineThresholds: an excluded clause's own decline threshold, where it differs (see declineThresholdOf); unused while the clause is not excluded.
   * sureOutOfScope: a decline under its clause's threshold may still be made when the model is this sure that the problem is out
   * of scope at all (`outOfScope`) and this sure of the clause (`confidence`); see mayDecline.
   */
  classification: {
    confidenceThreshold: number;
    declineThreshold?: number;
    declineThresholds?: Record<string, number>;
    sureOutOfScope?: { outOfScope: number; confidence: number };
  };
  splitting: SplitMode;
  routing: RoutingRules;
}

export const MESSAGE_KEYS = [
  'refused.version',
  'refused.unknown-product',
  'refused.platform',
  'out-of-scope',
  'limited.licence',
  'offer',
  'self-service',
  'received',
  'split',
  'ask-split',
  'licence.none',
  'licence.other-product',
  'licence.not-company',
  'licence.other-company',
  'licence.other-customer',
  'licence.revoked',
  'licence.expired',
  'out-of-hours',
  'reminder',
  'auto-closed',
  'requirement.os',
  'requirement.os-version',
  'requirement.ram',
  'requirement.disk',
] as const;

/**
 * The confidence an automatic decline citing `clause` needs: the clause's own threshold, else the rule set's, never
 * below the confidence threshold. Each is picked by the decline rule on the dev side (`npm run train:classifier`;
 * bench/README.md, round of 2026-12-04): the exclusions real traffic brings share one threshold; the rare ones, which
 * real text almost never reads as, are judged on crafted text, with no wrongful decline allowed.
 */
export function declineThresholdOf(rules: Pick<RuleSet, 'classification'>, clause: string): number {
  const c = rules.classification;
  return Math.max(c.confidenceThreshold, c.declineThresholds?.[clause] ?? c.declineThreshold ?? 0);
}

/**
 * Whether an excluded clause may be declined automatically: at its decline threshold, or (`sureOutOfScope`) when the model
 * is sure the problem is out of scope whichever exclusion it is and sure enough of this one. The model's doubt below a
 * clause's threshold is mostly between exclusions ("slow computer" or "another vendor's program"); what a decline must
 * not do is refuse an included problem, and that is what `outOfScope` measures. Picked on the dev side like the thresholds.
 */
export function mayDecline(rules: Pick<RuleSet, 'classification'>, clause: string, { confidence, outOfScope }: { confidence: number; outOfScope?: number }): boolean {
  if (confidence >= declineThresholdOf(rules, clause)) return true;
  const sure = rules.classification.sureOutOfScope;
  return !!sure && outOfScope !== undefined && outOfScope >= sure.outOfScope && confidence >= Math.max(sure.confidence, rules.classification.confidenceThreshold);
}
