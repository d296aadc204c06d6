import { countdown } from '@support/client/countdown';
import { el } from '@support/client/dom';
import { fmtTime } from '@support/client/format';
import { span, t } from './i18n';
import { slaStatus, type TargetState } from './sla-status';
import type { RequestView } from './types';
import { card, dl, row } from './widgets';

/** The SLA card: each target met at …, breached by …, paused, stopped (no paid plan) or counting down live. */
export function renderSla(r: RequestView): HTMLElement {
  const s = slaStatus(r);
  const title = t('sla.title');
  if (s.clock === 'none') return card(title, [el('p', { className: 'hint', text: t('sla.noClock') })]);
  if (s.clock === 'stopped') {
    const stopped = el('span', { className: 'sla-stopped', text: t('sla.stopped') });
    return card(title, [
      dl([row(t('sla.plan'), t('sla.planRemoved')), row(t('sla.firstResponse'), stopped), row(t('sla.resolution'), stopped.cloneNode(true)), row(t('sla.clock'), t('sla.clockStopped'))]),
    ]);
  }
  const clock = t({ running: 'sla.running', paused: 'sla.clockPaused', resolved: 'sla.clockResolved' }[s.clock]);
  return card(title, [dl([row(t('sla.plan'), s.plan), row(t('sla.firstResponse'), target(s.firstResponse)), row(t('sla.resolution'), target(s.resolution)), row(t('sla.clock'), clock)])]);
}

function target(x: TargetState): HTMLElement | null {
  const when = (iso: string) => el('span', { className: 'hint', text: fmtTime(iso) });
  switch (x.kind) {
    case 'met':
      return el('span', { className: 'sla-met', text: t('sla.metAt', { time: fmtTime(x.at) }) });
    case 'late':
      return el('span', null, [el('strong', { className: 'overdue', text: t('sla.breachedBy', { span: span(x.byMs) }) }), el('br'), when(x.at)]);
    case 'breached':
      return el('span', null, [countdown(x.dueAt, 'breached'), el('br'), when(x.dueAt)]);
    case 'paused':
      return el('span', { text: t('sla.paused') });
    case 'running':
      return el('span', null, [countdown(x.dueAt), el('br'), when(x.dueAt)]);
    default:
      return null;
  }
}
