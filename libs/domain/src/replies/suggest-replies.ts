import type { Language } from '../classification/types';
import type { EligibilityRecord } from '../request/aggregate';
import { scopeOutcome } from '../outcome/decide-outcome';
import { fillTemplate, replyLanguage, type RuleSet } from '../rules';

/** A named reply text an administrator wrote, in one language, for some clauses (none listed: any clause). */
export interface Macro {
  id: string;
  name: string;
  language: Language;
  clauses: string[];
  body: string;
}

export type SuggestionKind = 'rules' | 'self-service' | 'macro';

/** One text the desk offers as a draft; `id` is what the reply records as `suggestionId`. */
export interface Suggestion {
  id: string;
  kind: SuggestionKind;
  /** macros: their name; else null (the desk names the kind) */
  name: string | null;
  language: Language;
  clauses: string[];
  text: string;
}

export interface Suggestions {
  /** The language the texts are in: the request's when the rules have texts in it, else English. */
  language: Language;
  /** True when the request's language has no texts of its own (the texts are English). */
  fallback: boolean;
  clause: string | null;
  /** The suggestion the draft starts from. */
  draft: string;
  items: Suggestion[];
}

/** What the choice reads of a request (a SupportRequest has all of it). */
export interface SuggestionRequest {
  language: string | null;
  country: string;
  segment: 'home' | 'business' | null;
  productCode: string;
  productVersion: string;
  classification: { clause: string | null } | null;
  eligibility: Pick<EligibilityRecord, 'decision' | 'clauses' | 'reason' | 'licenceProblem'> | null;
}

/** A suggestion id as the reply records it: `rules:<clause>`, `self-service:<segment>`, `macro:<id>`. */
export const SUGGESTION_ID = /^(rules|self-service|macro):[A-Za-z0-9._[\]-]{1,64}$/;

/**
 * The replies the desk offers for a request: what the rules would tell the customer about its
 * clause (the decline text of an excluded clause with its offer where the region sells it, or the
 * limited-licence text, 2.4/4.5b), the self-service pointers of its segment (2.1), and the macros
 * for its language and clause. In the request's language; English when the rules have none in it
 * (macros too: English ones when none is written in the request's language).
 */
export function suggestReplies(rules: RuleSet, request: SuggestionRequest, macros: readonly Macro[]): Suggestions {
  const language = replyLanguage(request.language);
  const clause = request.classification?.clause ?? null;
  const segment = request.segment ?? 'home';
  const items: Suggestion[] = [];
  const rulesText = clause && rules.clauses[clause] ? declineText(rules, request, clause) : null;
  if (rulesText) items.push({ id: `rules:${clause}`, kind: 'rules', name: null, language, clauses: rulesText.clauses, text: rulesText.message });
  const texts = rules.messages[language];
  items.push({
    id: `self-service:${segment}`,
    kind: 'self-service',
    name: null,
    language,
    clauses: ['2.1'],
    text: fillTemplate(texts['self-service'], { links: rules.selfService[segment][language] }),
  });
  items.push(...macrosFor(macros, language, clause).map((m): Suggestion => ({ id: `macro:${m.id}`, kind: 'macro', name: m.name, language: m.language, clauses: m.clauses, text: m.body })));
  return { language, fallback: language !== request.language, clause, draft: items[0].id, items };
}

/** The text an automatic decline of this clause would send (null: the rules decline nothing here). */
function declineText(rules: RuleSet, request: SuggestionRequest, clause: string) {
  const eligibility = { decision: 'supported' as const, clauses: [], reason: '', licenceProblem: null, ...request.eligibility, segment: request.segment };
  const ctx = { country: request.country, language: request.language, segment: request.segment, productCode: request.productCode, productName: null, version: request.productVersion };
  return scopeOutcome(rules, eligibility, { clause, confidence: 1 }, ctx).outcome;
}

/** Macros in the language (English ones when none is in it) for the clause, by name. */
export function macrosFor(macros: readonly Macro[], language: Language, clause: string | null): Macro[] {
  const fits = (m: Macro) => m.clauses.length === 0 || (clause !== null && m.clauses.includes(clause));
  const own = macros.filter((m) => m.language === language);
  const pool = own.length > 0 || language === 'en' ? own : macros.filter((m) => m.language === 'en');
  return pool.filter(fits).sort((a, b) => a.name.localeCompare(b.name));
}
