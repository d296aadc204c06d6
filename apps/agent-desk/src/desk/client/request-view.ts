import { updateActions } from './actions';
import { tick } from '@support/client/countdown';
import { $, clear, el } from '@support/client/dom';
import { fmtTime } from '@support/client/format';
import { EVENTS, HIDDEN_FIELDS, KINDS, TEXT_FIELDS } from './labels';
import { renderLease } from './lease';
import { renderSla } from './sla-card';
import type { RequestView, TimelineEntry } from './types';
import { badge, card, clauseList, clauseTitle, dl, row } from './widgets';

/** Draws the open request: its decisions (with the clauses cited), SLA clock, the customer's text and the timeline. */
export function render(r: RequestView): void {
  $('work-h').textContent = r.subject || r.id;
  $('work-empty').hidden = true;
  $('request').hidden = false;
  const meta = clear($('req-meta'));
  meta.appendChild(badge(r.status));
  meta.appendChild(document.createTextNode(' ' + r.id + ' · received ' + fmtTime(r.receivedAt) + ' · ' + r.channel));
  renderLease();

  const v = r.rulesVersion;
  const e = r.eligibility,
    c = r.classification,
    o = r.outcome;
  const details = clear($('details'));
  details.appendChild(
    el('div', { className: 'grid' }, [
      card('Request', [
        dl([
          row('Status', badge(r.status)),
          row('Segment', r.segment),
          row('Customer', r.customer.id + (r.companyId ? ' (company ' + r.companyId + ')' : '')),
          row('Country · language', r.country + ' · ' + (r.language || '—')),
          row('Product', r.product.code + ' ' + r.product.version),
          row('Team', r.team),
          row('Priority', r.priority === null || r.priority === undefined ? null : String(r.priority)),
          row('Assignee', r.assignee),
          row('Rules version', v),
        ]),
      ]),
      card(
        'Eligibility',
        e ? [dl([row('Decision', el('strong', { text: e.decision })), row('Clauses', clauseList(v, e.clauses)), row('Reason', e.reason)])] : [el('p', { className: 'hint', text: 'Not decided yet.' })],
      ),
      card(
        'Classification',
        c
          ? [
              dl([
                row('Clause', c.clause ? clauseList(v, [c.clause]) : 'none (human triage)'),
                row('Scope', c.scope),
                row('Confidence', Math.round((c.confidence || 0) * 100) + '%'),
                row('Caveats (4.4)', c.caveats && c.caveats.length ? clauseList(v, c.caveats, 'caveats') : 'none'),
              ]),
            ]
          : [el('p', { className: 'hint', text: 'Not classified yet.' })],
      ),
      renderSla(r),
    ]),
  );
  if (o) {
    details.appendChild(
      card('Outcome', [
        dl([row('Kind', o.kind), row('Clauses', clauseList(v, o.clauses)), row('Offer', o.offer ? o.offer.title || o.offer.id || JSON.stringify(o.offer) : null)]),
        o.message ? el('p', { className: 'quote', text: o.message }) : null,
      ]),
    );
  }
  details.appendChild(el('h3', { text: 'The customer wrote' }));
  details.appendChild(el('p', { className: 'quote', text: r.description }));
  details.appendChild(el('h3', { text: 'Timeline' }));
  const tl = el('ol', { className: 'timeline' });
  (r.timeline || []).forEach((t) => tl.appendChild(timelineItem(t, v)));
  if (!r.timeline || !r.timeline.length) tl.appendChild(el('li', { className: 'hint', text: 'No timeline in this view.' }));
  details.appendChild(tl);
  updateActions();
  tick();
}

function timelineItem(t: TimelineEntry, version: string): HTMLLIElement {
  const d = t.detail || {};
  const cls = t.event === 'request.replied' ? 't-reply' : /customer|reopened/.test(t.event) ? 't-customer' : '';
  const facts: string[] = [];
  Object.keys(d).forEach((k) => {
    if (TEXT_FIELDS.indexOf(k) >= 0 || HIDDEN_FIELDS.indexOf(k) >= 0 || k === 'clauses') return;
    let val = d[k];
    if (val === null || val === undefined || val === '' || (Array.isArray(val) && !val.length)) return;
    if (k === 'kind' && KINDS[val as string]) {
      facts.push(KINDS[val as string]);
      return;
    }
    if (k === 'ranking' && Array.isArray(val)) {
      facts.push(
        'ranking: ' +
          val
            .slice(0, 3)
            .map((x: { clause?: string; score: number } | null) => (x && x.clause ? x.clause + ' ' + Math.round(x.score * 10) / 10 : JSON.stringify(x)))
            .join(', '),
      );
      return;
    }
    if (k === 'confidence' && typeof val === 'number') {
      facts.push('confidence: ' + Math.round(val * 100) + '%');
      return;
    }
    if (Array.isArray(val)) val = val.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
    else if (typeof val === 'object') val = JSON.stringify(val);
    else if (/At$/.test(k) && typeof val === 'string') val = fmtTime(val);
    facts.push(k + ': ' + val);
  });
  const clauses = Array.isArray(d.clauses) ? (d.clauses as string[]) : [];
  const item = el('li', { className: cls }, [
    el('time', { className: 'when', datetime: t.at, text: fmtTime(t.at) }),
    ' ',
    el('span', { className: 'what', text: EVENTS[t.event] || t.event }),
    ' ',
    el('span', { className: 'detail', text: '(' + t.stage + ')' }),
    facts.length ? el('div', { className: 'detail', text: facts.join(' · ') }) : null,
    clauses.length ? el('div', { className: 'detail' }, ['clauses ', clauses.map((id) => id + (clauseTitle(version, id) ? ' (' + clauseTitle(version, id) + ')' : '')).join(', ')]) : null,
  ]);
  TEXT_FIELDS.forEach((k) => {
    const text = d[k];
    if (typeof text === 'string' && text) item.appendChild(el('p', { className: 'quote', text }));
  });
  return item;
}
