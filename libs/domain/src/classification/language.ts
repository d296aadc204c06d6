import { Language } from './types';
import { lower, rawTokens } from './normalise';

const LV_DIACRITICS = /[āčēģīķļņšūž]/g;
const CYRILLIC = /[\u0400-\u04FF]/g;
const LATIN = /[a-z]/g;

const LV_STOPWORDS = new Set([
  'un',
  'ir',
  'nav',
  'es',
  'man',
  'mans',
  'mana',
  'mums',
  'mēs',
  'jūs',
  'jums',
  'ka',
  'kā',
  'kas',
  'ar',
  'uz',
  'no',
  'par',
  'pēc',
  'bet',
  'vai',
  'arī',
  'lūdzu',
  'ludzu',
  'labdien',
  'sveiki',
  'paldies',
  'kāpēc',
  'kapec',
  'kur',
  'kad',
  'tas',
  'tā',
  'šis',
  'šī',
  'to',
  'tad',
  'jo',
  'vairs',
  'nevaru',
  'varu',
  'var',
  'nestrādā',
  'nestrada',
  'strādā',
  'strada',
  'datorā',
  'datora',
  'dators',
  'programma',
  'programmu',
  'kļūda',
  'kluda',
  'ari',
  'ka',
  'tiek',
  'tika',
  'bija',
  'būtu',
  'mūsu',
  'musu',
  'jau',
  'vēl',
  'vel',
  'ļoti',
  'loti',
  'pie',
  'līdz',
  'lidz',
  'kopš',
  'kops',
  'ko',
  'pa',
]);
const EN_STOPWORDS = new Set([
  'the',
  'and',
  'is',
  'are',
  'i',
  'my',
  'we',
  'our',
  'you',
  'your',
  'it',
  'to',
  'of',
  'in',
  'on',
  'for',
  'with',
  'not',
  'this',
  'that',
  'have',
  'has',
  'can',
  'cannot',
  "can't",
  'how',
  'what',
  'why',
  'where',
  'when',
  'please',
  'hello',
  'hi',
  'thanks',
  'after',
  'from',
  'does',
  'doesn',
  'do',
  'was',
  'be',
  'there',
  'no',
  'an',
  'a',
  'me',
  'at',
  'but',
  'or',
  'if',
  'which',
  'will',
]);

/**
 * en / lv / ru detector: Cyrillic script → ru; otherwise Latvian diacritics and Latvian
 * stop-words against English stop-words; default en.
 */
export function detectLanguage(text: string): Language {
  const t = lower(text ?? '');
  const cyr = (t.match(CYRILLIC) ?? []).length;
  const lat = (t.match(LATIN) ?? []).length + (t.match(LV_DIACRITICS) ?? []).length;
  if (cyr > 0 && cyr >= lat * 0.5) return 'ru';
  const tokens = rawTokens(t);
  let lv = (t.match(LV_DIACRITICS) ?? []).length * 1.5;
  let en = 0;
  for (const tok of tokens) {
    if (LV_STOPWORDS.has(tok)) lv += 1;
    if (EN_STOPWORDS.has(tok)) en += 1;
  }
  if (lv > en && lv >= 1) return 'lv';
  if (cyr > 0 && en === 0) return 'ru';
  return 'en';
}
