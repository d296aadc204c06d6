import { api, failure } from '@support/client/api';
import { $, clear, el } from '@support/client/dom';
import { fmtTime } from '@support/client/format';
import { openMine } from './actions';
import { t } from './i18n';
import { state } from './state';
import type { RequestView } from './types';
import { badge, clauseTitle, dl, row } from './widgets';

/** The customer panel (GET /v1/requests/:id/customer): the customer or company, plan, licences and other requests of the agent's teams. */
interface Panel {
  customer: { id: string; segment: string | null; country: string; language: string | null };
  company: { id: string; name: string; country: string } | null;
  supportPlan: string | null;
  licences: { key: string; productCode: string; status: string; kind: string; validUntil: string | null; supportPlan: string | null }[];
  requests: { id: string; subject: string; status: string; clause: string | null; team: string | null; receivedAt: string }[];
}

let loaded: { requestId: string; panel: Panel } | null = null;
const opener = (id: string) => openMine({ id, subject: '', status: '' });

/** Draws the panel of the open request (again after a language change). */
export function renderCustomer(): void {
  const body = clear($('customer-body'));
  const r = state.current;
  if (!r || !loaded || loaded.requestId !== r.id) {
    body.appendChild(el('p', { className: 'hint', text: t('customer.loading') }));
    return;
  }
  const p = loaded.panel;
  body.appendChild(
    dl(
      [
        row(t('customer.who'), p.customer.id + ' · ' + p.customer.country + (p.customer.language ? ' · ' + p.customer.language : '')),
        p.company ? row(t('customer.company'), p.company.name + ' (' + p.company.id + ')') : null,
        row(t('customer.plan'), p.supportPlan || t('customer.noPlan')),
      ].filter((x): x is ReturnType<typeof row> => !!x),
    ),
  );
  body.appendChild(el('h4', { id: 'customer-licences-h', text: t('customer.licences') }));
  body.appendChild(
    p.licences.length
      ? el(
          'ul',
          { className: 'licences', 'aria-labelledby': 'customer-licences-h' },
          p.licences.map((l) =>
            el('li', null, [
              t('customer.licence', { key: l.key, product: l.productCode, status: l.status, kind: l.kind }),
              l.supportPlan ? ' · ' + l.supportPlan : null,
              l.validUntil ? ' · ' + t('customer.validUntil', { date: fmtTime(l.validUntil) }) : null,
            ]),
          ),
        )
      : el('p', { className: 'hint', text: t('customer.noLicences') }),
  );
  body.appendChild(el('h4', { id: 'customer-requests-h', text: t('customer.requests') }));
  body.appendChild(
    p.requests.length
      ? el(
          'ul',
          { id: 'customer-requests', className: 'earlier', 'aria-labelledby': 'customer-requests-h' },
          p.requests.map((x) =>
            el('li', null, [
              badge(x.status),
              ' ',
              el('span', { className: 'subject', text: x.subject }),
              el('span', {
                className: 'detail',
                text: ' · ' + (x.clause ? x.clause + (clauseTitle(r.rulesVersion, x.clause) ? ' ' + clauseTitle(r.rulesVersion, x.clause) : '') + ' · ' : '') + fmtTime(x.receivedAt),
              }),
              ' ',
              el('button', {
                type: 'button',
                className: 'link',
                dataset: { request: x.id },
                'aria-label': t('customer.openLabel', { subject: x.subject }),
                text: t('customer.open'),
                onclick: () => opener(x.id),
              }),
            ]),
          ),
        )
      : el('p', { className: 'hint', text: t('customer.noRequests') }),
  );
}

export function loadCustomer(r: RequestView): void {
  loaded = null;
  renderCustomer();
  api<Panel>('GET', '/v1/requests/' + encodeURIComponent(r.id) + '/customer')
    .then((res) => {
      if (!state.current || state.current.id !== r.id) return;
      loaded = { requestId: r.id, panel: res.data };
      renderCustomer();
    })
    .catch((err: unknown) => {
      clear($('customer-body')).appendChild(el('p', { className: 'hint', text: t('customer.failed', { message: failure(err).message }) }));
    });
}
