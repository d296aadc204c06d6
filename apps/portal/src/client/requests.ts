import { api, failure } from '@support/client/api';
import { countdown, tick } from '@support/client/countdown';
import { $, clear, el } from '@support/client/dom';
import { fmtTime } from '@support/client/format';
import { say, warn } from '@support/client/messages';
import { badge } from '@support/client/widgets';
import { STATUS, OUTCOME } from './labels';
import { openRequest } from './request-view';
import { state } from './state';
import type { CustomerRequest, RequestPage } from './types';

/** The company's requests, newest first, a page at a time (GET /v1/requests, scoped to the company key). */

const PAGE_SIZE = 20;

function deadlines(r: CustomerRequest): HTMLElement | null {
  if (!r.sla || r.status === 'resolved' || r.status === 'closed' || r.status === 'declined') return null;
  const due = (label: string, iso: string | null) => (iso ? el('span', { className: 'due' }, [label + ' ', countdown(iso)]) : null);
  return el('p', { className: 'sub' }, [
    due('First response due', r.firstResponseAt ? null : r.sla.firstResponseDueAt),
    ' ',
    due('Resolution due', r.sla.resolutionDueAt),
    r.sla.paused ? ' (clock paused while we wait for you)' : null,
  ]);
}

function item(r: CustomerRequest): HTMLLIElement {
  const clause = r.clause ? r.clause + (r.clauseTitles[r.clause] ? ' ' + r.clauseTitles[r.clause] : '') : null;
  return el('li', { className: state.current && state.current.id === r.id ? 'current' : '', dataset: { id: r.id } }, [
    el('div', { className: 'head' }, [el('span', { className: 'subject', text: r.subject }), ' ', badge(r.status)]),
    el('p', { className: 'sub' }, [
      (STATUS[r.status] || r.status) + ' · received ' + fmtTime(r.receivedAt) + ' · by ' + r.customer.id,
      clause ? el('br') : null,
      clause ? 'Clause ' + clause : null,
      r.outcome ? el('br') : null,
      r.outcome ? 'Outcome: ' + (OUTCOME[r.outcome.kind] || r.outcome.kind) + (r.outcome.clauses.length ? ' (' + r.outcome.clauses.join(', ') + ')' : '') : null,
    ]),
    deadlines(r),
    el('button', { type: 'button', 'aria-label': 'Open ' + r.subject, text: 'Open', onclick: () => void openRequest(r.id) }),
  ]);
}

function render(): void {
  const list = clear($('requests'));
  if (!state.requests.length) list.appendChild(el('li', { className: 'hint', text: 'No requests of your company yet.' }));
  state.requests.forEach((r) => list.appendChild(item(r)));
  $('more').hidden = !state.nextCursor;
  tick();
}

/** Loads the first page again (`more`: the next page after those shown). */
export async function loadRequests(more = false): Promise<void> {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (more && state.nextCursor) q.set('cursor', state.nextCursor);
  const res = await api<RequestPage>('GET', '/v1/requests?' + q.toString());
  state.requests = more ? state.requests.concat(res.data.items) : res.data.items;
  state.nextCursor = res.data.nextCursor;
  render();
}

export function refreshRequests(quiet: boolean, more = false): Promise<void> {
  return loadRequests(more)
    .then(() => {
      if (!quiet) say(more ? 'Older requests shown.' : 'Requests refreshed.');
    })
    .catch((err: unknown) => warn('Could not load the requests: ' + failure(err).message));
}
