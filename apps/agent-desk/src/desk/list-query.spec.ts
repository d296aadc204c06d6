import { listQuery, nextDue } from './client/list-query';

describe('the work list query', () => {
  it('sends only the filled fields, trimmed, with the page size and cursor', () => {
    const url = listQuery({ q: ' trojan  ', status: '', team: 'home-lv', priority: '2', sort: '-receivedAt', assignee: ' ' }, 'abc');
    const params = new URL(url, 'http://x').searchParams;
    expect(url.startsWith('/v1/requests?')).toBe(true);
    expect(Object.fromEntries(params)).toEqual({ q: 'trojan', team: 'home-lv', priority: '2', sort: '-receivedAt', limit: '20', cursor: 'abc' });
  });

  it('turns the local SLA time into an ISO time, and drops one that is not a time', () => {
    const params = (v: string) => new URL(listQuery({ slaDueBefore: v }), 'http://x').searchParams;
    expect(params('2026-12-01T12:00').get('slaDueBefore')).toBe(new Date('2026-12-01T12:00').toISOString());
    expect(params('soon').get('slaDueBefore')).toBeNull();
  });

  it('the next deadline: first response, then resolution; none while paused or when both are done', () => {
    const sla = { firstResponseDueAt: 'F', resolutionDueAt: 'R', firstRespondedAt: null, resolvedAt: null, paused: false };
    expect(nextDue(sla)).toBe('F');
    expect(nextDue({ ...sla, firstRespondedAt: 'x' })).toBe('R');
    expect(nextDue({ ...sla, paused: true })).toBeNull();
    expect(nextDue({ ...sla, firstRespondedAt: 'x', resolvedAt: 'y' })).toBeNull();
    expect(nextDue(null)).toBeNull();
  });
});
