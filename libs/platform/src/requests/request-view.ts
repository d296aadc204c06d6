import type { ClassificationView, EligibilityView, OutcomeView, RequestStatus, Segment, TimelineEntryView, TimelineRecord } from '@support/contracts';
import type { SlaView, SupportRequest } from '@support/domain';

export interface RequestView {
  id: string;
  submissionId: string;
  status: RequestStatus;
  segment: Segment | null;
  country: string;
  language: string | null;
  customer: { id: string };
  companyId: string | null;
  product: { code: string; version: string };
  channel: string;
  subject: string;
  description: string;
  receivedAt: string;
  rulesVersion: string | null;
  eligibility: EligibilityView | null;
  classification: ClassificationView | null;
  outcome: OutcomeView | null;
  team: string | null;
  priority: number | null;
  assignee: string | null;
  sla: SlaView | null;
  timeline: TimelineEntryView[];
}

const pick = <T extends object, K extends keyof T>(value: T | null, keys: K[]): Pick<T, K> | null => (value ? (Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>) : null);

/** GET /v1/requests/:id (CONTRACT.md): the request, its decisions with clause ids, and its timeline. */
export function toRequestView(r: SupportRequest, timeline: readonly TimelineRecord[] | null): RequestView {
  return {
    id: r.id,
    submissionId: r.submissionId,
    status: r.status,
    segment: r.segment,
    country: r.country,
    language: r.language,
    customer: { id: r.customerId },
    companyId: r.companyId,
    product: { code: r.productCode, version: r.productVersion },
    channel: r.channel,
    subject: r.subject,
    description: r.description,
    receivedAt: r.receivedAt,
    rulesVersion: r.rulesVersion,
    eligibility: pick<EligibilityView, keyof EligibilityView>(r.eligibility, ['decision', 'clauses', 'reason']),
    classification: pick<ClassificationView, keyof ClassificationView>(r.classification, ['clause', 'scope', 'confidence', 'caveats']),
    outcome: r.outcome,
    team: r.teamId,
    priority: r.priority,
    assignee: r.assigneeId,
    sla: r.sla ?? null,
    timeline: (timeline ?? []).map((e) => ({ at: e.at, stage: e.stage, event: e.event, detail: e.detail })),
  };
}
