import { showNothing } from './actions';
import { api, credentials, onUnauthorized } from '@support/client/api';
import { tick } from '@support/client/countdown';
import { $, clear } from '@support/client/dom';
import { stopRenewing } from './lease';
import { say, warn } from '@support/client/messages';
import { refuseSignIn } from '@support/client/sign-in';
import { refresh, refreshMine, renderQueues } from './queues';
import { t } from './i18n';
import { state } from './state';
import { startSupervisor, stopSupervisor } from './supervisor';
import type { Agent, DeskConfig } from './types';
import { startList, stopList } from './work-list';

/** Signing in with the agent's key (kept in this tab's sessionStorage only) and out. */
const STORE = 'desk.agentKey';
let refreshTimer: ReturnType<typeof setInterval> | undefined;
let tickTimer: ReturnType<typeof setInterval> | undefined;

// The API's reason (the server's words) goes inside the translated sentence.
onUnauthorized((_message, reason) => signOut(t('signIn.keyDropped', { message: reason })));

/** The saved key of this tab, if it signed in before (a reload keeps the session). */
export function savedKey(): string | null {
  return sessionStorage.getItem(STORE);
}

/** The lease length and clause titles (/desk/config.json); the page works without them. */
export function loadConfig(): Promise<void> {
  return fetch('/desk/config.json', { cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<DeskConfig>) : null))
    .then((c) => {
      if (c) state.config = c;
    })
    .catch(() => {
      /* titles are a nicety */
    });
}

export function signIn(key: string, quiet?: boolean): Promise<void> {
  credentials.key = key;
  return api<Agent>('GET', '/v1/agent/me')
    .then((res) => {
      sessionStorage.setItem(STORE, key);
      state.me = res.data;
      $('agent-name').textContent = res.data.name + ' (' + res.data.id + ')';
      $('who').hidden = false;
      $('signin').hidden = true;
      $('desk').hidden = false;
      $<HTMLInputElement>('agent-key').value = '';
      renderQueues(res.data);
      startList(res.data);
      startSupervisor(res.data);
      if (!quiet) {
        say(t('signIn.signedIn', { name: res.data.name }));
        // The key field is hidden now: the focus goes to the next thing to do, not to wherever the browser puts it on its next paint (a key pressed before then would type into the hidden field).
        $('claim').focus();
      }
      refreshTimer = setInterval(() => {
        void refresh(true);
      }, 15000);
      tickTimer = setInterval(tick, 1000);
      return refreshMine();
    })
    .catch((err: unknown) =>
      refuseSignIn(err, STORE, 'an agent key', 'agent-key', { notKind: t('signIn.notAgent'), refused: t('signIn.refused'), failed: (message) => t('signIn.failed', { message }) }),
    );
}

export function signOut(message?: string): void {
  stopRenewing();
  clearInterval(refreshTimer);
  clearInterval(tickTimer);
  sessionStorage.removeItem(STORE);
  credentials.key = null;
  state.me = null;
  state.current = null;
  state.leaseExpiresAt = null;
  $('who').hidden = true;
  $('desk').hidden = true;
  $('signin').hidden = false;
  clear($<HTMLTableElement>('queues').tBodies[0]);
  clear($('mine'));
  stopList();
  stopSupervisor();
  showNothing();
  if (message) warn(message);
  else say(t('signIn.signedOut'));
  $('agent-key').focus();
}
