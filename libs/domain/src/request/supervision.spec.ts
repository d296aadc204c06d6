import { UNDECIDED } from './aggregate';
import { heldForAgent, returnToTeam, teamOverview } from './supervision';

const now = new Date('2026-12-01T10:00:00.000Z');
const row = (id: string, over: Record<string, unknown>) =>
  ({ ...UNDECIDED, id, subject: id, status: 'queued', teamId: 't', receivedAt: '2026-12-01T09:00:00.000Z', slaDueAt: null, queueJob: { queue: 'team-t', id }, ...over }) as never;

describe('supervision', () => {
  it('tells a request held for its agent from one in the team queue', () => {
    expect(heldForAgent(row('a', { assigneeId: 'ana', queueJob: { queue: 'agent-ana', id: 'a.r1' } }))).toBe(true);
    expect(heldForAgent(row('b', { assigneeId: 'ana', status: 'assigned' }))).toBe(false);
    expect(heldForAgent(row('c', {}))).toBe(false);
  });

  it('returns a held request to the team once per hold', () => {
    const t = returnToTeam(row('a', { assigneeId: 'ana', queueJob: { queue: 'agent-ana', id: 'a.r1' } }), 'timer', { queue: 'team-t', id: 'a.returned.1' });
    expect(t.patch).toEqual({ assigneeId: null, queueJob: { queue: 'team-t', id: 'a.returned.1' } });
    expect(t.entries[0]).toMatchObject({ event: 'request.returned-to-team', effectKey: 'returned:a.r1', detail: { agent: 'ana', by: 'timer', team: 't' } });
  });

  it('sorts the team into waiting, held, worked, at risk and breached', () => {
    const rows = [
      row('wait', { slaDueAt: '2026-12-01T10:30:00.000Z' }),
      row('late', { slaDueAt: '2026-12-01T09:59:00.000Z' }),
      row('far', { slaDueAt: '2026-12-02T10:00:00.000Z' }),
      row('held', { assigneeId: 'ana', queueJob: { queue: 'agent-ana', id: 'held.r1' } }),
      row('work', { status: 'assigned', assigneeId: 'ben', leaseExpiresAt: '2026-12-01T10:05:00.000Z' }),
      row('away', { status: 'awaiting-customer', assigneeId: 'ben', slaDueAt: '2026-12-01T09:00:00.000Z' }),
    ];
    const o = teamOverview(rows, [{ id: 'ben', name: 'Ben', role: 'agent' }], now, 3600_000);
    expect(o.waiting.map((r) => r.id)).toEqual(['wait', 'late', 'far']);
    expect(o.heldForAgents.map((r) => r.id)).toEqual(['held']);
    expect(o.beingWorked.map((r) => r.id)).toEqual(['work']);
    expect(o.awaitingCustomer).toBe(1);
    expect(o.slaAtRisk).toEqual({ nextDeadline: '2026-12-01T10:30:00.000Z', requests: [expect.objectContaining({ id: 'wait' })] });
    expect(o.breached.map((r) => r.id)).toEqual(['late']);
    expect(o.agents[0].holds.map((r) => r.id)).toEqual(['work']);
  });
});
