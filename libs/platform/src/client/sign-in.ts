import { credentials, failure } from './api';
import { $ } from './dom';
import { warn } from './messages';

/** The sign-in form of the pages that take a key (#signin-form): an empty key is refused at once, else `signIn(key)`. */
export function wireSignIn(inputId: string, missing: string, signIn: (key: string) => void): void {
  const input = $<HTMLInputElement>(inputId);
  $('signin-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = input.value.trim();
    if (!value) {
      warn(missing);
      input.focus();
      return;
    }
    signIn(value);
  });
}

/** A failed sign-in: the key is forgotten (this tab's `store` too) and the page says why; `kind` names the key the page wants ("an agent key"). */
export function refuseSignIn(err: unknown, store: string, kind: string, inputId: string): void {
  const { message, status } = failure(err);
  credentials.key = null;
  sessionStorage.removeItem(store);
  if (status === 403) warn('That key is not ' + kind + '.');
  else if (status === 401) warn('That key was not accepted.');
  else warn('Could not sign in: ' + message);
  $(inputId).focus();
}
