import { detectAll } from 'tinyld';
import { customerWords } from './customer-words';
import { Language } from './types';
import { fold, lower, rawTokens } from './normalise';

const LATIN_LANGUAGES = ['en', 'lv', 'et', 'lt'];
const EN_STOPWORDS_RE = /\b(?:the|and|is|my|to|of|it|not|with)\b/;

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

/** en / lv by stop-words and Latvian diacritics (the earlier detector; exact on short Latvian texts). */
function enOrLv(t: string): Language {
  const tokens = rawTokens(t);
  let lv = (t.match(LV_DIACRITICS) ?? []).length * 1.5;
  let en = 0;
  for (const tok of tokens) {
    if (LV_STOPWORDS.has(tok)) lv += 1;
    if (EN_STOPWORDS.has(tok)) en += 1;
  }
  return lv > en && lv >= 1 ? 'lv' : 'en';
}

/** Letters Estonian or Lithuanian use and Latvian does not: then the n-gram detector decides. */
const ET_LT_LETTERS = /[õäöüąęėįų]/;
/** Common Estonian / Lithuanian words typed without diacritics (rare in English or Latvian). */
const ET_LT_WORDS = /\b(?:tere|palun|aitah|kuidas|kust|leida|jookseb|arvuti\w*|viirus\w*|tootab|labas|prasau|aciu|kompiuter\w*|neveikia|negaliu|atsisiust\w*)\b/;

/**
 * Five languages. Cyrillic script → ru. Latin script: when the text has letters (or common words)
 * of Estonian or Lithuanian, tinyld's n-gram model limited to the Latin-script languages we serve
 * decides (the detector costs more than the rest of classification, so it is asked only then);
 * otherwise Latvian by its diacritics and stop-words against English, as before.
 */
export function detectLanguage(text: string): Language {
  // an English disclaimer under a Latvian mail says nothing of the customer's language
  return languageOfWords(customerWords(text ?? ''));
}

/** detectLanguage of a text that is already the customer's words (customer-words.ts), as classify reads it. */
export function languageOfWords(words: string): Language {
  const t = lower(words);
  const cyr = (t.match(CYRILLIC) ?? []).length;
  const lat = (t.match(LATIN) ?? []).length + (t.match(LV_DIACRITICS) ?? []).length;
  if (cyr > 0 && cyr >= lat * 0.5) return 'ru';
  if (ET_LT_LETTERS.test(t) || ET_LT_WORDS.test(fold(t))) {
    const best = detectAll(t, { only: LATIN_LANGUAGES })[0];
    if (best && (best.lang === 'et' || best.lang === 'lt' || best.lang === 'lv')) return best.lang;
  }
  const guess = enOrLv(t);
  if (cyr > 0 && guess === 'en' && !EN_STOPWORDS_RE.test(t)) return 'ru';
  return guess;
}
