import { api, failure } from '@support/client/api';
import { $, clear, el } from '@support/client/dom';
import { say, warn } from '@support/client/messages';
import { t } from './i18n';
import { state } from './state';
import type { RequestView } from './types';

/**
 * Suggested replies (GET /v1/requests/:id/suggestions): the rules' text for the clause, the
 * self-service pointers (2.1) and the macros, in the request's language. The draft starts from
 * the API's `draft` when the message box is still empty; picking another replaces the message.
 * The reply records the suggestion the text started from (`suggestionId`), edited or not.
 */
interface Suggestion {
  id: string;
  kind: 'rules' | 'self-service' | 'macro';
  name: string | null;
  clauses: string[];
  text: string;
}
interface Suggestions {
  language: string;
  fallback: boolean;
  clause: string | null;
  draft: string;
  items: Suggestion[];
}

let loaded: { requestId: string; data: Suggestions } | null = null;
/** The suggestion the message started from ('' for the agent's own text). */
let chosen = '';

function label(s: Suggestion, data: Suggestions): string {
  const words = s.kind === 'macro' ? t('suggest.macro', { name: s.name }) : s.kind === 'rules' ? t('suggest.rules', { clause: s.clauses.join(', ') }) : t('suggest.self-service');
  return data.fallback ? t('suggest.fallback', { label: words }) : words;
}

/** Draws the choice (again after a language change); the message box is left alone. */
export function renderSuggestions(): void {
  const select = clear($<HTMLSelectElement>('reply-suggestion'));
  select.appendChild(el('option', { value: '', text: loaded ? t('suggest.own') : t('suggest.loading') }));
  const data = loaded && state.current && loaded.requestId === state.current.id ? loaded.data : null;
  (data ? data.items : []).forEach((s) => select.appendChild(el('option', { value: s.id, text: label(s, data as Suggestions) })));
  select.value = data && data.items.some((s) => s.id === chosen) ? chosen : '';
}

/** Fetches the suggestions of the open request and starts the draft when the agent has not written anything yet. */
export function loadSuggestions(r: RequestView): void {
  loaded = null;
  chosen = '';
  renderSuggestions();
  api<Suggestions>('GET', '/v1/requests/' + encodeURIComponent(r.id) + '/suggestions')
    .then((res) => {
      if (!state.current || state.current.id !== r.id) return;
      loaded = { requestId: r.id, data: res.data };
      const box = $<HTMLTextAreaElement>('reply-body');
      const draft = res.data.items.find((s) => s.id === res.data.draft);
      if (draft && !box.value.trim()) {
        box.value = draft.text;
        chosen = draft.id;
      }
      renderSuggestions();
    })
    .catch((err: unknown) => warn(t('suggest.failed', { message: failure(err).message })));
}

/** The suggestion the message being sent started from, if any. */
export function suggestionForReply(): string | undefined {
  return chosen || undefined;
}

/** After a reply went out: the next message is the agent's own until they pick one. */
export function resetSuggestion(): void {
  chosen = '';
  renderSuggestions();
}

export function wireSuggestions(): void {
  const select = $<HTMLSelectElement>('reply-suggestion');
  select.addEventListener('change', () => {
    const s = loaded && loaded.data.items.find((x) => x.id === select.value);
    chosen = s ? s.id : '';
    if (!s || !loaded) return;
    $<HTMLTextAreaElement>('reply-body').value = s.text;
    say(t('suggest.filled', { label: label(s, loaded.data) }));
  });
}
