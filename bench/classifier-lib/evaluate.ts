/** Runs splitter + classifier over examples and scores them (the bench's arithmetic, no printing). */
import { classify, ClassifierResult, detectLanguage, isExcludedClause, isIncludedClause, Language, splitProblems } from '../../libs/domain/src/classification';
import type { Example } from './data';

export const UNKNOWN = 'unknown';

export interface Unit {
  ex: Example;
  gold: string;
  pred: string;
  top1: string;
  confidence: number;
  result?: ClassifierResult;
}

export interface Evaluated {
  ex: Example;
  parts: number;
  units: Unit[];
  detected: Language;
  cpuMicros: number;
}

/** Whether a result citing an excluded clause may be declined automatically (the rules' mayDecline). */
export type MayDecline = (clause: string, r: ClassifierResult) => boolean;

/** Scope decision as the pipeline takes it: below the threshold → triage; a decline needs what mayDecline asks. */
export function decide(r: ClassifierResult, threshold: number, mayDecline: MayDecline): string {
  if (!r.clause || r.confidence < threshold) return UNKNOWN;
  if (isExcludedClause(r.clause) && !mayDecline(r.clause, r)) return UNKNOWN;
  return r.clause;
}

export function evaluate(ex: Example, threshold: number, mayDecline: MayDecline): Evaluated {
  const started = process.cpuUsage();
  const detected = detectLanguage(`${ex.subject}\n${ex.description}`);
  const parts = splitProblems({ subject: ex.subject, description: ex.description });
  const results = parts.map((p) => classify({ subject: p.subject, description: p.description, topic: ex.topic }));
  const used = process.cpuUsage(started);
  const gold = ex.gold.length ? ex.gold : [UNKNOWN];
  const units: Unit[] = gold.map((g, i) => {
    const r = results[i];
    if (!r) return { ex, gold: g, pred: UNKNOWN, top1: UNKNOWN, confidence: 0 };
    return { ex, gold: g, pred: decide(r, threshold, mayDecline), top1: r.clause ?? UNKNOWN, confidence: r.confidence, result: r };
  });
  return { ex, parts: parts.length, units, detected, cpuMicros: used.user + used.system };
}

export interface Figures {
  requests: number;
  problems: number;
  accuracy: number;
  triageRate: number;
  coveredAccuracy: number;
  wrongfulDeclines: number;
  wrongfulDeclineRate: number;
  declines: number;
  declinePrecision: number;
  /** Declines of a problem that is out of scope, whichever excluded clause they cite (the rest decline an included one or a triage case). */
  declinesOutOfScope: number;
  multiSplit: number;
  multiTotal: number;
  singleSplit: number;
  singleTotal: number;
  languageDetection: number;
  cpuMicrosPerRequest: number;
  perLanguage: Record<string, { n: number; accuracy: number }>;
}

const ratio = (n: number, d: number): number => (d === 0 ? NaN : n / d);

export function figures(evs: Evaluated[]): Figures {
  const units = evs.flatMap((e) => e.units);
  const correct = units.filter((u) => u.pred === u.gold).length;
  const covered = units.filter((u) => u.pred !== UNKNOWN);
  const included = units.filter((u) => isIncludedClause(u.gold));
  const wrongful = included.filter((u) => isExcludedClause(u.pred)).length;
  const declines = units.filter((u) => isExcludedClause(u.pred));
  const multi = evs.filter((e) => e.ex.gold.length > 1);
  const single = evs.filter((e) => e.ex.gold.length <= 1);
  const perLanguage: Figures['perLanguage'] = {};
  for (const lang of [...new Set(units.map((u) => u.ex.language))].sort()) {
    const lu = units.filter((u) => u.ex.language === lang);
    perLanguage[lang] = { n: lu.length, accuracy: ratio(lu.filter((u) => u.pred === u.gold).length, lu.length) };
  }
  return {
    requests: evs.length,
    problems: units.length,
    accuracy: ratio(correct, units.length),
    triageRate: ratio(units.length - covered.length, units.length),
    coveredAccuracy: ratio(covered.filter((u) => u.pred === u.gold).length, covered.length),
    wrongfulDeclines: wrongful,
    wrongfulDeclineRate: ratio(wrongful, included.length),
    declines: declines.length,
    declinePrecision: ratio(declines.filter((u) => u.pred === u.gold).length, declines.length),
    declinesOutOfScope: ratio(declines.filter((u) => isExcludedClause(u.gold)).length, declines.length),
    multiSplit: multi.filter((e) => e.parts > 1).length,
    multiTotal: multi.length,
    singleSplit: single.filter((e) => e.parts > 1).length,
    singleTotal: single.length,
    languageDetection: ratio(evs.filter((e) => e.detected === e.ex.language).length, evs.length),
    cpuMicrosPerRequest: ratio(
      evs.reduce((s, e) => s + e.cpuMicros, 0),
      evs.length,
    ),
    perLanguage,
  };
}
