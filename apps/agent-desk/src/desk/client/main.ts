/**
 * The agents' page script (GET /desk/app.js, bundled by esbuild from these modules): it talks to
 * the /v1 API with the agent's key as Bearer.
 *   api.ts            fetch with the key, error messages, sign-out on 401
 *   session.ts        sign in / out, the page config
 *   queues.ts         the team queues and "my requests" panels
 *   actions.ts        claim, open, reply, resolve, release; which controls are enabled
 *   request-view.ts   the open request: decisions, SLA, timeline
 *   suggestions.ts    suggested replies: the draft and the choice of rules' texts and macros
 *   customer-panel.ts the customer's plan, licences and other requests
 *   triage-tools.ts   internal notes, transfer, reclassify
 *   work-list.ts      the work list: search, filters, order, paging (list-query.ts builds the query)
 *   supervisor.ts     the supervisors' view of a team: release, return to team, reassign
 *   lease.ts          the lease timer: renewals, lapse
 *   countdown.ts, format.ts, widgets.ts, dom.ts, messages.ts   small helpers; state.ts, types.ts, labels.ts
 * This file only wires the forms and buttons.
 */
import { act, claimNext } from './actions';
import { tick } from '@support/client/countdown';
import { $ } from '@support/client/dom';
import { warn } from '@support/client/messages';
import { wireSignIn } from '@support/client/sign-in';
import { initI18n, t } from './i18n';
import { wireKeys } from './keys';
import { refresh, renderQueues } from './queues';
import { render } from './request-view';
import { renderLease } from './lease';
import { languagePicker, markShell } from './shell';
import { state } from './state';
import { renderCustomer } from './customer-panel';
import { renderSuggestions, resetSuggestion, suggestionForReply, wireSuggestions } from './suggestions';
import { wireTriage } from './triage-tools';
import { loadConfig, savedKey, signIn, signOut } from './session';
import { renderTeam, wireSupervisor } from './supervisor';
import { fillChoices, renderList, wireList } from './work-list';

function wire(): void {
  const key = $<HTMLInputElement>('agent-key');
  const replyBody = $<HTMLTextAreaElement>('reply-body');
  const resolveSummary = $<HTMLTextAreaElement>('resolve-summary');

  markShell();
  initI18n();
  languagePicker(redraw);
  $('work-h').textContent = t('work.none');
  wireSignIn('agent-key', t('signIn.missing'), (value) => void signIn(value));
  $('sign-out').addEventListener('click', () => signOut());
  $('claim').addEventListener('click', claimNext);
  $('refresh').addEventListener('click', () => {
    void refresh(false);
  });
  $('reply-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const submitter = (ev as SubmitEvent).submitter as HTMLButtonElement | null;
    const kind = (submitter && submitter.value) || 'answer';
    const text = replyBody.value;
    if (!text.trim()) {
      warn(t('work.writeFirst'));
      replyBody.focus();
      return;
    }
    const wait = kind !== 'answer';
    act(
      '/replies',
      { body: text, waitForCustomer: wait, kind, suggestionId: suggestionForReply() },
      () => {
        replyBody.value = '';
        resetSuggestion();
      },
      t(wait ? (kind === 'diagnostic-utility' ? 'act.askedUtility' : 'act.askedInfo') : 'act.replied'),
    );
  });
  $('resolve-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const text = resolveSummary.value;
    if (!text.trim()) {
      warn(t('work.summaryFirst'));
      resolveSummary.focus();
      return;
    }
    act(
      '/resolve',
      { summary: text },
      () => {
        resolveSummary.value = '';
      },
      t('act.resolved'),
    );
  });
  wireKeys();
  wireSuggestions();
  wireTriage();
  wireList();
  wireSupervisor();
  $('release').addEventListener('click', () => act('/release', undefined, () => undefined, t('act.released')));

  const saved = savedKey();
  void loadConfig().then(() => {
    if (saved) void signIn(saved, true);
  });
  if (!saved) key.focus();
}

/** After a language change: what the script drew, drawn again in the new language. */
function redraw(): void {
  if (state.me) {
    renderQueues(state.me);
    fillChoices(state.me);
  }
  renderList();
  renderTeam();
  if (state.current) render(state.current);
  else $('work-h').textContent = t('work.none');
  renderSuggestions();
  renderCustomer();
  renderLease();
  void refresh(true);
  tick();
}

document.addEventListener('DOMContentLoaded', wire);
