import { api, credentials, failure, onUnauthorized } from '@support/client/api';
import { tick } from '@support/client/countdown';
import { $, clear } from '@support/client/dom';
import { say, warn } from '@support/client/messages';
import { refuseSignIn } from '@support/client/sign-in';
import { closeRequest } from './request-view';
import { loadRequests, refreshRequests } from './requests';
import { state } from './state';
import { loadSurveys } from './surveys';
import type { Company } from './types';

/** Signing in with the company key (kept in this tab's sessionStorage only) and out. */
const STORE = 'portal.companyKey';
let refreshTimer: ReturnType<typeof setInterval> | undefined;
let tickTimer: ReturnType<typeof setInterval> | undefined;

onUnauthorized((message) => signOut(message));

/** The saved key of this tab, if it signed in before (a reload keeps the session). */
export function savedKey(): string | null {
  return sessionStorage.getItem(STORE);
}

export async function signIn(key: string, quiet?: boolean): Promise<void> {
  credentials.key = key;
  try {
    const res = await api<Company>('GET', '/v1/company/me');
    sessionStorage.setItem(STORE, key);
    state.company = res.data;
    $('company-name').textContent = res.data.name + ' (' + res.data.id + ')';
    $('who').hidden = false;
    $('signin').hidden = true;
    $('portal').hidden = false;
    $<HTMLInputElement>('company-key').value = '';
    await Promise.all([loadRequests(), loadSurveys()]);
    if (!quiet) say('Signed in for ' + res.data.name + '.');
    refreshTimer = setInterval(() => void refreshRequests(true), 30000);
    tickTimer = setInterval(tick, 1000);
  } catch (err) {
    // Signed in, but the lists failed: stay signed in and say so.
    if (state.company) warn('Could not load your requests: ' + failure(err).message);
    else refuseSignIn(err, STORE, 'a company key', 'company-key');
  }
}

export function signOut(message?: string): void {
  clearInterval(refreshTimer);
  clearInterval(tickTimer);
  sessionStorage.removeItem(STORE);
  credentials.key = null;
  state.company = null;
  state.requests = [];
  state.nextCursor = null;
  closeRequest();
  $('who').hidden = true;
  $('portal').hidden = true;
  $('signin').hidden = false;
  clear($('requests'));
  clear($('surveys'));
  if (message) warn(message);
  else say('Signed out.');
  $('company-key').focus();
}
