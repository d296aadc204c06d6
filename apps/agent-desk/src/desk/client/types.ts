/** The shapes the page reads from the /v1 API and /desk/config.json (only the fields it shows). */

export interface ClauseInfo {
  kind: string;
  /** English */
  title: string;
  /** language → title */
  titles?: Record<string, string>;
}

export interface DeskConfig {
  leaseMs: number;
  latest?: string | null;
  /** rules version → clause id → kind and titles */
  rules: Record<string, Record<string, ClauseInfo>>;
}

export interface Agent {
  id: string;
  name: string;
  /** `supervisor` sees the supervision section */
  role?: string;
  teams: { id: string; waiting: number; active: number }[];
  returning?: { waiting: number } | null;
}

export interface MyRequest {
  id: string;
  subject: string;
  status: string;
  team?: string | null;
  leaseExpiresAt?: string | null;
}

export interface TimelineEntry {
  at: string;
  event: string;
  stage: string;
  detail?: Record<string, unknown> | null;
}

export interface Sla {
  plan?: unknown;
  firstResponseDueAt?: string | null;
  resolutionDueAt?: string | null;
  firstRespondedAt?: string | null;
  resolvedAt?: string | null;
  paused?: boolean;
  breaches?: { target: string; dueAt: string }[];
}

export interface RequestView {
  id: string;
  subject?: string;
  status: string;
  assignee?: string | null;
  receivedAt: string;
  channel: string;
  rulesVersion: string;
  segment?: string | null;
  customer: { id: string };
  companyId?: string | null;
  country: string;
  language?: string | null;
  product: { code: string; version: string };
  team?: string | null;
  priority?: number | null;
  eligibility?: { decision: string; clauses?: string[]; reason?: string | null } | null;
  classification?: { clause?: string | null; scope?: string | null; confidence?: number | null; caveats?: string[] } | null;
  outcome?: { kind: string; clauses?: string[]; offer?: { id?: string; title?: string } | null; message?: string | null } | null;
  description: string;
  timeline?: TimelineEntry[];
  sla?: Sla | null;
}

export interface Claim {
  request: RequestView;
  leaseExpiresAt: string;
}
