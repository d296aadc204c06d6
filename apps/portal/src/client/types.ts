/** The shapes the portal reads from the /v1 API (the customer's projection of a request; only the fields it shows). */

export interface Company {
  id: string;
  name: string;
  country: string;
}

export interface Message {
  at: string;
  from: 'support' | 'customer';
  kind: string;
  body: string;
}

export interface CustomerRequest {
  id: string;
  status: string;
  subject: string;
  description: string;
  customer: { id: string };
  product: { code: string; version: string };
  channel: string;
  receivedAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  clause: string | null;
  caveats: string[];
  clauseTitles: Record<string, string>;
  outcome: { kind: string; clauses: string[]; offer: string | null; message: string | null } | null;
  sla: { plan: string; firstResponseDueAt: string | null; resolutionDueAt: string | null; paused: boolean } | null;
  messages: Message[];
  survey: { status: string } | null;
}

export interface RequestPage {
  items: CustomerRequest[];
  nextCursor: string | null;
}

export interface PendingSurvey {
  id: string;
  kind: string;
  subject: string | null;
  customerId: string;
  language: string;
  expiresAt: string;
  token: string;
  feedbackTypes: { id: string; label: string }[];
}
