import { listColumns, nextSlaDue } from './list-columns';

const sla = { firstResponseDueAt: '2026-01-01T10:00:00.000Z', resolutionDueAt: '2026-01-02T10:00:00.000Z', firstRespondedAt: null, resolvedAt: null };

describe('the work list columns', () => {
  it('takes the first open SLA deadline', () => {
    expect(nextSlaDue(sla)).toBe(sla.firstResponseDueAt);
    expect(nextSlaDue({ ...sla, firstRespondedAt: '2026-01-01T09:00:00.000Z' })).toBe(sla.resolutionDueAt);
    expect(nextSlaDue({ ...sla, firstRespondedAt: '2026-01-01T09:00:00.000Z', resolvedAt: '2026-01-01T11:00:00.000Z' })).toBeNull();
    expect(nextSlaDue(null)).toBeNull();
  });

  it('derives only the columns whose source the change carries', () => {
    expect(listColumns({})).toEqual({});
    expect(listColumns({ classification: { clause: '4.1.2a', scope: 'included', confidence: 1, caveats: [] } })).toEqual({ clauseId: '4.1.2a' });
    expect(listColumns({ sla: null, classification: null })).toEqual({ clauseId: null, slaDueAt: null });
  });
});
