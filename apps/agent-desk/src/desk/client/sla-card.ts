import { countdown } from '@support/client/countdown';
import { el } from '@support/client/dom';
import { fmtSpan, fmtTime } from '@support/client/format';
import { slaStatus, type TargetState } from './sla-status';
import type { RequestView } from './types';
import { card, dl, row } from './widgets';

/** The SLA card: each target met at …, breached by …, paused, stopped (no paid plan) or counting down live. */
export function renderSla(r: RequestView): HTMLElement {
  const s = slaStatus(r);
  const title = 'Response times (SLA)';
  if (s.clock === 'none') return card(title, [el('p', { className: 'hint', text: 'No response-time clock: response times are promised only as part of a paid service (rule [sla]).' })]);
  if (s.clock === 'stopped') {
    const stopped = el('span', { className: 'sla-stopped', text: 'stopped (no paid plan)' });
    return card(title, [dl([row('Plan', 'none (removed)'), row('First response', stopped), row('Resolution', stopped.cloneNode(true)), row('Clock', 'stopped')])]);
  }
  const clock = { running: 'running', paused: 'paused (waiting for the customer)', resolved: 'stopped (resolved)' }[s.clock];
  return card(title, [dl([row('Plan', s.plan), row('First response', target(s.firstResponse)), row('Resolution', target(s.resolution)), row('Clock', clock)])]);
}

function target(t: TargetState): HTMLElement | null {
  const when = (iso: string) => el('span', { className: 'hint', text: fmtTime(iso) });
  switch (t.kind) {
    case 'met':
      return el('span', { className: 'sla-met', text: 'met at ' + fmtTime(t.at) });
    case 'late':
      return el('span', null, [el('strong', { className: 'overdue', text: 'breached by ' + fmtSpan(t.byMs) }), el('br'), when(t.at)]);
    case 'breached':
      return el('span', null, [countdown(t.dueAt, 'breached'), el('br'), when(t.dueAt)]);
    case 'paused':
      return el('span', { text: 'paused' });
    case 'running':
      return el('span', null, [countdown(t.dueAt), el('br'), when(t.dueAt)]);
    default:
      return null;
  }
}
