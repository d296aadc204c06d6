import type { ClassificationView, EligibilityView, OutcomeView } from './request-view';

/**
 * The typed timeline: every entry a stage writes is one member of this union, keyed by its event
 * name. A stage that reads another stage's entry (the SLA clock reads `request.routed`) reads
 * these types, never a loose object, so a writer and its readers cannot drift apart.
 */

export type ReplyKind = 'answer' | 'information-request' | 'diagnostic-utility';
export type SlaTargetName = 'first-response' | 'resolution';

export interface ReceivedDetail {
  submissionId: string;
  channel: string;
  part: number;
  of: number;
  rulesVersion: string;
  /** Rule 2.3: what the customer was told about several problems in one message. */
  splitting?: string;
  problemsDetected?: number;
  notice?: string;
}

export interface EligibilityDecidedDetail extends EligibilityView {
  supportPlan: string | null;
  licenceProblem: string | null;
  /** the licence's status as read, 'not registered', or 'none' when no key was given */
  licence: string;
  rulesVersion: string;
  /** The company the producer named, and whether it stays on the request (only when the licence is that company's, 2.4). */
  company?: { named: string; attached: boolean };
}

export interface ClassifiedDetail extends ClassificationView {
  language: string;
  evidence: unknown;
  ranking: unknown;
  /** the model's probability that the problem is out of scope, whichever exclusion (when the model took part) */
  outOfScope?: number;
  rulesVersion?: string;
  lexiconVersion?: string;
}

export interface RoutedDetail {
  team: string;
  priority: number;
  reason: string;
  fallback: boolean;
  /** the clause ids the route rests on (2.2, the clause that gave the skill or priority) */
  clauses: string[];
  /** why the priority is what it is (the clause's priority, a paid plan's step) */
  priorityReason: string;
}

export interface AcknowledgedDetail {
  opensAt: string;
  timezone: string;
  message: string;
  clauses: string[];
}

export interface AssignedDetail {
  agent: string;
  queue: string;
  leaseExpiresAt: string;
}

export interface LeaseEndedDetail {
  agent: string | null;
  queue: string;
}

export interface AgentDetail {
  agent: string;
}

export interface RepliedDetail {
  agent: string;
  body: string;
  kind: ReplyKind;
  firstResponse: boolean;
  /** The suggested reply the agent started from (`rules:<clause>`, `self-service:<segment>`, `macro:<id>`): for agents, never in the customer's view. */
  suggestionId?: string;
}

export interface AwaitingCustomerDetail {
  kind: ReplyKind;
  clauses: string[];
}

export interface CustomerMessageDetail {
  from: string;
  body: string;
  /** Set when the message came by mail (apps/mail-in): the body is the reply without its quoted history. */
  channel?: 'email';
  /** A mail's attachments that were kept (content in mail_attachments) and those refused, with the reason. */
  attachments?: MailAttachmentView[];
  refusedAttachments?: RefusedAttachmentView[];
}

