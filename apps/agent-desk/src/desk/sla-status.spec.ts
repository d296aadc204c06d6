import { slaStatus } from './client/sla-status';

/** The SLA card's reading of a request view (client/sla-status.ts): met, late, breached, paused, running, stopped. */
const T0 = Date.parse('2026-03-02T10:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const sla = (over: Record<string, unknown> = {}) => ({
  plan: 'fast',
  firstResponseDueAt: at(60),
  resolutionDueAt: at(240),
  paused: false,
  breaches: [],
  firstRespondedAt: null,
  resolvedAt: null,
  ...over,
});
const entry = (min: number, event: string, detail: Record<string, unknown> = {}) => ({ at: at(min), event, stage: 'x', detail });

describe('slaStatus', () => {
  it('counts down both targets while nothing is done', () => {
    expect(slaStatus({ status: 'assigned', sla: sla(), timeline: [] }, T0 + 10 * 60_000)).toEqual({
      clock: 'running',
      plan: 'fast',
      firstResponse: { kind: 'running', dueAt: at(60) },
      resolution: { kind: 'running', dueAt: at(240) },
    });
  });

  it('a reply meets the first response (from the timeline before the worker records it); resolving stops the clock', () => {
    const replied = { status: 'assigned', sla: sla(), timeline: [entry(5, 'request.replied')] };
    expect(slaStatus(replied, T0 + 6 * 60_000).firstResponse).toEqual({ kind: 'met', at: at(5) });
    const resolved = { status: 'resolved', sla: sla({ firstRespondedAt: at(5) }), timeline: [entry(5, 'request.replied'), entry(30, 'request.resolved')] };
    // Long after both due times: still met, nothing counts.
    expect(slaStatus(resolved, T0 + 999 * 60_000)).toMatchObject({ clock: 'resolved', firstResponse: { kind: 'met', at: at(5) }, resolution: { kind: 'met', at: at(30) } });
  });

  it('late targets say by how much; an open breached target counts on from its due time', () => {
    const late = slaStatus({ status: 'closed', sla: sla({ firstRespondedAt: at(90), resolvedAt: at(300), breaches: [{ target: 'first-response', dueAt: at(60) }] }), timeline: [] });
    expect(late.firstResponse).toEqual({ kind: 'late', at: at(90), byMs: 30 * 60_000 });
    expect(late.resolution).toEqual({ kind: 'late', at: at(300), byMs: 60 * 60_000 });
    // Past due with no breach recorded yet (the alarm is a moment behind): breached all the same.
    expect(slaStatus({ status: 'queued', sla: sla(), timeline: [] }, T0 + 61 * 60_000).firstResponse).toEqual({ kind: 'breached', dueAt: at(60) });
  });

  it('a resolution without a reply meets the first response too (the summary answers the customer)', () => {
    expect(slaStatus({ status: 'resolved', sla: sla(), timeline: [entry(20, 'request.resolved')] }).firstResponse).toEqual({ kind: 'met', at: at(20) });
  });

  it('paused while waiting for the customer; reopened requests count again', () => {
    const waiting = slaStatus({ status: 'awaiting-customer', sla: sla({ paused: true, resolutionDueAt: null, firstRespondedAt: at(5) }), timeline: [] }, T0 + 500 * 60_000);
    expect(waiting).toMatchObject({ clock: 'paused', firstResponse: { kind: 'met' }, resolution: { kind: 'paused' } });
    const reopened = slaStatus({ status: 'queued', sla: sla({ firstRespondedAt: at(5), resolvedAt: at(30) }), timeline: [entry(30, 'request.resolved')] }, T0 + 40 * 60_000);
    expect(reopened).toMatchObject({ clock: 'running', resolution: { kind: 'running' } });
  });

  it('no plan: no clock; a plan removed from an open request: stopped', () => {
    expect(slaStatus({ status: 'queued', sla: null, timeline: [] }).clock).toBe('none');
    const removed = [entry(1, 'sla.plan-changed', { from: 'relaxed', to: 'fast' }), entry(2, 'sla.plan-changed', { from: 'fast', to: null })];
    expect(slaStatus({ status: 'assigned', sla: null, timeline: removed }).clock).toBe('stopped');
    expect(slaStatus({ status: 'assigned', sla: null, timeline: removed.slice(0, 1) }).clock).toBe('none');
  });
});
