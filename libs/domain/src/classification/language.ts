import { detectAll } from 'tinyld';
import { customerWords } from './customer-words';
import { Language } from './types';
import { lower, rawTokens } from './normalise';

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

/** Share of a text's words that English stop-words must make for it to be English without asking the n-gram detector. */
const PLAIN_ENGLISH_SHARE = 0.2;
/** Typographic quotes, dashes, spaces and symbols: not letters of any language. */
const NON_LETTER_UNICODE = /[\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf\u2100-\u2bff]/g;
const NON_ASCII = /[^ -~\t\r\n]/;
const asciiLettersOnly = (t: string): boolean => !NON_ASCII.test(t.replace(NON_LETTER_UNICODE, ''));

/**
 * Plainly English: ASCII letters only, and at least two (and a fifth) of its words English
 * stop-words. Most traffic is this, and it skips the n-gram detector (~0.3 ms a message).
 */
function plainEnglish(t: string, tokens: string[]): boolean {
  const en = tokens.filter((tok) => EN_STOPWORDS.has(tok)).length;
  return en >= 2 && en >= tokens.length * PLAIN_ENGLISH_SHARE && asciiLettersOnly(t);
}

/** Below this score of tinyld's, a few ASCII words are names ("Kaspersky Endpoint Security"), not Estonian. */
const UNSURE = 0.1;
const FEW_WORDS = 4;

/**
 * Five languages. Cyrillic script → ru. Latin script: plainly English text is English; the rest
 * goes to tinyld's n-gram model limited to the Latin-script languages we serve, which tells
 * Lithuanian from Latvian (they share š, ž, č, ū) and Estonian typed without its letters
 * ("ostsin litsentsi, kuid kood ei sobi"), where letters and stop-words alone could not: on the
 * 2,990 Latin-script dev lines of bench/classifier, 2,978 right against 2,920 by letters and
 * stop-words. Latvian and English stop-words decide when the detector has no answer.
 */
export function detectLanguage(text: string): Language {
  // an English disclaimer under a Latvian mail says nothing of the customer's language
  return languageOfWords(customerWords(text ?? ''));
}

/**
 * A language shows in a message's first words; tinyld's time grows with the text (~0.2 s for the 20,000 characters a
 * request may have), so a longer text is read this far. On the 4,235 dev lines of bench/classifier, cutting at 500
 * characters changes no answer.
 */
const SAMPLE_CHARS = 1000;

/** detectLanguage of a text that is already the customer's words (customer-words.ts), as classify reads it. */
export function languageOfWords(words: string): Language {
  const t = lower(words.slice(0, SAMPLE_CHARS));
  const cyr = (t.match(CYRILLIC) ?? []).length;
  const lat = (t.match(LATIN) ?? []).length + (t.match(LV_DIACRITICS) ?? []).length;
  if (cyr > 0 && cyr >= lat * 0.5) return 'ru';
  const tokens = rawTokens(t);
  if (plainEnglish(t, tokens)) return 'en';
  const best = detectAll(t, { only: LATIN_LANGUAGES })[0];
  const unsure = !best || (best.accuracy < UNSURE && tokens.length <= FEW_WORDS && asciiLettersOnly(t));
  const guess = unsure ? enOrLv(t) : (best.lang as Language);
  if (cyr > 0 && guess === 'en' && !EN_STOPWORDS_RE.test(t)) return 'ru';
  return guess;
}