export interface MailAttachmentView {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface RefusedAttachmentView {
  filename: string;
  contentType: string;
  size: number;
  reason: string;
}

/** An agent's internal note: for agents only, never in the customer's view, a mail or a webhook. */
export interface NoteAddedDetail {
  agent: string;
  body: string;
}

/** A person moved the request to another team (the `request.routed` written with it tells the SLA clock). */
export interface TransferredDetail {
  agent: string;
  from: string | null;
  to: string;
  reason: string;
}

/** A person's decision on the clause, over the classifier's: re-routes the request (a `request.routed` follows) and is kept as a labelled example. */
export interface ReclassifiedDetail {
  agent: string;
  from: string | null;
  to: string;
  reason: string;
  rulesVersion: string | null;
}

/** A request held for its agent (the agent's own queue, after a customer reply) went back to the team queue. */
export interface ReturnedToTeamDetail {
  /** the agent it was held for */
  agent: string;
  /** the supervisor who released it, or "timer" (RETURN_TO_TEAM_AFTER_MS) */
  by: string;
  team: string;
}

/** A supervisor gave the request to an agent (into that agent's own queue). */
export interface ReassignedDetail {
  by: string;
  from: string | null;
  to: string;
}

export interface ResolvedDetail {
  agent: string;
  summary: string;
}

export interface NoticeDetail {
  message: string;
  clauses: string[];
  reason?: string;
}

export interface SlaAlarmDetail {
  target: SlaTargetName;
  plan: string;
  team: string | null;
  dueAt: string | null;
  warnAt?: string;
  priority: { from: number | null; to: number | null };
  supervisors?: { id: string; name: string }[];
  trigger: string;
  message: string;
}

export interface EscalatedDetail {
  target: SlaTargetName;
  dueAt: string | null;
  team: string | null;
  priority: { from: number | null; to: number };
  supervisors: string[];
}

export interface PlanChangedDetail {
  from: string | null;
  to: string | null;
  licenceKey: string;
  reason: string;
}

/** A message about the request that could not be delivered (a permanent failure, or retries exhausted). */
export interface NotificationFailedDetail {
  channel: 'email' | 'webhook';
  /** the mail address, or the webhook subscription id */
  recipient: string;
  /** the event the message was about */
  about: string;
  deliveryId: string;
  attempts: number;
  reason: string;
}

/** Entries for agents only: dropped from every view outside the desk (the customer's, a producer's). */
export const INTERNAL_EVENTS: readonly string[] = ['request.note-added'];

/** Event name → the detail its timeline entry carries. */
export interface TimelineDetails {
  'request.received': ReceivedDetail;
  'request.eligibility-decided': EligibilityDecidedDetail;
  'request.classified': ClassifiedDetail;
  'request.declined': OutcomeView;
  'request.routed': RoutedDetail;
  'request.acknowledged': AcknowledgedDetail;
  'request.assigned': AssignedDetail;
  'request.lease-expired': LeaseEndedDetail;
  'request.released': AgentDetail;
  'request.replied': RepliedDetail;
  'request.awaiting-customer': AwaitingCustomerDetail;
  'request.customer-replied': CustomerMessageDetail;
  'request.customer-message': CustomerMessageDetail;
  'request.reopened': CustomerMessageDetail;
  'request.resolved': ResolvedDetail;
  'request.reminder-sent': NoticeDetail;
  'request.closed': NoticeDetail;
  'request.escalated': EscalatedDetail;
  'request.note-added': NoteAddedDetail;
  'request.transferred': TransferredDetail;
  'request.reclassified': ReclassifiedDetail;
  'request.returned-to-team': ReturnedToTeamDetail;
  'request.reassigned': ReassignedDetail;
  'sla.warning': SlaAlarmDetail;
  'sla.breached': SlaAlarmDetail;
  'sla.escalated': EscalatedDetail;
  'sla.plan-changed': PlanChangedDetail;
  'notification.failed': NotificationFailedDetail;
}

export type TimelineEventName = keyof TimelineDetails;

/** Every timeline event name at run time (the compiler checks the list is complete). */
const TIMELINE_EVENT_SET: Record<TimelineEventName, true> = {
  'request.received': true,
  'request.eligibility-decided': true,
  'request.classified': true,
  'request.declined': true,
  'request.routed': true,
  'request.acknowledged': true,
  'request.assigned': true,
  'request.lease-expired': true,
  'request.released': true,
  'request.replied': true,
  'request.awaiting-customer': true,
  'request.customer-replied': true,
  'request.customer-message': true,
  'request.reopened': true,
  'request.resolved': true,
  'request.reminder-sent': true,
  'request.closed': true,
  'request.escalated': true,
  'request.note-added': true,
  'request.transferred': true,
  'request.reclassified': true,
  'request.returned-to-team': true,
  'request.reassigned': true,
  'sla.warning': true,
  'sla.breached': true,
  'sla.escalated': true,
  'sla.plan-changed': true,
  'notification.failed': true,
};
export const TIMELINE_EVENTS = Object.keys(TIMELINE_EVENT_SET) as TimelineEventName[];

/** One timeline entry as a stage writes it: the event and its typed detail. */
export type TimelineEntry<E extends TimelineEventName = TimelineEventName> = {
  [K in E]: {
    stage: string;
    event: K;
    detail: TimelineDetails[K];
    /** Set for a stage's effect: the same key is applied at most once per request. */
    effectKey?: string | null;
    at?: Date;
  };
}[E];

/** A stored timeline entry, as read back. */
export type TimelineRecord<E extends TimelineEventName = TimelineEventName> = {
  [K in E]: { id: number; at: string; stage: string; event: K; detail: TimelineDetails[K]; effectKey: string | null };
}[E];

/** The entries of one event type, typed (e.g. every `request.routed` with its team and priority). */
export function entriesOf<E extends TimelineEventName>(timeline: readonly TimelineRecord[], event: E): TimelineRecord<E>[] {
  return timeline.filter((e) => e.event === event) as TimelineRecord<E>[];
}
