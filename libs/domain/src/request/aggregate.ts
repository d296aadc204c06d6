import type { RequestStatus, TimelineEntry, TimelineEventName } from '@support/contracts';
import type { Segment } from '../catalogue';
import type { EligibilityDecision, LicenceProblem } from '../eligibility';
import type { Outcome, Scope } from '../outcome';
import type { SlaTarget } from '../sla';

export type { RequestStatus } from '@support/contracts';

/** What the licence check decided (rules 4.3, 4.5, 2.4), as stored with the request. */
export interface EligibilityRecord {
  decision: EligibilityDecision;
  clauses: string[];
  reason: string;
  supportPlan: string | null;
  licenceProblem: LicenceProblem | null;
}

/** What the classifier decided (4.1, 4.2, 4.4), as stored with the request. */
export interface ClassificationRecord {
  clause: string | null;
  scope: Scope;
  confidence: number;
  caveats: string[];
  /** the classifier lexicon the decision was made with, like the rules version */
  lexiconVersion?: string;
}

/** Where a request waiting for an agent sits: its BullMQ job in a team or agent queue. */
export interface QueuePlace {
  queue: string;
  id: string;
}

export interface Platform {
  os: string;
  osVersion?: string;
  ramMb?: number;
  diskFreeMb?: number;
}

/** The SLA clock as stored with the request (`sla` in GET /v1/requests/:id): CONTRACT's shape plus details. */
export interface SlaView {
  plan: string;
  hours: 'business' | '24x7';
  team: string | null;
  /** the calendar counted on: the team's calendar id, or "24x7" */
  calendar: string;
  /** the priority the targets are taken from (escalation raises the queue priority, not this) */
  priority: number | null;
  startedAt: string;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstResponseWarnAt: string | null;
  resolutionWarnAt: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  paused: boolean;
  pausedWorkingMinutes: number;
  elapsedWorkingMinutes: { 'first-response': number; resolution: number };
  breaches: { target: SlaTarget; dueAt: string }[];
  warnings: { target: SlaTarget; at: string }[];
  nextAlarm: { kind: 'warning' | 'breach'; target: SlaTarget; at: string } | null;
}

/**
 * One support request (one problem, rule 2.3): the aggregate every stage reads and changes only
 * through a transition. Each stage owns its columns (see lifecycle.ts): intake the facts, the
 * licence check `segment`, `eligibility` and `supportPlan` (and it drops a `companyId` the licence does not confirm, 2.4), classification `classification` and
 * `language`, routing and the desk `teamId`, `priority`, the queue place and the lease, the SLA
 * worker `sla`.
 */
export interface SupportRequest {
  id: string;
  submissionId: string;
  partIndex: number;
  producerId: string;
  status: RequestStatus;
  segment: Segment | null;
  country: string;
  language: string | null;
  customerId: string;
  customerEmail: string;
  companyId: string | null;
  productCode: string;
  productVersion: string;
  platform: Platform | null;
  licenceKey: string | null;
  channel: string;
  topic: string | null;
  subject: string;
  description: string;
  rulesVersion: string | null;
  eligibility: EligibilityRecord | null;
  classification: ClassificationRecord | null;
  outcome: Outcome | null;
  supportPlan: string | null;
  teamId: string | null;
  priority: number | null;
  assigneeId: string | null;
  sla: SlaView | null;
  slaNextAlarmAt: string | null;
  queueJob: QueuePlace | null;
  leaseToken: string | null;
  leaseExpiresAt: string | null;
  firstResponseAt: string | null;
  awaitingSince: string | null;
  awaitCount: number;
  resolvedAt: string | null;
  reopenCount: number;
  receivedAt: string;
  updatedAt: string;
}

/** An event to publish after a transition commits: its job id is derived from the request and `key`. */
export interface Emit {
  event: TimelineEventName;
  /** the occurrence, for events that happen more than once in a request's life */
  key?: string;
}

/**
 * What a transition decides, computed purely from the request and the facts it was given: the
 * change to the request, the timeline entries in the order they happen (at least one carries an
 * effect key, so the whole transition is applied at most once) and the events to publish once it is stored.
 */
export interface Transition {
  patch: Partial<SupportRequest>;
  entries: TimelineEntry[];
  emits: Emit[];
}

/** Where requests are kept (the persistence library implements it): read one, store a transition once. */
export interface RequestRepository {
  find(id: string): Promise<SupportRequest | null>;
  /** Stores the transition's change and entries in one transaction; false (nothing written) when its effect was stored before. */
  apply(requestId: string, transition: Transition): Promise<boolean>;
}

/** What a request holds before any stage has decided anything about it (intake stores this with the facts). */
export const UNDECIDED = {
  segment: null,
  eligibility: null,
  classification: null,
  outcome: null,
  supportPlan: null,
  teamId: null,
  priority: null,
  assigneeId: null,
  sla: null,
  slaNextAlarmAt: null,
  queueJob: null,
  leaseToken: null,
  leaseExpiresAt: null,
  firstResponseAt: null,
  awaitingSince: null,
  awaitCount: 0,
  resolvedAt: null,
  reopenCount: 0,
} as const satisfies Partial<SupportRequest>;
