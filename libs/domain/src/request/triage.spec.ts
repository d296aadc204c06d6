import { UNDECIDED } from './aggregate';
import { TransitionRefused } from './lifecycle';
import { addNote, reclassify, transfer } from './triage';

const now = new Date('2026-12-01T10:00:00Z');
const place = { queue: 'team.home-lv', id: 'r.transfer.1' };
const request = (status: string) => ({ ...UNDECIDED, id: 'r', status, teamId: 'home-malware', priority: 2, assigneeId: 'ana', leaseToken: 't' }) as never;

describe('triage', () => {
  it('keeps an internal note without moving or publishing anything, in any status', () => {
    for (const status of ['queued', 'assigned', 'resolved', 'closed', 'declined']) {
      const t = addNote(request(status), 'ana', 'looks like a repeat', now);
      expect(t).toMatchObject({ patch: {}, emits: [], entries: [{ event: 'request.note-added', detail: { agent: 'ana', body: 'looks like a repeat' } }] });
    }
  });

  it('moves a waiting or claimed request to the new team queue, with a routing the SLA clock reads', () => {
    for (const status of ['queued', 'assigned']) {
      const t = transfer(request(status), 'ana', 'home-lv', 'speaks Latvian', place, now);
      expect({ status: 'queued', ...t.patch }).toEqual({ status: 'queued', teamId: 'home-lv', assigneeId: null, leaseToken: null, leaseExpiresAt: null, queueJob: place });
      expect(t.entries.map((e) => e.event)).toEqual(['request.transferred', 'request.routed']);
      expect(t.entries[1].detail).toMatchObject({ team: 'home-lv', priority: 2 });
      expect(t.emits).toEqual([{ event: 'request.routed', key: `transfer.${now.getTime()}.ana` }]);
    }
  });

  it('refuses to transfer a request that waits for its customer or is done', () => {
    for (const status of ['awaiting-customer', 'resolved', 'closed']) expect(() => transfer(request(status), 'ana', 'home-lv', 'x', place, now)).toThrow(TransitionRefused);
  });
});

describe('reclassify', () => {
  const route = { teamId: 'home-lv', priority: 1, reason: 'LV × lv', fallback: false, clauses: ['2.2', '4.1.3'], priorityReason: 'clause 4.1.3' } as never;

  it("takes the agent's clause, the new route's priority and, for another team, its queue", () => {
    const t = reclassify(request('assigned'), { agent: 'ana', to: '4.1.3', reason: 'licence', route, place, now });
    expect(t.entries.map((e) => e.event)).toEqual(['request.reclassified', 'request.transferred', 'request.routed']);
    expect(t.patch).toMatchObject({ status: 'queued', teamId: 'home-lv', priority: 1, assigneeId: null, queueJob: place, classification: { clause: '4.1.3', scope: 'included', confidence: 1 } });
    expect(t.emits).toEqual([{ event: 'request.routed', key: `reclassify.${now.getTime()}.ana` }]);
  });

  it('keeps a request its team keeps where it is, claimed or waiting', () => {
    const t = reclassify(request('assigned'), { agent: 'ana', to: '4.1.3', reason: 'licence', route, place: null, now });
    expect(t.entries.map((e) => e.event)).toEqual(['request.reclassified', 'request.routed']);
    expect(t.patch).not.toHaveProperty('status');
    expect(t.patch).not.toHaveProperty('teamId');
  });
});
