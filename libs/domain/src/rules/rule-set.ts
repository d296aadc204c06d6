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
  title: Record<Language, string>;
}

export interface OfferSpec {
  /** ISO alpha-2 countries where the offer is sold ("*" = everywhere): [paid] depends on the region. */
  countries: string[];
  name: Record<Language, string>;
}

export type SplitMode = 'split' | 'ask' | 'off';

export interface RuleSet {
  version: string;
  effectiveFrom: string; // ISO instant
  clauses: Record<string, Clause>;
  offers: Record<OfferId, OfferSpec>;
  /** 2.1 self-service pointers, per segment and language. */
  selfService: Record<'home' | 'business', Record<Language, string>>;
  /** Reply texts; placeholders in {braces}. */
  messages: Record<Language, Record<string, string>>;
  classification: { confidenceThreshold: number };
  splitting: SplitMode;
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
