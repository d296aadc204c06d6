import type { Sla } from './types';

/** The work list's query: the form's filled fields as GET /v1/requests parameters (pure, no DOM). */

/** The form fields the API takes as they are; `slaDueBefore` is a local date-time turned into an ISO time. */
const PLAIN = ['q', 'status', 'team', 'clause', 'priority', 'assignee', 'language', 'customer', 'sort'];

/** Rows per page: a screenful to scan; "load more" brings the next. */
export const PAGE_SIZE = 20;

export function listQuery(fields: Record<string, string>, cursor?: string | null, limit = PAGE_SIZE): string {
  const params = new URLSearchParams();
  PLAIN.forEach((name) => {
    const value = (fields[name] || '').trim();
    if (value) params.set(name, value);
  });
  const due = (fields.slaDueBefore || '').trim();
  // datetime-local gives "2026-12-01T12:00" in the agent's time zone; the API wants an ISO time.
  const at = due ? new Date(due) : null;
  if (at && !isNaN(at.getTime())) params.set('slaDueBefore', at.toISOString());
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return '/v1/requests?' + params.toString();
}

/** The request's next open SLA deadline: the first response until there is one, then the resolution; none while paused or done. */
export function nextDue(sla: Sla | null | undefined): string | null {
  if (!sla || sla.paused) return null;
  if (!sla.firstRespondedAt && sla.firstResponseDueAt) return sla.firstResponseDueAt;
  if (!sla.resolvedAt && sla.resolutionDueAt) return sla.resolutionDueAt;
  return null;
}
