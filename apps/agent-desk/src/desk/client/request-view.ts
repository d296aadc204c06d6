import { updateActions } from './actions';
import { tick } from '@support/client/countdown';
import { $, clear, el } from '@support/client/dom';
import { fmtTime } from '@support/client/format';
import { t, value } from './i18n';
import { eventName, HIDDEN_FIELDS, kindName, TEXT_FIELDS } from './labels';
import { renderLease } from './lease';
import { renderSla } from './sla-card';
import { renderTriage } from './triage-tools';
import type { RequestView, TimelineEntry } from './types';
import { badge, card, clauseList, clauseTitle, dl, row } from './widgets';

/** Draws the open request: its decisions (with the clauses cited), SLA clock, the customer's text and the timeline. */
export function render(r: RequestView): void {
  $('work-h').textContent = r.subject || r.id;
  $('work-empty').hidden = true;
  $('request').hidden = false;
  const meta = clear($('req-meta'));
  meta.appendChild(badge(r.status));
  meta.appendChild(document.createTextNode(' ' + r.id + ' · ' + t('request.received', { time: fmtTime(r.receivedAt) }) + ' · ' + r.channel));
  renderLease();

  const v = r.rulesVersion;
  const e = r.eligibility,
    c = r.classification,
    o = r.outcome;
  const details = clear($('details'));
  details.appendChild(
    el('div', { className: 'grid' }, [
      card(t('request.card'), [
        dl([
          row(t('request.status'), badge(r.status)),
          row(t('request.segment'), r.segment ? value('segment', r.segment) : null),
          row(t('request.customer'), r.customer.id + (r.companyId ? ' ' + t('request.company', { id: r.companyId }) : '')),
          row(t('request.countryLanguage'), r.country + ' · ' + (r.language || '—')),
          row(t('request.product'), r.product.code + ' ' + r.product.version),
          row(t('request.team'), r.team),
          row(t('request.priority'), r.priority === null || r.priority === undefined ? null : String(r.priority)),
          row(t('request.assignee'), r.assignee),
          row(t('request.rulesVersion'), v),
        ]),
      ]),
      card(
        t('request.eligibility'),
        e
          ? [dl([row(t('request.decision'), el('strong', { text: value('decision', e.decision) })), row(t('request.clauses'), clauseList(v, e.clauses)), row(t('request.reason'), e.reason)])]
          : [el('p', { className: 'hint', text: t('request.notDecided') })],
      ),
      card(
        t('request.classification'),
        c
          ? [
              dl([
                row(t('request.clause'), c.clause ? clauseList(v, [c.clause]) : t('request.humanTriage')),
                row(t('request.scope'), c.scope ? value('scope', c.scope) : null),
                row(t('request.confidence'), Math.round((c.confidence || 0) * 100) + '%'),
                row(t('request.caveats'), c.caveats && c.caveats.length ? clauseList(v, c.caveats, 'caveats') : t('request.none')),
              ]),
            ]
          : [el('p', { className: 'hint', text: t('request.notClassified') })],
      ),
      renderSla(r),
    ]),
  );
  if (o) {
    details.appendChild(
      card(t('request.outcome'), [
        dl([row(t('request.kind'), o.kind), row(t('request.clauses'), clauseList(v, o.clauses)), row(t('request.offer'), o.offer ? o.offer.title || o.offer.id || JSON.stringify(o.offer) : null)]),
        o.message ? el('p', { className: 'quote', text: o.message }) : null,
      ]),
    );
  }
  details.appendChild(el('h3', { text: t('request.customerWrote') }));
  details.appendChild(el('p', { className: 'quote', text: r.description }));
  details.appendChild(el('h3', { text: t('request.timeline') }));
  const tl = el('ol', { className: 'timeline' });
  (r.timeline || []).forEach((entry) => tl.appendChild(timelineItem(entry, v)));
  if (!r.timeline || !r.timeline.length) tl.appendChild(el('li', { className: 'hint', text: t('request.noTimeline') }));
  details.appendChild(tl);
  renderTriage(r);
  updateActions();
  tick();
}

function timelineItem(entry: TimelineEntry, version: string): HTMLLIElement {
  const d = entry.detail || {};
  const cls = entry.event === 'request.replied' ? 't-reply' : /customer|reopened/.test(entry.event) ? 't-customer' : '';
  const facts: string[] = [];
  Object.keys(d).forEach((k) => {
    if (TEXT_FIELDS.indexOf(k) >= 0 || HIDDEN_FIELDS.indexOf(k) >= 0 || k === 'clauses') return;
    let val = d[k];
    if (val === null || val === undefined || val === '' || (Array.isArray(val) && !val.length)) return;
    if (k === 'kind' && typeof val === 'string' && kindName(val)) {
      facts.push(kindName(val) as string);
      return;
    }
    if (k === 'ranking' && Array.isArray(val)) {
      facts.push(
        t('request.ranking') +
          ': ' +
          val
            .slice(0, 3)
            .map((x: { clause?: string; score: number } | null) => (x && x.clause ? x.clause + ' ' + Math.round(x.score * 10) / 10 : JSON.stringify(x)))
            .join(', '),
      );
      return;
    }
    if (k === 'confidence' && typeof val === 'number') {
      facts.push(t('request.confidence').toLowerCase() + ': ' + Math.round(val * 100) + '%');
      return;
    }
    if (Array.isArray(val)) val = val.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
    else if (typeof val === 'object') val = JSON.stringify(val);
    else if (/At$/.test(k) && typeof val === 'string') val = fmtTime(val);
    facts.push(k + ': ' + val);
  });
  const clauses = Array.isArray(d.clauses) ? (d.clauses as string[]) : [];
  const item = el('li', { className: cls }, [
    el('time', { className: 'when', datetime: entry.at, text: fmtTime(entry.at) }),
    ' ',
    el('span', { className: 'what', text: eventName(entry.event) }),
    ' ',
    el('span', { className: 'detail', text: '(' + entry.stage + ')' }),
    facts.length ? el('div', { className: 'detail', text: facts.join(' · ') }) : null,
    clauses.length
      ? el('div', { className: 'detail' }, [t('request.clausesWord') + ' ', clauses.map((id) => id + (clauseTitle(version, id) ? ' (' + clauseTitle(version, id) + ')' : '')).join(', ')])
      : null,
  ]);
  TEXT_FIELDS.forEach((k) => {
    const text = d[k];
    if (typeof text === 'string' && text) item.appendChild(el('p', { className: 'quote', text }));
  });
  return item;
}
