import { LANGUAGES } from '../classification/types';
import { HIGHEST_PRIORITY, LOWEST_PRIORITY, MESSAGE_KEYS, type RuleSet } from './rule-set';

const KINDS = ['included', 'excluded', 'refusal', 'caveat', 'term'];
const OFFERS = ['professional-services', 'incident-response', 'support-restoration', 'premium-support'];
/** A team skill as the admin API accepts it. */
const SKILL = /^[a-z][a-z0-9-]{0,31}$/;
const isPriority = (v: unknown) => Number.isInteger(v) && (v as number) >= HIGHEST_PRIORITY && (v as number) <= LOWEST_PRIORITY;
const PRIORITIES = `${HIGHEST_PRIORITY}..${LOWEST_PRIORITY}`;
const isUnit = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= 1;

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
    if (clause?.skill !== undefined && !(typeof clause.skill === 'string' && SKILL.test(clause.skill))) {
      problems.push(`clause ${id}: skill must be a short lowercase word, like a team's skill`);
    } else if (clause?.skill !== undefined && clause.skill === r.routing?.triageSkill) {
      problems.push(`clause ${id}: skill must not be the triage skill ${clause.skill}`);
    }
    if (clause?.priority !== undefined && !isPriority(clause.priority)) problems.push(`clause ${id}: priority must be an integer ${PRIORITIES}`);
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
  if (!isUnit(r.classification?.confidenceThreshold)) problems.push('classification.confidenceThreshold must be 0..1');
  const decline = r.classification?.declineThreshold;
  if (decline !== undefined && !isUnit(decline)) problems.push('classification.declineThreshold must be 0..1');
  for (const [id, value] of Object.entries(r.classification?.declineThresholds ?? {})) {
    // a clause's threshold applies while the clause is excluded: a version that includes it may keep the line
    if (!r.clauses?.[id]) problems.push(`classification.declineThresholds.${id}: not a clause of this file`);
    if (!isUnit(value)) problems.push(`classification.declineThresholds.${id} must be 0..1`);
  }
  const sure = r.classification?.sureOutOfScope;
  if (sure !== undefined && !(isUnit(sure?.outOfScope) && isUnit(sure?.confidence))) {
    problems.push('classification.sureOutOfScope must be { outOfScope: 0..1, confidence: 0..1 }');
  }
  if (!['split', 'ask', 'off'].includes(r.splitting as string)) problems.push('splitting must be split, ask or off');
  const routing = r.routing;
  if (!isPriority(routing?.defaultPriority)) problems.push(`routing.defaultPriority must be an integer ${PRIORITIES}`);
  const maxStep = LOWEST_PRIORITY - HIGHEST_PRIORITY;
  const step = routing?.paidPlanStep;
  if (!Number.isInteger(step) || (step as number) < 0 || (step as number) > maxStep) problems.push(`routing.paidPlanStep must be an integer 0..${maxStep}`);
  if (typeof routing?.paidPlanClause !== 'string' || !r.clauses?.[routing.paidPlanClause]) {
    problems.push(`routing.paidPlanClause must be a clause id of this file, got ${JSON.stringify(routing?.paidPlanClause)}`);
  }
  if (typeof routing?.triageSkill !== 'string' || !SKILL.test(routing.triageSkill)) problems.push("routing.triageSkill must be a short lowercase word, like a team's skill");
  if (problems.length > 0) throw new Error(`${source} (version ${r.version ?? '?'}): ${problems.join('; ')}`);
  return r as RuleSet;
}

/** The version in force at `receivedAt`: the latest whose effective date is not after it. */
export function ruleSetInForce(ruleSets: RuleSet[], receivedAt: Date): RuleSet {
  const inForce = ruleSets.filter((set) => Date.parse(set.effectiveFrom) <= receivedAt.getTime()).sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom));
  if (inForce.length === 0) throw new Error(`no rules version is in force at ${receivedAt.toISOString()}`);
  return inForce[0];
}

/** Fills {placeholders} in a reply text; unknown placeholders stay visible rather than vanish. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key] : undefined) ?? whole);
}

/** The reply language for a request: its own when the rules have texts in it, else English. */
export function replyLanguage(language: string | null | undefined): (typeof LANGUAGES)[number] {
  return (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as (typeof LANGUAGES)[number]) : 'en';
}
