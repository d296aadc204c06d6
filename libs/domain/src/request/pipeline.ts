import type { AcknowledgedDetail } from '@support/contracts';
import type { Licence, Product } from '../catalogue';
import type { RuleSet } from '../rules';
import { checkEligibility, classifyRequest, type Route } from '../triage';
import type { ClassificationRecord, Emit, EligibilityRecord, QueuePlace, SupportRequest, Transition } from './aggregate';
import { factsOf } from './facts';
import { transition } from './transition';

/**
 * The pipeline's transitions (licence check → classification → routing), pure: each takes the
 * request and the facts its stage looked up, and says what changes. The `…Emits` functions say
 * what a stage publishes from the stored request, so a redelivered job whose effect is already
 * stored publishes the same thing again (principle 2).
 */

export const licenceCheckEmits = (r: SupportRequest): Emit[] => [{ event: r.status === 'declined' ? 'request.declined' : 'request.eligibility-decided' }];
export const classificationEmits = (r: SupportRequest): Emit[] => [{ event: r.status === 'declined' ? 'request.declined' : 'request.classified' }];
export const routingEmits = (): Emit[] => [{ event: 'request.routed' }];

/** The licence's own word for the timeline: its status, 'not registered', or 'none' when no key was given. */
const licenceSeen = (request: SupportRequest, licence: Licence | null) => (request.licenceKey ? (licence ? licence.status : 'not registered') : 'none');

/** Licence check (4.3, 4.5, 2.4): eligible requests go on to classification; refused ones end declined. */
export function eligibilityTransition(request: SupportRequest, rules: RuleSet, product: Product | null, licence: Licence | null): Transition {
  const { eligibility, outcome } = checkEligibility(rules, factsOf(request), product, licence);
  const record: EligibilityRecord = {
    decision: eligibility.decision,
    clauses: eligibility.clauses,
    reason: eligibility.reason,
    supportPlan: eligibility.supportPlan,
    licenceProblem: eligibility.licenceProblem ?? null,
  };
  const stage = 'licence-check';
  // 2.4: the company a producer names stays on the request only when the request's licence is a
  // licence of that company. Otherwise anyone could plant a request in a company's portal (where
  // the company key reads and answers it) by naming the company.
  const company = request.companyId === null ? null : { named: request.companyId, attached: licence !== null && licence.companyId === request.companyId };
  const entries: Transition['entries'] = [
    {
      stage,
      event: 'request.eligibility-decided',
      effectKey: stage,
      detail: { ...record, licence: licenceSeen(request, licence), rulesVersion: rules.version, ...(company ? { company } : {}) },
    },
  ];
  if (outcome) entries.push({ stage, event: 'request.declined', effectKey: 'declined', detail: { ...outcome } });
  const patch = { segment: eligibility.segment, eligibility: record, supportPlan: eligibility.supportPlan, outcome, ...(company && !company.attached ? { companyId: null } : {}) };
  const next = transition(request, entries, patch, []);
  return { ...next, emits: licenceCheckEmits({ ...request, ...next.patch }) };
}

/** Classification (4.1, 4.2, 4.4): confidently excluded requests, and what a limited licence does not cover, end declined. */
export function classificationTransition(request: SupportRequest, rules: RuleSet, product: Product | null): Transition {
  const eligibility = request.eligibility;
  if (!eligibility) throw new Error(`request ${request.id} has no eligibility decision yet`);
  const { result, scope, outcome } = classifyRequest(rules, factsOf(request), { ...eligibility, segment: request.segment }, product);
  const record: ClassificationRecord = { clause: result.clause, scope, confidence: Math.round(result.confidence * 1000) / 1000, caveats: result.caveats, lexiconVersion: result.lexiconVersion };
  const stage = 'classification';
  const entries: Transition['entries'] = [
    {
      stage,
      event: 'request.classified',
      effectKey: stage,
      detail: { ...record, language: result.language, evidence: result.evidence, ranking: result.ranking, outOfScope: result.outOfScope, rulesVersion: rules.version },
    },
  ];
  if (outcome) entries.push({ stage, event: 'request.declined', effectKey: 'declined', detail: { ...outcome } });
  const next = transition(request, entries, { classification: record, language: request.language ?? result.language, outcome }, []);
  return { ...next, emits: classificationEmits({ ...request, ...next.patch }) };
}

/** Routing (2.2): the team, the priority, the place in the team's queue, and the out-of-hours acknowledgement. */
export function routingTransition(request: SupportRequest, route: Route, place: QueuePlace, notice: AcknowledgedDetail | null): Transition {
  const stage = 'routing';
  const entries: Transition['entries'] = [
    {
      stage,
      event: 'request.routed',
      effectKey: stage,
      detail: { team: route.teamId, priority: route.priority, reason: route.reason, fallback: route.fallback, clauses: route.clauses, priorityReason: route.priorityReason },
    },
  ];
  if (notice) entries.push({ stage, event: 'request.acknowledged', effectKey: 'out-of-hours', detail: notice });
  return transition(request, entries, { teamId: route.teamId, priority: route.priority, queueJob: place }, routingEmits());
}

/** A request still waiting for its first agent sits in its team queue under its own id. */
export const waitsForFirstAgent = (r: SupportRequest): r is SupportRequest & { queueJob: QueuePlace } => r.status === 'queued' && r.queueJob?.id === r.id;
