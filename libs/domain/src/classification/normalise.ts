/**
 * Text normalisation shared by the language detector, the lexicon compiler and the matcher.
 * Everything is compared in a "folded" form: NFC, invisible characters dropped, fullwidth letters as ASCII, lower case,
 * Latvian diacritics removed and Estonian/Lithuanian ones too (customers often type without them), Russian ё → е; a
 * token of Latin and Cyrillic look-alikes in one script.
 */
const FOLD: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ā: 'a',
    č: 'c',
    ē: 'e',
    ģ: 'g',
    ī: 'i',
    ķ: 'k',
    ļ: 'l',
    ņ: 'n',
    š: 's',
    ū: 'u',
    ž: 'z',
    ō: 'o',
    ŗ: 'r',
    õ: 'o',
    ä: 'a',
    ö: 'o',
    ü: 'u',
    ą: 'a',
    ę: 'e',
    ė: 'e',
    į: 'i',
    ų: 'u',
    ё: 'е',
  }),
);
const FOLD_RE = /[āčēģīķļņšūžōŗõäöüąęėįųё]/g;

/**
 * Characters no reader sees: zero-width spaces and joiners, the soft hyphen, bidi marks and overrides (Unicode's format
 * class). Pasted from web pages and chats, or put in on purpose, they cut "fal\u200Bse positive" into two unknown words.
 */
const INVISIBLE_RE = /\p{Cf}/gu;
/** Fullwidth ASCII ("ｆａｌｓｅ", typed with an East Asian input method) as the ASCII it stands for. */
const FULLWIDTH_RE = /[\uFF01-\uFF5E]/g;
const FULLWIDTH_OFFSET = 0xfee0;

export function lower(text: string): string {
  return (text ?? '')
    .normalize('NFC')
    .replace(INVISIBLE_RE, '')
    .replace(FULLWIDTH_RE, (c) => String.fromCharCode(c.charCodeAt(0) - FULLWIDTH_OFFSET))
    .toLowerCase();
}

/** Lower case + diacritics folded; punctuation kept. */
export function fold(text: string): string {
  return lower(text).replace(FOLD_RE, (c) => FOLD.get(c) ?? c);
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/**
 * English contractions typed without the apostrophe ("doesnt" → "doesn t"), so both spellings match.
 * A Map, never a plain object: tokens are the customer's words, and a plain object would answer
 * "constructor", "__proto__" or "toString" from Object.prototype.
 */
const CONTRACTIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    doesnt: ['doesn', 't'],
    dont: ['don', 't'],
    didnt: ['didn', 't'],
    cant: ['can', 't'],
    wont: ['won', 't'],
    isnt: ['isn', 't'],
    wasnt: ['wasn', 't'],
    arent: ['aren', 't'],
    werent: ['weren', 't'],
    couldnt: ['couldn', 't'],
    wouldnt: ['wouldn', 't'],
    shouldnt: ['shouldn', 't'],
    havent: ['haven', 't'],
    hasnt: ['hasn', 't'],
    its: ['it', 's'],
    im: ['i', 'm'],
    ive: ['i', 've'],
  }),
);

/**
 * Latin and Cyrillic letters that look alike (lower case, as folded). A word typed with both ("Kаspersky" with a Cyrillic
 * "а", "Windоws"; a keyboard layout switched mid-word, or a filter evaded on purpose) matches nothing in either language.
 */
const LATIN_OF_CYRILLIC: ReadonlyMap<string, string> = new Map(Object.entries({ а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', к: 'k', і: 'i', ј: 'j', ѕ: 's' }));
const CYRILLIC_OF_LATIN: ReadonlyMap<string, string> = new Map(Object.entries({ a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', y: 'у', x: 'х', k: 'к' }));
const LATIN_RE = /[a-z]/g;
const CYRILLIC_RE = /[\u0430-\u044f]/g;
const HAS_LATIN = /[a-z]/;
const HAS_CYRILLIC = /[\u0430-\u044f]/;
const count = (token: string, letters: RegExp): number => token.match(letters)?.length ?? 0;

/** A word of both scripts, written in the one most of its letters are in, when every other letter has a look-alike there. */
function oneScript(token: string): string {
  if (!HAS_CYRILLIC.test(token) || !HAS_LATIN.test(token)) return token;
  const toLatin = count(token, LATIN_RE) >= count(token, CYRILLIC_RE);
  const mapped = toLatin ? token.replace(CYRILLIC_RE, (c) => LATIN_OF_CYRILLIC.get(c) ?? c) : token.replace(LATIN_RE, (c) => CYRILLIC_OF_LATIN.get(c) ?? c);
  return (toLatin ? HAS_CYRILLIC : HAS_LATIN).test(mapped) ? token : mapped;
}

/** A folded word as tokens: one script, a contraction as its words. */
function pushWord(out: string[], word: string): void {
  const t = oneScript(word);
  const c = CONTRACTIONS.get(t);
  if (c) out.push(...c);
  else out.push(t);
}

/** Folded word tokens (letters/digits runs). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const word of fold(text).match(TOKEN_RE) ?? []) pushWord(out, word);
  return out;
}

/** A word (captured), or a sentence's end: ".", "!", "?" or "…" before white space, or a blank line (a hard-wrapped line goes on). */
const WORD_OR_SENTENCE_END_RE = /([\p{L}\p{N}]+)|[.!?…](?=\s)|\n\s*\n/gu;

/** tokenize's tokens, each with the number of its sentence (a phrase is matched within one sentence: TextIndex). */
export function tokenizeBySentence(text: string): { tokens: string[]; sentenceOf: number[] } {
  const tokens: string[] = [];
  const sentenceOf: number[] = [];
  let sentence = 0;
  for (const [, word] of fold(text).matchAll(WORD_OR_SENTENCE_END_RE)) {
    if (word === undefined) {
      sentence++;
      continue;
    }
    pushWord(tokens, word);
    while (sentenceOf.length < tokens.length) sentenceOf.push(sentence);
  }
  return { tokens, sentenceOf };
}

/** Raw lower-case tokens, diacritics kept (for language detection). */
export function rawTokens(text: string): string[] {
  return lower(text).match(TOKEN_RE) ?? [];
}

/**
 * Whether the first `aLen` characters of `a` are within one edit of `b` (substitution, insertion,
 * deletion or adjacent transposition: editDistance(a.slice(0, aLen), b, 1) <= 1), without
 * allocating: the lexicon's typo matching asks this for every token of a bucket.
 */
export function withinOneEdit(a: string, aLen: number, b: string): boolean {
  const bLen = b.length;
  if (aLen > a.length || Math.abs(aLen - bLen) > 1) return false;
  let i = 0;
  while (i < aLen && i < bLen && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === aLen || i === bLen) return true; // equal, or one extra character at the end
  const same = (ai: number, bi: number): boolean => {
    if (aLen - ai !== bLen - bi) return false;
    for (; ai < aLen; ai++, bi++) if (a.charCodeAt(ai) !== b.charCodeAt(bi)) return false;
    return true;
  };
  if (aLen === bLen) return same(i + 1, i + 1) || (a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && same(i + 2, i + 2));
  return aLen > bLen ? same(i + 1, i) : same(i, i + 1);
}

/**
 * Optimal-string-alignment distance (Levenshtein + adjacent transposition), with an early exit
 * when the distance exceeds `max`.
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2: number[] = new Array(m + 1).fill(0);
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur: number[] = new Array(m + 1).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}
