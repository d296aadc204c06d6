import type { Segment, Team } from '../catalogue';
import type { Scope } from '../outcome';
import { HIGHEST_PRIORITY, type RuleSet } from '../rules';

/** What routing reads from a rules version: each clause's `skill` and `priority`, and `routing`. */
export type RoutingRuleSet = Pick<RuleSet, 'clauses' | 'routing'>;

export interface RoutingInput {
  segment: Segment;
  country: string;
  language: string | null;
  clause: string | null;
  scope: Scope;
}

export interface RoutingDecision {
  teamId: string;
  /** How the team was chosen, for the timeline. */
  reason: string;
  fallback: boolean;
  /** The clause ids the choice rests on: 2.2 (segment × country), and the clause whose skill the team has. */
  clauses: string[];
}

/** Clause 2.2: support depends on the product segment and the country. */
const SEGMENT_COUNTRY = '2.2';

const covers = (team: Team, country: string) => team.countries.includes(country) || team.countries.includes('*');
/** 2: lists the country, 1: covers it through "*", 0: does not cover it. */
const specificity = (team: Team, country: string) => (team.countries.includes(country) ? 2 : team.countries.includes('*') ? 1 : 0);

/**
 * Routing (rule 2.2: support depends on segment and country): the team of the request's segment
 * that covers its country, preferring its language, then the skill its clause needs (the clause's
 * `skill` in the rules version, e.g. 4.1.2x to a "malware" team). Unknown scope goes to a team with
 * the rules' triage skill. When nothing covers the country, the fallback is the segment's triage
 * team, then any team of the segment. Returns null only when no team of the segment exists at all.
 */
export function chooseTeam(rules: RoutingRuleSet, teams: Team[], input: RoutingInput): RoutingDecision | null {
  const triageSkill = rules.routing.triageSkill;
  const ofSegment = teams.filter((t) => t.segment === input.segment).sort((a, b) => a.id.localeCompare(b.id));
  const triage = ofSegment.filter((t) => t.skills.includes(triageSkill)).sort((a, b) => specificity(b, input.country) - specificity(a, input.country));
  if (input.scope === 'unknown' && triage.length > 0) {
    const covered = covers(triage[0], input.country);
    return { teamId: triage[0].id, reason: `scope unknown: human triage${covered ? '' : `, no triage team covers ${input.country}`}`, fallback: !covered, clauses: [SEGMENT_COUNTRY] };
  }
  const skill = (input.clause && rules.clauses[input.clause]?.skill) || null;
  const score = (t: Team) => specificity(t, input.country) * 100 + (input.language && t.languages.includes(input.language) ? 10 : 0) + (skill && t.skills.includes(skill) ? 1 : 0);
  const candidates = ofSegment.filter((t) => covers(t, input.country) && !t.skills.includes(triageSkill)).sort((a, b) => score(b) - score(a));
  if (candidates.length > 0) {
    const team = candidates[0];
    const why = [`${input.segment} team for ${input.country}`];
    const clauses = [SEGMENT_COUNTRY];
    if (input.language && team.languages.includes(input.language)) why.push(`speaks ${input.language}`);
    if (skill && team.skills.includes(skill)) {
      why.push(`${skill} skill`);
      clauses.push(input.clause as string);
    }
    return { teamId: team.id, reason: why.join(', '), fallback: false, clauses };
  }
  const fallback = triage[0] ?? ofSegment[0];
  if (!fallback) return null;
  return { teamId: fallback.id, reason: `no ${input.segment} team covers ${input.country}: fallback`, fallback: true, clauses: [SEGMENT_COUNTRY] };
}

export interface PriorityDecision {
  /** The queue priority level, 1 (first) to 3. */
  priority: number;
  /** How it was set, for the timeline. */
  reason: string;
  /** The clause that set the level (when it has its own), and the paid-plan clause when the plan raised it. */
  clauses: string[];
}

/**
 * Queue priority, 1 (first) to 3: the `priority` of the request's clause in the rules version
 * (active malware problems, 4.1.2b and 4.1.2c, come before the rest), else the rules'
 * `routing.defaultPriority`; a paid support plan moves it `routing.paidPlanStep` levels ahead,
 * never beyond 1, citing `routing.paidPlanClause`.
 */
export function priorityFor(rules: RoutingRuleSet, clause: string | null, supportPlan: string | null): PriorityDecision {
  const { defaultPriority, paidPlanStep, paidPlanClause } = rules.routing;
  const own = clause ? rules.clauses[clause]?.priority : undefined;
  const base = own ?? defaultPriority;
  const clauses = own !== undefined ? [clause as string] : [];
  let reason = own !== undefined ? `priority ${base} for ${clause}` : `default priority ${base}`;
  const priority = supportPlan ? Math.max(HIGHEST_PRIORITY, base - paidPlanStep) : base;
  if (priority < base) {
    clauses.push(paidPlanClause);
    reason += `, raised to ${priority} by the paid plan ${supportPlan}`;
  }
  return { priority, reason, clauses };
}

/** BullMQ priorities run from 1 (first) to 2^21; each priority level gets an equal band. */
const BAND = Math.floor(2_097_152 / 3);
const EPOCH = Date.UTC(2026, 0, 1);
const SLOT_MS = 10 * 60_000;

/**
 * One number for BullMQ's priority that orders a team queue as the rules want: priority level
 * first, then the earliest deadline (10-minute slots from 2026; paid requests have one), then,
 * by BullMQ's own order for equal priorities, the oldest.
 */
export function queuePriority(level: number, deadline: Date | null): number {
  const band = (Math.min(3, Math.max(1, level)) - 1) * BAND;
  if (!deadline) return band + BAND - 1;
  const slot = Math.floor((deadline.getTime() - EPOCH) / SLOT_MS);
  return band + 1 + Math.min(BAND - 3, Math.max(0, slot));
}
