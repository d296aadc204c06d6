/**
 * The agents' page script (GET /desk/app.js, bundled by esbuild from these modules): it talks to
 * the /v1 API with the agent's key as Bearer.
 *   api.ts            fetch with the key, error messages, sign-out on 401
 *   session.ts        sign in / out, the page config
 *   queues.ts         the team queues and "my requests" panels
 *   actions.ts        claim, open, reply, resolve, release; which controls are enabled
 *   request-view.ts   the open request: decisions, SLA, timeline
 *   lease.ts          the lease timer: renewals, lapse
 *   countdown.ts, format.ts, widgets.ts, dom.ts, messages.ts   small helpers; state.ts, types.ts, labels.ts
 * This file only wires the forms and buttons.
 */
import { act, claimNext } from './actions';
import { setCountdownWords } from '@support/client/countdown';
import { $ } from '@support/client/dom';
import { warn } from '@support/client/messages';
import { wireSignIn } from '@support/client/sign-in';
import { refresh } from './queues';
import { loadConfig, savedKey, signIn, signOut } from './session';

setCountdownWords((left, span, label) => (label === 'breached' ? 'breached by ' : left >= 0 ? 'in ' : 'overdue by ') + span);

function wire(): void {
  const key = $<HTMLInputElement>('agent-key');
  const replyBody = $<HTMLTextAreaElement>('reply-body');
  const resolveSummary = $<HTMLTextAreaElement>('resolve-summary');

  wireSignIn('agent-key', 'Enter your agent key.', (value) => void signIn(value));
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
      warn('Write the message first.');
      replyBody.focus();
      return;
    }
    const wait = kind !== 'answer';
    act(
      '/replies',
      { body: text, waitForCustomer: wait, kind },
      () => {
        replyBody.value = '';
      },
      wait ? (kind === 'diagnostic-utility' ? 'Asked the customer to run a diagnostic utility.' : 'Asked the customer for information.') : 'Reply sent.',
    );
  });
  $('resolve-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const text = resolveSummary.value;
    if (!text.trim()) {
      warn('Write a resolution summary first.');
      resolveSummary.focus();
      return;
    }
    act(
      '/resolve',
      { summary: text },
      () => {
        resolveSummary.value = '';
      },
      'Resolved.',
    );
  });
  $('release').addEventListener('click', () => act('/release', undefined, () => undefined, 'Released to the team queue.'));

  const saved = savedKey();
  void loadConfig().then(() => {
    if (saved) void signIn(saved, true);
  });
  if (!saved) key.focus();
}

document.addEventListener('DOMContentLoaded', wire);
