import { api, failure } from '@support/client/api';
import { latestOnly } from '@support/client/latest';
import { $, focusIsFree } from '@support/client/dom';
import { holding, leaseLapsed, renew, startRenewing, stopRenewing } from './lease';
import { say, warn } from '@support/client/messages';
import { refresh } from './queues';
import { render } from './request-view';
import { t } from './i18n';
import { state } from './state';
import { loadCustomer } from './customer-panel';
import { loadSuggestions } from './suggestions';
import { loadTeams, updateTriage } from './triage-tools';
import type { Claim, MyRequest, RequestView } from './types';

/** Working on requests: claim the next, open one of mine, reply, resolve, release; which controls are enabled. */

export function showNothing(): void {
  stopRenewing();
  state.current = null;
  state.leaseExpiresAt = null;
  state.lapsed = false;
  $('work-h').textContent = t('work.none');
  $('work-empty').hidden = false;
  $('request').hidden = true;
}

export function openRequest(r: RequestView, leaseExpiresAt: string | null | undefined): void {
  stopRenewing();
  state.current = r;
  state.lapsed = false;
  state.leaseExpiresAt = leaseExpiresAt || null;
  $<HTMLTextAreaElement>('reply-body').value = '';
  $<HTMLTextAreaElement>('resolve-summary').value = '';
  render(r);
  loadSuggestions(r);
  loadCustomer(r);
  loadTeams();
  if (holding()) startRenewing();
}

/** The request changed by an action of ours (reply, resolve, release). */
function updated(r: RequestView): void {
  state.current = r;
  if (!(r.status === 'assigned' && r.assignee === state.me?.id)) {
    stopRenewing();
    state.leaseExpiresAt = null;
  }
  render(r);
}

export function claimNext(): void {
  if (state.busy) return;
  if (holding() && !confirm(t('act.confirmSecond'))) return;
  const finish = once(() => setBusy(false));
  setBusy(true);
  api<Claim>('POST', '/v1/agent/claims')
    .then((res) => {
      if (res.status === 204) {
        say(t('act.nothingWaiting'));
        return refresh(true);
      }
      // The claim is done: the request is the agent's to work on while the side panels reload.
      finish();
      openRequest(res.data.request, res.data.leaseExpiresAt);
      say(t('act.claimed', { subject: res.data.request.subject }));
      $('work-h').focus();
      return refresh(true);
    })
    .catch((err: unknown) => warn(t('act.claimFailed', { message: failure(err).message })))
    .then(finish);
}

/** Ends a busy spell once: ended early (the agent goes on while the panels reload), the late end must not end the next action's. */
function once(end: () => void): () => void {
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    end();
  };
}

/** When the agent moves on quickly (n, n) only the latest one opens, whatever order the answers come in. */
const startOpen = latestOnly();

export function openMine(item: MyRequest): void {
  const latest = startOpen();
  api<RequestView>('GET', '/v1/requests/' + encodeURIComponent(item.id))
    .then((res) => {
      if (!latest()) return;
      const r = res.data;
      const mine = r.status === 'assigned' && r.assignee === state.me?.id;
      openRequest(r, mine ? item.leaseExpiresAt : null);
      if (mine) renew();
      $('work-h').focus();
    })
    .catch((err: unknown) => {
      if (latest()) warn(t('act.openFailed', { message: failure(err).message }));
    });
}

export function updateActions(): void {
  const r = state.current;
  const holds = holding();
  const mineWaiting = !!(r && r.status === 'awaiting-customer' && state.me && r.assignee === state.me.id);
  document.querySelectorAll<HTMLButtonElement | HTMLTextAreaElement>('#reply-form button, #release, #reply-body').forEach((b) => {
    b.disabled = !holds || state.busy;
  });
  document.querySelectorAll<HTMLButtonElement | HTMLTextAreaElement>('#resolve-form button[type=submit], #resolve-summary').forEach((b) => {
    b.disabled = !(holds || mineWaiting) || state.busy;
  });
  let note = '';
  if (!r) note = '';
  else if (state.lapsed) note = t('work.noteLapsed');
  else if (mineWaiting) note = t('work.noteWaiting');
  else if (!holds) note = t('work.noteViewOnly', { status: t('status.' + r.status, { defaultValue: r.status }), who: r.assignee ? ' (' + r.assignee + ')' : '' });
  $('act-note').textContent = note;
  updateTriage();
}

function setBusy(b: boolean): void {
  state.busy = b;
  $<HTMLButtonElement>('claim').disabled = b;
  updateActions();
}

/** An action on the open request (POST /v1/requests/:id<path>); `what` is the status line on success. */
export function act(path: string, body: unknown, done: () => void, what: string): void {
  const r = state.current;
  if (!r || state.busy) return;
  const from = document.activeElement as HTMLElement | null;
  const finish = once(() => {
    setBusy(false);
    keepFocus(from);
  });
  setBusy(true);
  api<RequestView>('POST', '/v1/requests/' + encodeURIComponent(r.id) + path, body)
    .then((res) => {
      updated(res.data);
      done();
      say(t('act.done', { what, status: t('status.' + res.data.status, { defaultValue: res.data.status }) }));
      // Done: the agent goes on while the side panels reload.
      finish();
      return refresh(true);
    })
    .catch((err: unknown) => {
      const { message, status } = failure(err);
      if (status === 409 && /lease/i.test(message)) leaseLapsed(message);
      else warn(t('act.failed', { what: what.replace(/\.$/, ''), message }));
    })
    .then(finish);
}

/**
 * Busy disables the control the agent acted from (the reply box, a button), and the browser then
 * drops the focus to the page, so the next shortcut would land nowhere (or, before the browser
 * notices, in a disabled box). Back to that control when it can still be used, else to the
 * request's heading; unless the agent has moved the focus elsewhere meanwhile.
 */
function keepFocus(from: HTMLElement | null): void {
  if (!from || from === document.body || !(focusIsFree() || document.activeElement === from)) return;
  const usable = from.isConnected && !(from as HTMLButtonElement).disabled && from.offsetParent !== null;
  (usable ? from : $('work-h')).focus();
}
