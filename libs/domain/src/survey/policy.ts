import { DateTime } from 'luxon';

/** The languages survey texts exist in (the rules' reply languages). */
export const SURVEY_LANGUAGES = ['en', 'lv', 'ru'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

/** The texts of the form and of the delivery notification, per language. */
export const SURVEY_TEXT_KEYS = [
  'title',
  'intro',
  'introRelationship',
  'typeLegend',
  'scoreLegend',
  'scoreLow',
  'scoreHigh',
  'commentLabel',
  'submit',
  'thanks',
  'expired',
  'answered',
  'unknown',
  'invalid',
  'subject',
  'body',
  'companyBody',
  'unsubscribeTitle',
  'unsubscribeAsk',
  'unsubscribeButton',
  'unsubscribed',
] as const;
export type SurveyTextKey = (typeof SURVEY_TEXT_KEYS)[number];

export interface FeedbackType {
  id: string;
  labels: Record<SurveyLanguage, string>;
}

export type PeriodKind = 'month' | 'quarter';

/**
 * The survey policy ("survey policy is data", ARCHITECTURE.md principle 4): when a survey goes
 * out, how often a customer may be asked, how many are sampled, and what the form says.
 */
export interface SurveyPolicy {
  /** After resolution, wait this long before sending (ms). */
  delayMs: number;
  /** No survey to a customer who was sent one within this long (ms). */
  cooldownMs: number;
  /** At most this many surveys sent to one customer per calendar month (in `timezone`). */
  monthlyCap: number;
  /** Share of resolved requests surveyed, 0..1, decided by hash(seed, customer, request). */
  samplingRate: number;
  seed: string;
  /** A survey link is valid this long after sending (ms). */
  tokenLifetimeMs: number;
  /** A score at or below this opens a follow-up for the team's supervisors. */
  lowScoreThreshold: number;
  /** Months (for the cap) and periods are counted in this time zone. */
  timezone: string;
  relationship: { cron: string; timezone: string; period: PeriodKind };
  feedbackTypes: FeedbackType[];
  texts: Record<SurveyLanguage, Record<SurveyTextKey, string>>;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "500ms", "90s", "15m", "2h", "30d" → milliseconds; null when it is not such a duration. */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value !== 'string') return null;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(value.trim());
  return match ? Math.round(Number(match[1]) * UNITS[match[2]]) : null;
}

const CRON = /^\S+(\s+\S+){4,5}$/;

/**
 * Validates a raw policy (config/surveys/policy.json) and returns it typed; a bad file throws one
 * error naming every problem, so a process with a broken policy does not start.
 */
export function loadSurveyPolicy(raw: unknown, source = 'survey policy'): SurveyPolicy {
  const problems: string[] = [];
  const r = raw as Record<string, any>;
  if (!r || typeof r !== 'object' || Array.isArray(r)) throw new Error(`${source}: not a JSON object`);
  const duration = (key: string): number => {
    const ms = parseDuration(r[key]);
    if (ms === null) problems.push(`${key} must be a duration such as "2h", "30d" or "500ms" (got ${JSON.stringify(r[key])})`);
    return ms ?? 0;
  };
  const delayMs = duration('delay');
  const cooldownMs = duration('cooldown');
  const tokenLifetimeMs = duration('tokenLifetime');
  if (tokenLifetimeMs === 0 && !problems.some((p) => p.startsWith('tokenLifetime'))) problems.push('tokenLifetime must be longer than 0');
  const int = (key: string, min: number, max: number): number => {
    const v = r[key];
    if (!Number.isInteger(v) || v < min || v > max) problems.push(`${key} must be a whole number from ${min} to ${max} (got ${JSON.stringify(v)})`);
    return v as number;
  };
  const monthlyCap = int('monthlyCap', 0, 1000);
  const lowScoreThreshold = int('lowScoreThreshold', 0, 5);
  const samplingRate = r.samplingRate;
  if (typeof samplingRate !== 'number' || !(samplingRate >= 0 && samplingRate <= 1)) problems.push(`samplingRate must be a number from 0 to 1 (got ${JSON.stringify(samplingRate)})`);
  if (typeof r.seed !== 'string' || !r.seed) problems.push('seed must be a non-empty string');
  const zoneOk = (zone: unknown) => typeof zone === 'string' && DateTime.now().setZone(zone).isValid;
  if (!zoneOk(r.timezone)) problems.push(`timezone must be an IANA time zone such as Europe/Riga (got ${JSON.stringify(r.timezone)})`);
  const rel = r.relationship;
  if (!rel || typeof rel !== 'object') problems.push('relationship { cron, timezone, period } is missing');
  else {
    if (typeof rel.cron !== 'string' || !CRON.test(rel.cron.trim())) problems.push(`relationship.cron must be a cron pattern such as "0 9 1 * *" (got ${JSON.stringify(rel.cron)})`);
    if (!zoneOk(rel.timezone)) problems.push(`relationship.timezone must be an IANA time zone (got ${JSON.stringify(rel.timezone)})`);
    if (!['month', 'quarter'].includes(rel.period)) problems.push(`relationship.period must be "month" or "quarter" (got ${JSON.stringify(rel.period)})`);
  }
  const types = r.feedbackTypes;
  if (!Array.isArray(types) || types.length === 0) problems.push('feedbackTypes must be a non-empty list');
  else {
    const seen = new Set<string>();
    types.forEach((t: any, i: number) => {
      if (typeof t?.id !== 'string' || !/^[a-z][a-z0-9-]{0,31}$/.test(t.id)) problems.push(`feedbackTypes[${i}].id must be a lower-case id of at most 32 characters`);
      else if (seen.has(t.id)) problems.push(`feedbackTypes[${i}].id "${t.id}" appears twice`);
      else seen.add(t.id);
      for (const lang of SURVEY_LANGUAGES) if (typeof t?.labels?.[lang] !== 'string' || !t.labels[lang]) problems.push(`feedbackTypes[${i}].labels.${lang} is missing`);
    });
  }
  for (const lang of SURVEY_LANGUAGES) {
    for (const key of SURVEY_TEXT_KEYS) if (typeof r.texts?.[lang]?.[key] !== 'string' || !r.texts[lang][key]) problems.push(`texts.${lang}.${key} is missing`);
  }
  if (problems.length > 0) throw new Error(`${source} is invalid:\n  - ${problems.join('\n  - ')}`);
  return {
    delayMs,
    cooldownMs,
    monthlyCap,
    samplingRate,
    seed: r.seed,
    tokenLifetimeMs,
    lowScoreThreshold,
    timezone: r.timezone,
    relationship: { cron: rel.cron.trim(), timezone: rel.timezone, period: rel.period },
    feedbackTypes: types.map((t: FeedbackType) => ({ id: t.id, labels: { en: t.labels.en, lv: t.labels.lv, ru: t.labels.ru } })),
    texts: r.texts,
  };
}

/** The language a survey is written in: the customer's when the policy has it, else English. */
export function surveyLanguage(language: string | null | undefined): SurveyLanguage {
  return (SURVEY_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as SurveyLanguage) : 'en';
}
