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

/** A page's own words for a refused sign-in (the desk's are translated). */
export interface RefusalWords {
  notKind: string;
  refused: string;
  failed: (message: string) => string;
}

/** A failed sign-in: the key is forgotten (this tab's `store` too) and the page says why; `kind` names the key the page wants ("an agent key"). */
export function refuseSignIn(err: unknown, store: string, kind: string, inputId: string, words?: RefusalWords): void {
  const { message, status } = failure(err);
  credentials.key = null;
  sessionStorage.removeItem(store);
  const w = words || { notKind: 'That key is not ' + kind + '.', refused: 'That key was not accepted.', failed: (m: string) => 'Could not sign in: ' + m };
  if (status === 403) warn(w.notKind);
  else if (status === 401) warn(w.refused);
  else warn(w.failed(message));
  $(inputId).focus();
}
