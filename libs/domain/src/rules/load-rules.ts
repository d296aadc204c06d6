import { LANGUAGES } from '../classification/types';
import { MESSAGE_KEYS, type RuleSet } from './rule-set';

const KINDS = ['included', 'excluded', 'refusal', 'caveat', 'term'];
const OFFERS = ['professional-services', 'incident-response', 'support-restoration', 'premium-support'];

/** Validates one rules file; throws one Error listing every problem, naming the file's version. */
export function loadRuleSet(raw: unknown, source = 'rules'): RuleSet {
  const problems: string[] = [];
  const r = raw as Partial<RuleSet>;
  if (!r || typeof r !== 'object') throw new Error(`${source}: not a JSON object`);
  if (typeof r.version !== 'string' || !r.version) problems.push('version is missing');
  if (typeof r.effectiveFrom !== 'string' || !Number.isFinite(Date.parse(r.effectiveFrom))) {
    problems.push('effectiveFrom must be an ISO date');
  }
  for (const [id, clause] of Object.entries(r.clauses ?? {})) {
    if (!KINDS.includes(clause?.kind)) problems.push(`clause ${id}: kind must be one of ${KINDS.join(', ')}`);
    if (clause?.offer !== undefined && !OFFERS.includes(clause.offer)) problems.push(`clause ${id}: unknown offer ${clause.offer}`);
    for (const lang of LANGUAGES) if (!clause?.title?.[lang]) problems.push(`clause ${id}: title.${lang} is missing`);
  }
  if (!r.clauses || Object.keys(r.clauses).length === 0) problems.push('clauses are missing');
  for (const offer of OFFERS) {
    const spec = r.offers?.[offer as keyof RuleSet['offers']];
    if (!spec || !Array.isArray(spec.countries)) problems.push(`offers.${offer}.countries is missing`);
    for (const lang of LANGUAGES) if (!spec?.name?.[lang]) problems.push(`offers.${offer}.name.${lang} is missing`);
  }
  for (const segment of ['home', 'business'] as const) {
    for (const lang of LANGUAGES) if (!r.selfService?.[segment]?.[lang]) problems.push(`selfService.${segment}.${lang} is missing`);
  }
  for (const lang of LANGUAGES) {
    for (const key of MESSAGE_KEYS) if (!r.messages?.[lang]?.[key]) problems.push(`messages.${lang}.${key} is missing`);
  }
  const threshold = r.classification?.confidenceThreshold;
  if (typeof threshold !== 'number' || threshold < 0 || threshold > 1) problems.push('classification.confidenceThreshold must be 0..1');
  if (!['split', 'ask', 'off'].includes(r.splitting as string)) problems.push('splitting must be split, ask or off');
  if (problems.length > 0) throw new Error(`${source} (version ${r.version ?? '?'}): ${problems.join('; ')}`);
  return r as RuleSet;
}

/** The version in force at `receivedAt`: the latest whose effective date is not after it. */
export function ruleSetInForce(ruleSets: RuleSet[], receivedAt: Date): RuleSet {
  const inForce = ruleSets
    .filter((set) => Date.parse(set.effectiveFrom) <= receivedAt.getTime())
    .sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom));
  if (inForce.length === 0) throw new Error(`no rules version is in force at ${receivedAt.toISOString()}`);
  return inForce[0];
}

/** Fills {placeholders} in a reply text; unknown placeholders stay visible rather than vanish. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The reply language for a request: its own when the rules have texts in it, else English. */
export function replyLanguage(language: string | null | undefined): (typeof LANGUAGES)[number] {
  return (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as (typeof LANGUAGES)[number]) : 'en';
}
