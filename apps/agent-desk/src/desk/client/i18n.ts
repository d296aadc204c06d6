import { setCountdownWords } from '@support/client/countdown';
import { fmtSpan, setTimeLocale } from '@support/client/format';
import i18next from 'i18next';
import en from './locales/en.json';
import lv from './locales/lv.json';
import ru from './locales/ru.json';

/**
 * The desk's languages (i18next, catalogues in locales/*.json bundled into the page script): the
 * agent's choice is kept in localStorage, the browser's language is the default. Dates and times
 * follow the chosen language (Intl.DateTimeFormat), in the browser's regional variant when it has one.
 */
export const LANGUAGES = { en: 'English', lv: 'Latviešu', ru: 'Русский' } as const;
export type Language = keyof typeof LANGUAGES;
const STORE = 'desk.language';

const known = (tag: string | null | undefined): Language | null => {
  const base = (tag || '').toLowerCase().split('-')[0];
  return base in LANGUAGES ? (base as Language) : null;
};

/** The saved choice, else the first of the browser's languages the desk speaks, else English. */
export function pickLanguage(): Language {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORE);
  } catch {
    /* storage may be off: the browser's language then */
  }
  return known(saved) || (navigator.languages || [navigator.language]).map(known).find((l): l is Language => !!l) || 'en';
}

/** The locale for dates: the browser's own tag when it is of this language (en-GB vs en-US), else the language. */
export function localeOf(lng: Language): string {
  const own = (navigator.languages || [navigator.language]).find((tag) => known(tag) === lng);
  return own || lng;
}

export function t(key: string, options?: Record<string, unknown>): string {
  return i18next.t(key, options);
}

/** A data value in words (a decision, a scope, a segment); the value itself when the catalogues do not know it. */
export function value(kind: string, v: string): string {
  return t('values.' + kind + '.' + v, { defaultValue: v });
}

/** The page's fixed markup: elements carry `data-i18n` (text) or `data-i18n-label` (aria-label) with a catalogue key. */
export function translatePage(): void {
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    node.textContent = t(node.dataset.i18n as string);
  });
  document.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((node) => {
    node.setAttribute('aria-label', t(node.dataset.i18nLabel as string));
  });
  document.title = t('page.title');
}

export function useLanguage(lng: Language, remember: boolean): void {
  if (remember) {
    try {
      localStorage.setItem(STORE, lng);
    } catch {
      /* not remembered, still used */
    }
  }
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
  setTimeLocale(localeOf(lng));
  translatePage();
}

export function language(): Language {
  return (known(i18next.language) || 'en') as Language;
}

/** Synchronous: the catalogues are in the bundle. */
export function initI18n(): Language {
  const lng = pickLanguage();
  void i18next.init({ resources: { en: { translation: en }, lv: { translation: lv }, ru: { translation: ru } }, lng, fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false } });
  setCountdownWords((left, _span, label) => t(label === 'breached' ? 'time.breachedBy' : left >= 0 ? 'time.in' : 'time.overdueBy', { span: span(left) }));
  useLanguage(lng, false);
  return lng;
}

/** A span in the language's units: 1d 2h 03m 04s. */
export function span(ms: number): string {
  return fmtSpan(ms, { d: t('time.d'), h: t('time.h'), m: t('time.m'), s: t('time.s') });
}
