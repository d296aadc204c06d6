import { api, credentials, failure } from '@support/client/api';
import { latestOnly } from '@support/client/latest';
import { $, clear, el } from '@support/client/dom';
import { say, warn } from '@support/client/messages';
import { fmtClock } from '@support/client/format';
import { t } from './i18n';
import { state } from './state';
import type { Agent, MyRequest } from './types';
import { badge } from './widgets';
import { openMine } from './actions';

/** The side panels: the agent's team queues with their counts, and the agent's own requests. */

export function renderQueues(me: Agent): void {
  const body = clear($<HTMLTableElement>('queues').tBodies[0]);
  me.teams.forEach((t) => {
    body.appendChild(el('tr', { dataset: { team: t.id } }, [el('th', { scope: 'row', text: t.id }), el('td', { className: 'num', text: t.waiting }), el('td', { className: 'num', text: t.active })]));
  });
  const back = me.returning ? me.returning.waiting : 0;
  $('returning').textContent = back ? t('queues.returning', { count: back }) : '';
  $('refreshed').textContent = t('queues.updated', { time: fmtClock(new Date()) });
}

/** An answer overtaken by a later load of "My requests" is dropped (it would show an older list). */
const startMineLoad = latestOnly();

export async function refreshMine(): Promise<void> {
  const latest = startMineLoad();
  const res = await api<{ items?: MyRequest[] }>('GET', '/v1/agent/requests');
  if (!latest()) return;
  const list = clear($('mine'));
  const items = res.data.items || [];
  if (!items.length) list.appendChild(el('li', null, [el('span', { className: 'sub', text: t('mine.empty') })]));
  items.forEach((r) => {
    const sub = r.status === 'assigned' && r.leaseExpiresAt ? t('mine.leaseUntil', { time: fmtClock(r.leaseExpiresAt) }) : r.status === 'queued' ? t('mine.comingBack') : r.team || '';
    list.appendChild(
      el('li', { className: state.current && state.current.id === r.id ? 'current' : '' }, [
        el('div', null, [el('span', { className: 'subject', text: r.subject }), badge(r.status), ' ', el('span', { className: 'sub', text: sub })]),
        el('button', { type: 'button', 'aria-label': t('mine.openLabel', { subject: r.subject }), text: t('mine.open'), dataset: { open: r.id }, onclick: () => openMine(r) }),
      ]),
    );
  });
}

/** Reloads the queue counts and the agent's requests; `quiet` says nothing unless asked. */
export async function refresh(quiet: boolean): Promise<void> {
  if (!credentials.key) return;
  try {
    await Promise.all([
      api<Agent>('GET', '/v1/agent/me').then((res) => {
        state.me = res.data;
        renderQueues(res.data);
      }),
      refreshMine(),
    ]);
    if (!quiet) say(t('queues.refreshed'));
  } catch (err) {
    if (!quiet && credentials.key) warn(t('queues.refreshFailed', { message: failure(err).message }));
  }
}
