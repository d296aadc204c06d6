import { $, el } from '@support/client/dom';
import { LANGUAGES, type Language, language, t, useLanguage } from './i18n';

/**
 * The parts of the page's shell (libs/platform/src/http/key-page.ts, shared with the portal) that
 * the desk translates: marked with catalogue keys here, so translatePage() covers them; and the
 * language picker in the header bar.
 */
const SHELL: [string, string][] = [
  ['a.skip', 'page.skip'],
  ['header.bar h1', 'page.heading'],
  ['#sign-out', 'page.signOut'],
  ['#signin-h', 'signIn.heading'],
  ['label[for=agent-key]', 'signIn.key'],
  ['#key-hint', 'signIn.hint'],
  ['#signin-form button[type=submit]', 'signIn.submit'],
];

export function markShell(): void {
  SHELL.forEach(([selector, key]) => {
    const node = document.querySelector<HTMLElement>(selector);
    if (node) node.dataset.i18n = key;
  });
  // "Signed in as <strong>name</strong>": the words are a bare text node; give them an element.
  const who = document.querySelector('#who > span');
  const words = who && who.firstChild;
  if (who && words && words.nodeType === Node.TEXT_NODE) {
    const label = el('span', { dataset: { i18n: 'page.signedInAs' } });
    who.replaceChild(label, words);
    who.insertBefore(document.createTextNode(' '), label.nextSibling);
  }
}

/** The language select (in the header bar, there before and after signing in); `changed` redraws what the script drew. */
export function languagePicker(changed: () => void): void {
  const select = el(
    'select',
    { id: 'language' },
    (Object.keys(LANGUAGES) as Language[]).map((l) => el('option', { value: l, lang: l, text: LANGUAGES[l] })),
  );
  select.value = language();
  select.addEventListener('change', () => {
    useLanguage(select.value as Language, true);
    changed();
  });
  const bar = document.querySelector('header.bar') as HTMLElement;
  bar.insertBefore(el('div', { className: 'lang' }, [el('label', { for: 'language', text: t('page.language'), dataset: { i18n: 'page.language' } }), select]), $('who'));
}
