import { api, failure } from '@support/client/api';
import { countdown, tick } from '@support/client/countdown';
import { $, clear, el } from '@support/client/dom';
import { fmtTime } from '@support/client/format';
import { say, warn } from '@support/client/messages';
import { badge, card, clauseList, dl, row } from '@support/client/widgets';
import { answerable, KIND, OFFER, OUTCOME, STATUS, titleIn } from './labels';
import { state } from './state';
import type { CustomerRequest, Message } from './types';

/** The open request: what the rules say about it, its response times, the conversation, and the answer form. */

function decisions(r: CustomerRequest): HTMLElement {
  const titles = titleIn(r);
  const o = r.outcome;
  return el('div', { className: 'grid' }, [
    card('Request', [
      dl([
        row('Status', el('span', null, [badge(r.status), ' ' + (STATUS[r.status] || '')])),
        row('Product', r.product.code + ' ' + r.product.version),
        row('Received', fmtTime(r.receivedAt)),
        row('From', r.customer.id),
        row('Clause', r.clause ? clauseList([r.clause], titles) : 'not classified yet'),
        row('Caveats (4.4)', r.caveats.length ? clauseList(r.caveats, titles, 'caveats') : 'none'),
      ]),
    ]),
    o
      ? card('Outcome', [
          dl([row('Decision', OUTCOME[o.kind] || o.kind), row('Clauses', clauseList(o.clauses, titles)), row('What we can offer', o.offer ? OFFER[o.offer] || o.offer : null)]),
          o.message ? el('p', { className: 'quote', text: o.message }) : null,
        ])
      : null,
    r.sla
      ? card('Response times', [
          dl([
            row('Plan', r.sla.plan),
            row('First response due', r.firstResponseAt ? 'answered ' + fmtTime(r.firstResponseAt) : r.sla.firstResponseDueAt ? countdown(r.sla.firstResponseDueAt) : null),
            row('Resolution due', r.resolvedAt ? 'resolved ' + fmtTime(r.resolvedAt) : r.sla.resolutionDueAt ? countdown(r.sla.resolutionDueAt) : r.sla.paused ? 'set again when you answer' : null),
            row('Clock', r.sla.paused ? 'paused while we wait for your answer' : 'running'),
          ]),
        ])
      : card('Response times', [el('p', { className: 'hint', text: 'Response times are promised as part of a paid support plan only (rule [sla]).' })]),
  ]);
}

function message(m: Message): HTMLLIElement {
  const who = m.from === 'customer' ? 'Your company' : 'Support';
  return el('li', { className: 'from-' + m.from }, [
    el('p', { className: 'by' }, [el('strong', { text: who }), ' · ' + (KIND[m.kind] || m.kind) + ' · ', el('time', { datetime: m.at, text: fmtTime(m.at) })]),
    el('p', { className: 'quote', text: m.body }),
  ]);
}

function render(r: CustomerRequest): void {
  state.current = r;
  $('request-h').textContent = r.subject;
  $('request-empty').hidden = true;
  $('request').hidden = false;
  const meta = clear($('req-meta'));
  meta.appendChild(badge(r.status));
  meta.appendChild(document.createTextNode(' ' + r.id + ' · ' + r.channel));
  clear($('details')).appendChild(decisions(r));
  const talk = clear($('conversation'));
  // The request's own text opens the conversation.
  talk.appendChild(message({ at: r.receivedAt, from: 'customer', kind: 'message', body: r.description }));
  r.messages.forEach((m) => talk.appendChild(message(m)));
  const open = answerable(r);
  $<HTMLTextAreaElement>('reply-body').disabled = !open || state.busy;
  $<HTMLButtonElement>('reply-submit').disabled = !open || state.busy;
  $('reply-hint').textContent = open
    ? r.status === 'resolved'
      ? 'Resolved: answering soon after the resolution reopens the request.'
      : r.status === 'awaiting-customer'
        ? 'We are waiting for your answer.'
        : 'Your answer goes to the specialist working on it.'
    : 'This request is ' + r.status + ': it takes no more answers. Please submit a new request.';
  document.querySelectorAll('#requests li').forEach((li) => li.classList.toggle('current', (li as HTMLElement).dataset.id === r.id));
  tick();
}

/** Opens a request (GET /v1/requests/:id: the customer's view, with the conversation). */
export async function openRequest(id: string, focus = true): Promise<void> {
  try {
    const res = await api<CustomerRequest>('GET', '/v1/requests/' + encodeURIComponent(id));
    render(res.data);
    if (focus) $('request-h').focus();
  } catch (err) {
    warn('Could not open the request: ' + failure(err).message);
  }
}

/** Sends the company's answer on the open request (POST /v1/requests/:id/customer-replies). */
export async function answer(body: string): Promise<boolean> {
  const r = state.current;
  if (!r || state.busy) return false;
  state.busy = true;
  $<HTMLButtonElement>('reply-submit').disabled = true;
  try {
    const res = await api<{ status: string }>('POST', '/v1/requests/' + encodeURIComponent(r.id) + '/customer-replies', { body });
    say('Answer sent. Status: ' + (STATUS[res.data.status] || res.data.status) + '.');
    return true;
  } catch (err) {
    warn('Could not send the answer: ' + failure(err).message);
    return false;
  } finally {
    state.busy = false;
    await openRequest(r.id, false);
  }
}

export function closeRequest(): void {
  state.current = null;
  $('request-h').textContent = 'No request open';
  $('request-empty').hidden = false;
  $('request').hidden = true;
}
