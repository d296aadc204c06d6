/**
 * The company portal's script (GET /portal/app.js, bundled by esbuild from these modules and the
 * pages' shared code in libs/platform/src/client): it calls the /v1 API with the company key.
 *   session.ts        sign in / out
 *   requests.ts       the company's requests, a page at a time, with their deadlines
 *   request-view.ts   the open request: clauses, outcome, response times, conversation, answer
 *   surveys.ts        the Feedback section: pending surveys answered once
 *   labels.ts, state.ts, types.ts
 * This file only wires the forms and buttons.
 */
import { $ } from '@support/client/dom';
import { warn } from '@support/client/messages';
import { wireSignIn } from '@support/client/sign-in';
import { failure } from '@support/client/api';
import { answer, openRequest } from './request-view';
import { refreshRequests } from './requests';
import { savedKey, signIn, signOut } from './session';
import { state } from './state';
import { loadSurveys } from './surveys';

function wire(): void {
  const key = $<HTMLInputElement>('company-key');
  const replyBody = $<HTMLTextAreaElement>('reply-body');

  wireSignIn('company-key', 'Enter your company key.', (value) => void signIn(value));
  $('sign-out').addEventListener('click', () => signOut());
  // The list, the open request and the surveys (the 30 s refresh leaves the surveys alone: a half-filled form stays).
  $('refresh').addEventListener('click', () => {
    void refreshRequests(false);
    void loadSurveys().catch((err: unknown) => warn('Could not load the surveys: ' + failure(err).message));
    if (state.current) void openRequest(state.current.id, false);
  });
  $('more').addEventListener('click', () => void refreshRequests(false, true));
  $('reply-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const text = replyBody.value;
    if (!text.trim()) {
      warn('Write your answer first.');
      replyBody.focus();
      return;
    }
    void answer(text).then((sent) => {
      if (sent) {
        replyBody.value = '';
        void refreshRequests(true);
      }
    });
  });

  const saved = savedKey();
  if (saved) void signIn(saved, true);
  else key.focus();
}

document.addEventListener('DOMContentLoaded', wire);
