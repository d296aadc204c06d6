/** The shapes GET /v1/requests/:id answers with (CONTRACT.md, "Reading a request"). */
export const REQUEST_STATUSES = ['received', 'checking-licence', 'classifying', 'queued', 'assigned', 'awaiting-customer', 'resolved', 'closed', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export type Segment = 'home' | 'business';
export type EligibilityDecision = 'supported' | 'limited' | 'refused';
export type Scope = 'included' | 'excluded' | 'unknown';
export type Offer = 'professional-services' | 'incident-response' | 'support-restoration' | 'premium-support';

export interface EligibilityView {
  decision: EligibilityDecision;
  clauses: string[];
  reason: string;
}

export interface ClassificationView {
  clause: string | null;
  scope: Scope;
  confidence: number;
  caveats: string[];
}

export interface OutcomeView {
  kind: 'refused' | 'out-of-scope' | 'limited';
  clauses: string[];
  offer: Offer | null;
  message: string;
}

export interface TimelineEntryView {
  at: string;
  stage: string;
  event: string;
  /** typed per event: see TimelineDetails in timeline.ts */
  detail: object;
}

export interface SubmissionAnswer {
  submissionId: string;
  requests: { id: string; customerToken: string }[];
}
