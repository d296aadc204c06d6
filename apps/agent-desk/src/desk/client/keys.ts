import { $, focusIsFree } from '@support/client/dom';
import { claimNext } from './actions';
import { state } from './state';
import { focusSearch, moveInList } from './work-list';

/**
 * Keyboard shortcuts (listed in the `?` dialog): c claim, r reply, s resolve, n next of my
 * requests, i internal note, / search the work list, j / k next / previous row of it, Ctrl+Enter sends from a text box. Single keys act only outside text fields, and the
 * agent can turn them off (WCAG 2.1.4: they would fire from speech input), remembered here.
 */
const STORE = 'desk.shortcuts';

function typing(target: EventTarget | null): boolean {
  const node = target as HTMLElement | null;
  return !!node && (/^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName) || node.isContentEditable);
}

function singleKeysOn(): boolean {
  try {
    return localStorage.getItem(STORE) !== 'off';
  } catch {
    return true;
  }
}

/** Focuses a text box if the agent may use it now (the open request is theirs). */
function write(id: string): void {
  const box = $<HTMLTextAreaElement>(id);
  if (!box.disabled) box.focus();
}

/** The next request of "My requests" after the open one (round). */
function openNext(): void {
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('#mine button[data-open]'));
  if (!buttons.length) return;
  const at = buttons.findIndex((b) => state.current && b.dataset.open === state.current.id);
  buttons[(at + 1) % buttons.length].click();
}

function showHelp(): void {
  const dialog = $<HTMLDialogElement>('keys-help');
  if (!dialog.open) dialog.showModal();
  $('keys-close').focus();
}

const SINGLE: Record<string, () => void> = {
  c: claimNext,
  r: () => write('reply-body'),
  s: () => write('resolve-summary'),
  n: openNext,
  i: () => write('note-body'),
  '/': focusSearch,
  j: () => moveInList(1),
  k: () => moveInList(-1),
  '?': showHelp,
};
/** The text boxes Ctrl+Enter sends from. */
const SENDS = ['reply-body', 'resolve-summary', 'note-body'];

export function wireKeys(): void {
  const dialog = $<HTMLDialogElement>('keys-help');
  const on = $<HTMLInputElement>('keys-on');
  let opener: HTMLElement | null = null;
  on.checked = singleKeysOn();
  on.addEventListener('change', () => {
    try {
      localStorage.setItem(STORE, on.checked ? 'on' : 'off');
    } catch {
      /* not remembered */
    }
  });
  $('keys').addEventListener('click', showHelp);
  $('keys-close').addEventListener('click', () => dialog.close());
  // Back to where the agent was, unless they have moved on: the close event is a task of its own,
  // and the browser may handle the next key (r: the reply box) before it.
  dialog.addEventListener('close', () => {
    const lost = focusIsFree() || dialog.contains(document.activeElement);
    if (lost && opener && opener.isConnected) opener.focus();
    opener = null;
  });

  document.addEventListener('keydown', (ev) => {
    if (ev.defaultPrevented || $('desk').hidden || dialog.open) return;
    // Ctrl+Enter (⌘+Enter on a Mac) in a text box submits its form with the form's first button.
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey) && SENDS.includes((ev.target as HTMLElement).id)) {
      ev.preventDefault();
      const form = (ev.target as HTMLTextAreaElement).form as HTMLFormElement;
      form.requestSubmit(form.querySelector<HTMLButtonElement>('button[type=submit]'));
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target) || !singleKeysOn()) return;
    // The letter's key by position too: on a Russian or Latvian-ŪGJRMV layout the same key types another letter.
    const key = SINGLE[ev.key] ? ev.key : /^Key[CRSNIJK]$/.test(ev.code) ? ev.code.slice(3).toLowerCase() : ev.code === 'Slash' && !ev.shiftKey ? '/' : '';
    const action = SINGLE[key];
    if (!action) return;
    ev.preventDefault();
    if (key === '?') opener = document.activeElement as HTMLElement | null;
    action();
  });
}
