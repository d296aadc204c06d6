import type { ClassificationRecord, SlaView } from './aggregate';

/** The SLA deadline that is still open: first response until it is given, then resolution; none once resolved. */
export function nextSlaDue(sla: Pick<SlaView, 'firstResponseDueAt' | 'resolutionDueAt' | 'firstRespondedAt' | 'resolvedAt'> | null): string | null {
  if (!sla || sla.resolvedAt) return null;
  return sla.firstRespondedAt ? sla.resolutionDueAt : (sla.firstResponseDueAt ?? sla.resolutionDueAt);
}

/**
 * The columns the agents' work list filters and sorts on, derived from the JSON records they come
 * from: a change that carries `classification` or `sla` also carries them, so they never drift.
 */
export function listColumns(patch: { classification?: ClassificationRecord | null; sla?: SlaView | null }): { clauseId?: string | null; slaDueAt?: string | null } {
  const out: { clauseId?: string | null; slaDueAt?: string | null } = {};
  if ('classification' in patch) out.clauseId = patch.classification?.clause ?? null;
  if ('sla' in patch) out.slaDueAt = nextSlaDue(patch.sla ?? null);
  return out;
}
