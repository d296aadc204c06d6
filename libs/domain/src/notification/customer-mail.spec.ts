import type { TimelineRecord } from '@support/contracts';
import { aRequest } from '../testing/request-fixture';
import { customerMailFor, occurrenceOf } from './customer-mail';

let id = 0;
const at = (ms: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, 0, ms)).toISOString();
const entry = (event: string, detail: object, when = at(0)) => ({ id: ++id, at: when, stage: 'test', event, detail, effectKey: null }) as unknown as TimelineRecord;

describe('customerMailFor', () => {
  const request = aRequest({ id: 'req_1', subject: 'Trojan not detected' });

  it('sends the receipt with the first part only, listing the parts of a split submission (2.3)', () => {
    const first = [entry('request.received', { submissionId: 's', channel: 'web', part: 1, of: 2, rulesVersion: 'v', notice: 'Your message described 2 separate problems' })];
    const second = [entry('request.received', { submissionId: 's', channel: 'web', part: 2, of: 2, rulesVersion: 'v', notice: 'Your message described 2 separate problems' })];
    expect(customerMailFor('request.received', null, request, first)).toEqual({ kind: 'received', paragraphs: ['Your message described 2 separate problems'], selfService: false, listParts: true });
    expect(customerMailFor('request.received', null, request, second)).toBeNull();
  });

  it('acknowledges a request routed while its team is closed (2.2), and says nothing when it is open', () => {
    const closed = [entry('request.routed', { team: 't' }), entry('request.acknowledged', { opensAt: 'x', timezone: 'Europe/Riga', message: 'Our team opens on Monday 09:00.', clauses: ['2.2'] })];
    expect(customerMailFor('request.routed', null, request, closed)).toMatchObject({ kind: 'out-of-hours', paragraphs: ['Our team opens on Monday 09:00.'] });
    expect(customerMailFor('request.routed', null, request, [entry('request.routed', { team: 't' })])).toBeNull();
  });

  it('declines with the decision and the self-service pointers (2.1)', () => {
    const declined = { ...request, outcome: { kind: 'refused' as const, clauses: ['4.3.2'], offer: null, message: 'Support for this version has ended (rule 4.3.2).' } };
    expect(customerMailFor('request.declined', null, declined, [])).toEqual({
      kind: 'declined',
      paragraphs: ['Support for this version has ended (rule 4.3.2).'],
      selfService: true,
      listParts: false,
    });
  });

  it('sends the reply of its own occurrence, by kind', () => {
    const timeline = [
      entry('request.replied', { agent: 'ana', body: 'First answer', kind: 'answer', firstResponse: true }, at(100)),
      entry('request.replied', { agent: 'ana', body: 'Please run the utility', kind: 'diagnostic-utility', firstResponse: false }, at(200)),
    ];
    const ms = (n: number) => Date.parse(at(n));
    expect(customerMailFor('request.replied', `reply.${ms(100)}.ana`, request, timeline)).toMatchObject({ kind: 'reply', paragraphs: ['First answer'] });
    expect(customerMailFor('request.replied', `reply.${ms(200)}.ana`, request, timeline)).toMatchObject({ kind: 'diagnostic-utility', paragraphs: ['Please run the utility'] });
    expect(customerMailFor('request.replied', `reply.${ms(300)}.ana`, request, timeline)).toBeNull();
  });

  it('sends the reminder, the auto-close (4.4.5), the resolution and the reopening', () => {
    const timeline = [
      entry('request.reminder-sent', { message: 'We are still waiting', clauses: ['[cooperation]'] }),
      entry('request.closed', { message: 'Closed under 4.4.5', clauses: ['4.4.5', '[cooperation]'] }),
      entry('request.resolved', { agent: 'ana', summary: 'Trojan removed' }),
    ];
    expect(customerMailFor('request.reminder-sent', '1', request, timeline)).toMatchObject({ kind: 'reminder', paragraphs: ['We are still waiting'] });
    expect(customerMailFor('request.closed', null, request, timeline)).toMatchObject({ kind: 'auto-closed', paragraphs: ['Closed under 4.4.5'] });
    expect(customerMailFor('request.resolved', '0', request, timeline)).toMatchObject({ kind: 'resolved', paragraphs: ['Trojan removed'] });
    expect(customerMailFor('request.reopened', 'o1', request, timeline)).toMatchObject({ kind: 'reopened', paragraphs: [] });
  });

  it('tells the customer nothing of what happens inside the desk', () => {
    for (const event of ['request.assigned', 'request.awaiting-customer', 'request.customer-replied', 'request.escalated', 'notification.failed']) {
      expect(customerMailFor(event, null, request, [])).toBeNull();
    }
  });
});

describe('occurrenceOf', () => {
  it('reads the occurrence from an event job id, or null for a once-only event', () => {
    expect(occurrenceOf('req_1.request.replied.reply.1764669600100.ana', 'req_1', 'request.replied')).toBe('reply.1764669600100.ana');
    expect(occurrenceOf('req_1.request.received', 'req_1', 'request.received')).toBeNull();
  });
});
