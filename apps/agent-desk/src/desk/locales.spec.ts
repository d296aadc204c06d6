import en from './client/locales/en.json';
import lv from './client/locales/lv.json';
import ru from './client/locales/ru.json';

/** The desk's message catalogues (client/locales): every language has every key (plural forms count as one), and no empty text. */
type Catalogue = { [key: string]: string | Catalogue };
const keys = (c: Catalogue, prefix = ''): string[] =>
  Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k.replace(/_(zero|one|two|few|many|other)$/, '')] : keys(v, prefix + k + '.')));
const entries = (c: Catalogue, prefix = ''): [string, string][] =>
  Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k.replace(/_(zero|one|two|few|many|other)$/, ''), v] as [string, string]] : entries(v, prefix + k + '.')));
const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) || []).sort().join(' ');
const english = new Map(entries(en));

describe('desk message catalogues', () => {
  it.each([
    ['lv', lv],
    ['ru', ru],
  ])('%s has exactly the English keys', (_lng, c) => {
    expect([...new Set(keys(c))].sort()).toEqual([...new Set(keys(en))].sort());
  });

  it.each([
    ['en', en],
    ['lv', lv],
    ['ru', ru],
  ])('%s has no empty text and keeps every placeholder', (_lng, c) => {
    const all = entries(c);
    expect(all.filter(([, text]) => !text.trim())).toEqual([]);
    expect(all.filter(([key, text]) => placeholders(text) !== placeholders(english.get(key) as string))).toEqual([]);
  });
});
