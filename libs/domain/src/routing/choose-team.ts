import type { Segment, Team } from '../catalogue';
import type { Scope } from '../outcome';

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
}

export const TRIAGE_SKILL = 'triage';
const MALWARE_CLAUSES = /^4\.1\.2/;

const covers = (team: Team, country: string) => team.countries.includes(country) || team.countries.includes('*');
/** 2: lists the country, 1: covers it through "*", 0: does not cover it. */
const specificity = (team: Team, country: string) => (team.countries.includes(country) ? 2 : team.countries.includes('*') ? 1 : 0);

/**
 * Routing (rule 2.2: support depends on segment and country): the team of the request's segment
 * that covers its country, preferring its language, then the skill its clause needs (malware,
 * 4.1.2, to a "malware" team). Unknown scope goes to a triage team. When nothing covers the
 * country, the fallback is the segment's triage team, then any team of the segment.
 * Returns null only when no team of the segment exists at all.
 */
export function chooseTeam(teams: Team[], input: RoutingInput): RoutingDecision | null {
  const ofSegment = teams.filter((t) => t.segment === input.segment).sort((a, b) => a.id.localeCompare(b.id));
  const triage = ofSegment
    .filter((t) => t.skills.includes(TRIAGE_SKILL))
    .sort((a, b) => specificity(b, input.country) - specificity(a, input.country));
  if (input.scope === 'unknown' && triage.length > 0) {
    const covered = covers(triage[0], input.country);
    return { teamId: triage[0].id, reason: `scope unknown: human triage${covered ? '' : `, no triage team covers ${input.country}`}`, fallback: !covered };
  }
  const skill = input.clause && MALWARE_CLAUSES.test(input.clause) ? 'malware' : null;
  const score = (t: Team) =>
    specificity(t, input.country) * 100 +
    (input.language && t.languages.includes(input.language) ? 10 : 0) +
    (skill && t.skills.includes(skill) ? 1 : 0);
  const candidates = ofSegment
    .filter((t) => covers(t, input.country) && !t.skills.includes(TRIAGE_SKILL))
    .sort((a, b) => score(b) - score(a));
  if (candidates.length > 0) {
    const team = candidates[0];
    const why = [`${input.segment} team for ${input.country}`];
    if (input.language && team.languages.includes(input.language)) why.push(`speaks ${input.language}`);
    if (skill && team.skills.includes(skill)) why.push(`${skill} skill`);
    return { teamId: team.id, reason: why.join(', '), fallback: false };
  }
  const fallback = triage[0] ?? ofSegment[0];
  if (!fallback) return null;
  return { teamId: fallback.id, reason: `no ${input.segment} team covers ${input.country}: fallback`, fallback: true };
}

/**
 * Queue priority, 1 (first) to 3: active malware problems (4.1.2b, 4.1.2c) come before the rest,
 * and a paid support plan moves a request one step ahead.
 */
export function priorityFor(clause: string | null, supportPlan: string | null): number {
  const base = clause === '4.1.2b' || clause === '4.1.2c' ? 2 : 3;
  return Math.max(1, base - (supportPlan ? 1 : 0));
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
