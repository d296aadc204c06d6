import { TIMELINE_EVENTS } from '@support/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { can, LIFECYCLE, SAME, statusAfter, TransitionRefused } from './lifecycle';
import { LIFECYCLE_DOC_MARKERS, renderLifecycle } from './lifecycle-doc';

const [BEGIN, END] = LIFECYCLE_DOC_MARKERS;

describe('the request lifecycle table', () => {
  it('names every timeline event, and only those (plus the registry outage)', () => {
    const inTable = new Set(LIFECYCLE.map((r) => r.on));
    for (const event of TIMELINE_EVENTS) expect(inTable).toContain(event);
    for (const event of inTable) expect([...TIMELINE_EVENTS, 'licence-registry-unreachable']).toContain(event);
  });

  it('walks the happy path from receipt to resolution and a reopen', () => {
    const path = ['request.received', 'request.eligibility-decided', 'request.classified', 'request.routed', 'request.assigned', 'request.replied', 'request.resolved'] as const;
    expect(statusAfter(null, path)).toBe('resolved');
    expect(statusAfter('resolved', ['request.reopened'])).toBe('queued');
    expect(statusAfter('assigned', ['request.replied', 'request.awaiting-customer'])).toBe('awaiting-customer');
    expect(statusAfter('awaiting-customer', ['request.customer-replied'])).toBe('queued');
    expect(statusAfter('received', ['request.eligibility-decided', 'request.declined'])).toBe('declined');
  });

  it('refuses what the table does not allow, naming the event and the status', () => {
    expect(() => statusAfter('declined', ['request.assigned'])).toThrow(new TransitionRefused('request.assigned', 'declined'));
    expect(() => statusAfter('closed', ['request.reopened'])).toThrow(TransitionRefused);
    expect(() => statusAfter('queued', ['request.resolved'])).toThrow('request.resolved is not allowed when the request is queued');
    expect(can('resolved', 'request.customer-message')).toBe(false);
    expect(can('queued', 'request.customer-message')).toBe(true);
    expect(can(null, 'request.received')).toBe(true);
    expect(can('received', 'request.received')).toBe(false);
  });

  it("lets a finished request only record SLA facts, failed deliveries and agents' internal notes", () => {
    const fromFinished = LIFECYCLE.filter((r) => r.from !== 'new' && (r.from.includes('closed') || r.from.includes('declined'))).map((r) => r.on);
    expect(fromFinished.every((e) => e.startsWith('sla.') || e === 'notification.failed' || e === 'request.note-added')).toBe(true);
    expect(LIFECYCLE.filter((r) => r.from !== 'new' && r.from.includes('closed')).every((r) => r.to === SAME)).toBe(true);
  });
});

describe('docs/lifecycle.md', () => {
  it('shows the lifecycle table as the code has it (regenerate with npm run docs:lifecycle)', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/lifecycle.md'), 'utf8');
    const start = doc.indexOf(BEGIN) + BEGIN.length;
    expect(doc.slice(start, doc.indexOf(END)).trim()).toBe(renderLifecycle().trim());
  });
});
