import { api, failure } from '@support/client/api';
import { countdown, tick } from '@support/client/countdown';
import { $, clear, el } from '@support/client/dom';
import { warn } from '@support/client/messages';
import { refresh } from './queues';
import { fmtClock } from '@support/client/format';
import { t } from './i18n';
import { state } from './state';
import { updateActions } from './actions';

/**
 * The lease timer: while the agent holds the open request the page renews its claim every third
 * of the lease, shows until when it holds it, and says so at once when the lease has lapsed.
 */
let renewTimer: ReturnType<typeof setInterval> | null = null;

/** The signed-in agent holds the open request and its lease has not lapsed. */
export function holding(): boolean {
  return !!(state.current && state.current.status === 'assigned' && state.me && state.current.assignee === state.me.id && state.leaseExpiresAt && !state.lapsed);
}

export function startRenewing(): void {
  stopRenewing();
  // A third of the lease: two renewals may fail (a network blip) before the lease lapses.
  const lease = state.config.leaseMs || Date.parse(state.leaseExpiresAt as string) - Date.now() || 300000;
  const every = Math.max(500, Math.floor(lease / 3));
  renewTimer = setInterval(renew, every);
}

export function stopRenewing(): void {
  if (renewTimer !== null) clearInterval(renewTimer);
  renewTimer = null;
}

export function renew(): void {
  const r = state.current;
  if (!r || !holding()) return;
  api<{ leaseExpiresAt: string }>('POST', '/v1/agent/claims/' + encodeURIComponent(r.id) + '/renew').then(
    (res) => {
      if (state.current !== r) return;
      state.leaseExpiresAt = res.data.leaseExpiresAt;
      renderLease();
    },
    (err: unknown) => {
      // While an action (reply, resolve, release) is in flight its answer decides: a renewal it overtook is refused (409) without the lease having lapsed.
      if (state.current !== r || state.busy) return;
      const { message, status } = failure(err);
      if (status === 409 || status === 404) {
        leaseLapsed(message);
        return;
      }
      renderLease(t('lease.renewFailed', { message }));
    },
  );
}

export function leaseLapsed(why: string): void {
  stopRenewing();
  state.lapsed = true;
  renderLease();
  updateActions();
  warn(t('lease.lapsedAlert', { why }));
  void refresh(true);
}

export function renderLease(problem?: string): void {
  const box = clear($('lease'));
  if (state.lapsed) {
    box.appendChild(el('p', { className: 'lapsed', text: t('lease.lapsedLine') }));
    return;
  }
  if (!holding()) return;
  const until = state.leaseExpiresAt as string;
  box.appendChild(
    el('p', null, [
      t('lease.holding'),
      el('strong', { text: fmtClock(until) }),
      ' (',
      countdown(until),
      t('lease.renewed'),
      problem ? el('span', { className: 'overdue', text: ' ' + problem }) : null,
    ]),
  );
  tick();
}
