import type { OutcomeView, RequestStatus, TimelineRecord } from '@support/contracts';
import type { SupportRequest } from '@support/domain';

/** One message of the conversation as the customer sees it: what support wrote to them and what they wrote. */
export interface CustomerMessageView {
  at: string;
  from: 'support' | 'customer';
  /** support: answer, information-request, diagnostic-utility (an agent's reply) or notice (an automatic message); customer: message */
  kind: 'answer' | 'information-request' | 'diagnostic-utility' | 'notice' | 'message';
  body: string;
}

/** The feedback survey of the request, once it was sent (the link itself goes out in the survey notification). */
export interface CustomerSurveyView {
  id: string;
  status: 'sent' | 'answered' | 'expired';
  sentAt: string | null;
  expiresAt: string | null;
  answeredAt: string | null;
}

/** What a survey row must give for the projection (SurveyEntity has more). */
export interface SurveyFacts {
  id: string;
  status: string;
  sentAt: string | null;
  expiresAt: string | null;
  answeredAt: string | null;
}

/**
 * GET /v1/requests/:id for a customer token or a company key: what the customer may see, and no
 * internals (no eligibility reasoning, classifier evidence, ranking or confidence, team, priority,
 * agent ids, stage timeline); the clause and caveats the rules cite are the customer's to know. Producers, agents and the admin get the full RequestView.
 */
export interface CustomerRequestView {
  id: string;
  submissionId: string;
  status: RequestStatus;
  customer: { id: string };
  companyId: string | null;
  product: { code: string; version: string };
  channel: string;
  language: string | null;
  subject: string;
  description: string;
  receivedAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  /** The clause of the rules the request was classified under (null before classification, or when no clause fits). */
  clause: string | null;
  /** The 4.4 caveats attached to the request: shown to the agent and the customer (no guarantee of a fix). */
  caveats: string[];
  /** The title of every clause this view cites (clause, caveats, outcome), from the rules version the request is judged by. */
  clauseTitles: Record<string, string>;
  /** Set when standard support does not cover the request: the clauses, the paid offer and the reply text. */
  outcome: OutcomeView | null;
  /** The response-time targets of a paid plan, or null. */
  sla: { plan: string; firstResponseDueAt: string | null; resolutionDueAt: string | null; paused: boolean } | null;
  /** Oldest first; empty in lists. */
  messages: CustomerMessageView[];
  survey: CustomerSurveyView | null;
}

/** The conversation in the timeline: agents' replies, automatic notices to the customer, and the customer's own messages. */
function messagesOf(timeline: readonly TimelineRecord[]): CustomerMessageView[] {
  const messages: CustomerMessageView[] = [];
  for (const e of timeline) {
    const at = e.at;
    switch (e.event) {
      case 'request.replied':
        messages.push({ at, from: 'support', kind: e.detail.kind, body: e.detail.body });
        break;
      case 'request.received':
        // Rule 2.3: what the customer was told about several problems in one message.
        if (e.detail.notice) messages.push({ at, from: 'support', kind: 'notice', body: e.detail.notice });
        break;
      case 'request.acknowledged':
      case 'request.reminder-sent':
      case 'request.closed':
        messages.push({ at, from: 'support', kind: 'notice', body: e.detail.message });
        break;
      case 'request.customer-replied':
      case 'request.customer-message':
      case 'request.reopened':
        messages.push({ at, from: 'customer', kind: 'message', body: e.detail.body });
        break;
      default:
        break;
    }
  }
  return messages;
}

const SHOWN_SURVEY = ['sent', 'answered', 'expired'];

/** A clause's title in a rules version (RulesService.clauseTitle), or null. */
export type ClauseTitle = (version: string, id: string) => string | null;

function titlesOf(r: SupportRequest, title: ClauseTitle): Record<string, string> {
  const version = r.rulesVersion;
  if (!version) return {};
  const ids = [r.classification?.clause, ...(r.classification?.caveats ?? []), ...(r.outcome?.clauses ?? [])].filter((id): id is string => !!id);
  return Object.fromEntries(ids.flatMap((id) => (title(version, id) ? [[id, title(version, id) as string]] : [])));
}

/** The customer's projection of a request (see CustomerRequestView); `timeline` null in lists. */
export function toCustomerRequestView(r: SupportRequest, timeline: readonly TimelineRecord[] | null, survey: SurveyFacts | null = null, title: ClauseTitle = () => null): CustomerRequestView {
  return {
    id: r.id,
    submissionId: r.submissionId,
    status: r.status,
    customer: { id: r.customerId },
    companyId: r.companyId,
    product: { code: r.productCode, version: r.productVersion },
    channel: r.channel,
    language: r.language,
    subject: r.subject,
    description: r.description,
    receivedAt: r.receivedAt,
    updatedAt: r.updatedAt,
    firstResponseAt: r.firstResponseAt,
    resolvedAt: r.resolvedAt,
    clause: r.classification?.clause ?? null,
    caveats: [...(r.classification?.caveats ?? [])],
    clauseTitles: titlesOf(r, title),
    outcome: r.outcome ? { kind: r.outcome.kind, clauses: [...r.outcome.clauses], offer: r.outcome.offer, message: r.outcome.message } : null,
    sla: r.sla ? { plan: r.sla.plan, firstResponseDueAt: r.sla.firstResponseDueAt, resolutionDueAt: r.sla.resolutionDueAt, paused: r.sla.paused } : null,
    messages: timeline ? messagesOf(timeline) : [],
    survey:
      survey && SHOWN_SURVEY.includes(survey.status)
        ? { id: survey.id, status: survey.status as CustomerSurveyView['status'], sentAt: survey.sentAt, expiresAt: survey.expiresAt, answeredAt: survey.answeredAt }
        : null,
  };
}

/** Whether a caller sees the customer's projection rather than the full view. */
export const seesCustomerView = (kind: string): boolean => kind === 'customer' || kind === 'company';
