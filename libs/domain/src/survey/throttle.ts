import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { PeriodKind, SurveyPolicy } from './policy';

/**
 * Sampling: a resolved request is surveyed when hash(seed, customer, request) falls below the
 * rate. Deterministic: the same seed always picks the same requests (redelivered events and
 * reruns agree), and a new seed draws a new sample.
 */
export function samplePoint(seed: string, customerId: string, requestId: string): number {
  const digest = createHash('sha256').update(`${seed}\u0000${customerId}\u0000${requestId}`).digest();
  return digest.readUInt32BE(0) / 0x1_0000_0000;
}

export function isSampled(policy: Pick<SurveyPolicy, 'seed' | 'samplingRate'>, customerId: string, requestId: string): boolean {
  return samplePoint(policy.seed, customerId, requestId) < policy.samplingRate;
}

/** The calendar month `now` falls in, in the policy's time zone, as UTC instants [start, end). */
export function monthWindow(now: Date, timezone: string): { start: Date; end: Date } {
  const start = DateTime.fromJSDate(now).setZone(timezone).startOf('month');
  return { start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate() };
}

/** What a customer has been sent already, as seen when a survey is about to go out. */
export interface CustomerSurveyHistory {
  /** The latest time another survey was sent to this customer, if any. */
  lastSentAt: Date | null;
  /** Surveys sent to this customer in the calendar month of `now`. */
  sentThisMonth: number;
}

export type SendDecision = { send: true } | { send: false; reason: string };

/**
 * Throttling, decided at send time (the authoritative moment: what was sent meanwhile counts):
 * no survey within the cooldown after the last one, and at most the monthly cap per month.
 */
export function decideSend(policy: Pick<SurveyPolicy, 'cooldownMs' | 'monthlyCap'>, history: CustomerSurveyHistory, now: Date): SendDecision {
  if (history.lastSentAt && now.getTime() - history.lastSentAt.getTime() < policy.cooldownMs) {
    return { send: false, reason: `cooldown: the customer was sent a survey at ${history.lastSentAt.toISOString()}` };
  }
  if (history.sentThisMonth >= policy.monthlyCap) {
    return { send: false, reason: `monthly cap: ${history.sentThisMonth} of ${policy.monthlyCap} surveys already sent this month` };
  }
  return { send: true };
}

export interface Period {
  /** e.g. "2026-09" or "2026-Q3". */
  key: string;
  start: Date;
  end: Date;
}

/**
 * The period a relationship survey run at `at` is about: the last complete month or quarter
 * before it (a run on 1 October asks about July–September), in the given time zone.
 */
export function previousPeriod(at: Date, kind: PeriodKind, timezone: string): Period {
  const local = DateTime.fromJSDate(at).setZone(timezone);
  const current = local.startOf(kind);
  const start = current.minus(kind === 'month' ? { months: 1 } : { quarters: 1 });
  const key = kind === 'month' ? start.toFormat('yyyy-LL') : `${start.year}-Q${start.quarter}`;
  return { key, start: start.toJSDate(), end: current.toJSDate() };
}

/**
 * The surveys table keys a survey by (requestId, kind, round); a relationship survey's
 * "requestId" is its period and the customer (hashed to fit), so each customer is asked at
 * most once per period however often the run repeats.
 */
export function relationshipKey(periodKey: string, customerId: string): string {
  return `${periodKey}~${createHash('sha256').update(customerId).digest('hex').slice(0, 24)}`;
}

/** A survey's id, derived from its unique key: a redelivered event finds the same survey. */
export function surveyId(kind: 'transactional' | 'relationship', requestId: string, round: number): string {
  return `sv_${createHash('sha256').update(`${kind}\u0000${requestId}\u0000${round}`).digest('hex').slice(0, 32)}`;
}
