import { fold, tokenize } from './normalise';
import { VERDICT } from './verdict';

/**
 * How a message is cut into candidate parts for rule 2.3 (split.ts decides which cuts stand):
 * sentences, paragraphs, list items, and the words that mark a boundary ("another problem",
 * "also", "by the way", ordinals, "I have two questions") in en/lv/ru/et/lt.
 */

/**
 * strong: "another problem"; list: an item or ordinal; weak: "also", "P.S."; aside: "by the way" (a
 * change of topic: even a detection and a download question are two); paragraph: a new paragraph
 * without a marker.
 */
export type Strength = 'strong' | 'list' | 'weak' | 'aside' | 'paragraph';
export const unmarked = (b: Strength): boolean => b === 'weak' || b === 'aside' || b === 'paragraph';
export const added = (b: Strength): boolean => b === 'weak' || b === 'aside';

export interface Segment {
  text: string;
  /** how the boundary *before* this segment was found */
  boundary: Strength;
  /** the marker starts a line or paragraph ("…crashes.\n\nAlso, why does…?"): the customer set what follows apart */
  opensLine?: true;
}

/** A count going on: "thirdly", and "secondly" in the languages but English (whose "second," STRONG_MARKERS reads with its noun). */
const COUNT_GOES_ON = ['thirdly', 'otrkārt', 'treškārt', 'во-вторых', 'в-третьих', 'teiseks', 'kolmandaks', 'antra(?!\\s+vertus)', 'trečia'];
/** The first of a count: an ordinal like the others, and what tells whether the customer counts problems or reasons (opensCount). */
const FIRST_OF_COUNT = ['first(?:ly)?', 'pirmkārt', 'pirmais', 'pirmā', 'во-первых', 'первое', 'первый', 'первая', 'esiteks', 'pirma'];

/** Sentence-initial cues that announce another, separate problem. */
const STRONG_MARKERS = [
  'another (?:problem|issue|question|thing|bug)',
  'other (?:problem|issue|question|bug)',
  'second(?:ly)?,? (?:problem|issue|question|thing)?',
  'the second (?:problem|issue|question|thing|bug)',
  'my second (?:problem|issue|question|bug)',
  'separate(?:ly)?,? (?:problem|issue|question)',
  'a separate (?:problem|issue|question)',
  'unrelated,? but',
  'on a different (?:topic|note)',
  'different (?:problem|issue|question)',
  'problem 2',
  'issue 2',
  'question 2',
  'otra(?:is)? (?:problēma|jautājums)',
  'otrā problēma',
  'otrs jautājums',
  'vēl viena problēma',
  'vēl viens jautājums',
  'vēl jautājums',
  'one more (?:question|problem|issue|bug)',
  'ещ[её] вопрос',
  'cita problēma',
  'cits jautājums',
  'atsevišķ[sa] (?:problēma|jautājums)',
  'вторая проблема',
  'второй вопрос',
  'другая проблема',
  'другой баг',
  'второй баг',
  'ещ[её] один баг',
  'другой вопрос',
  'ещ[её] одна проблема',
  'ещ[её] один вопрос',
  'отдельный вопрос',
  'отдельная проблема',
  // "И не по теме, но может подскажете: …": off the topic of the problem before
  'не (?:совсем )?по теме',
  // "И отдельно: …", "Ja ettepanek ka: …" (separately; a suggestion too)
  'отдельно',
  'ettepanek(?: ka)?:',
  'и ещ[её] (?:одна проблема|один вопрос|вопрос|проблема)',
  'on a side note',
  'on another note',
  'on an unrelated note',
  '(?:a|one|another) suggestion:',
  'as a side note',
  'side note',
  'unrelated(?: to (?:this|that))?,',
  'separately,',
  'teine (?:probleem|küsimus)',
  'veel üks (?:probleem|küsimus)',
  'veel küsimus',
  'teine asi',
  'teine mure',
  // "Lisaks, sellega mitte seotud: …" (besides, unrelated to this)
  '(?:lisaks,? )?(?:sellega (?:mitte |pole )?seotud|pole sellega seotud)',
  'kita problema',
  'kitas klausimas',
  'dar viena problema',
  'dar (?:vienas )?klausimas',
  '(?:ir )?(?:dar )?atskiras klausimas',
  'atskira problema',
  'eraldi küsimus',
  'eraldi probleem',
  // Another question announced in a sentence of its own ("I have one more question:", "My other question is …", "A follow-up
  // question I have is, …"), not only by its first words; "… about this:" still goes with the problem before (sameStory)
  "(?:i|we) (?:also )?(?:have|'ve got|have got|got) (?:another|one more|one other|a second|a separate|an unrelated|a different|a follow[- ]?up) (?:question|problem|issue|request)(?: (?:i|we) (?:have|had))?(?: is)?",
  '(?:my|our) (?:other|second|next|follow[- ]?up) (?:question|problem|issue|request)(?: is)?',
  '(?:a|one) follow[- ]?up question(?: (?:i|we) (?:have|had))?(?: is)?',
  'у (?:меня|нас) (?:есть )?(?:ещ[её] (?:один |одна )?|другой |другая |второй |вторая )(?:вопрос|проблема)',
  'мой (?:второй|другой|следующий) вопрос',
  '(?:man|mums) (?:ir )?(?:vēl (?:viens |viena )?|cits |cita |otrs |otra )(?:jautājums|problēma)',
  'mans (?:otrs|cits|nākamais) jautājums',
  '(?:mul|meil) on (?:veel (?:üks )?|teine )(?:küsimus|probleem)',
  'minu (?:teine|järgmine) küsimus',
  '(?:turiu|turime) (?:dar (?:vieną |viena )?|kitą |kita )(?:klausimą|klausima|problemą|problema)',
  'mano (?:kitas|antras) klausimas',
  // "secondly" in every language, as English's "second," above: the customer is counting problems
  ...COUNT_GOES_ON,
];
/** Ordinals: like list items (split when announced or when the clauses differ). */
const ORDINAL_MARKERS = [...FIRST_OF_COUNT, 'the first(?: one)? is', 'the second(?: one)? is', 'second(?:ly)?', 'third', 'otrais', 'otrā', 'trešais', 'второй', 'третий', 'второе', 'вторая'];
/** Sentence-initial cues of a change of topic: split when the two sides are about different clauses. */
const ASIDE_MARKERS = ['by the way', 'btw', 'starp citu', 'кстати', 'между прочим', 'muide', 'beje', 'tarp kitko'];
/** Weaker sentence-initial cues: split only if both sides are about different clauses. */
const WEAK_MARKERS = [
  'also',
  'additionally',
  'in addition',
  'besides',
  'apart from that',
  'furthermore',
  'moreover',
  'on top of that',
  "what(?:'s| is) more",
  'plus',
  'p\\.?s\\.?',
  'and another thing',
  'one more thing',
  'oh and',
  'and also',
  'and (?:i|we) also',
  '(?:i|we) also',
  "(?:i|we)(?:'d| would) also like",
  'another thing',
  'kā arī',
  'turklāt',
  'bez tam',
  'vēl',
  'un vēl',
  'tāpat',
  'papildus',
  'ak jā',
  'un arī',
  'также',
  // the common misspelling of "также" ("Так же с недавних пор…"), not "так же, как" ("just as")
  'так же(?!,?\\s+как)',
  'кроме того',
  'кроме этого',
  'а ещ[её]',
  'и ещ[её]',
  'ещ[её]',
  'заодно',
  'помимо этого',
  'плюс',
  'и также',
  'и вот ещ[её]',
  'а также',
  'lisaks',
  '(?:ja )?veel üks asi',
  // "Ja veel: …", "Ühtlasi küsin …": and also, at the same time
  'ja veel',
  'ühtlasi',
  'ir taip pat',
  'samuti',
  'taip pat',
  'be to',
];

// (no \b: it is ASCII-only in JS and fails after Cyrillic letters)
/** "And another question", "И отдельный вопрос", "Un atsevišķs jautājums", "Ja eraldi küsimus", "Also, unrelated, …": an "and" or "also" before the marker. */
const AND_OR_ALSO = '(?:(?:and )?also,?|and|и|а|un|ja|ir)\\s+';
const STRONG_RE = new RegExp(`^(?:${AND_OR_ALSO})?(?:${STRONG_MARKERS.join('|')})(?=[\\s,:;.!?)-]|$)`, 'iu');
const ORDINAL_RE = new RegExp(`^(?:${ORDINAL_MARKERS.join('|')})(?=[\\s,:;.!?)-]|$)`, 'iu');
/**
 * Whether the customer counts problems or the reasons of one is told by the first item (countsReasons in split.ts): the first of a
 * count, and the count going on ("Secondly," … without "problem" / "question" after it).
 */
const FIRST_OF_COUNT_RE = new RegExp(`^(?:${FIRST_OF_COUNT.join('|')})(?=[\\s,:;.!?)-]|$)`, 'iu');
const COUNT_GOES_ON_RE = new RegExp(
  `^(?:${AND_OR_ALSO})?(?:secondly|second,|third,|${COUNT_GOES_ON.join('|')})(?![\\s,:]+(?:problem|issue|question|проблем|вопрос|problēm|jautājum|probleem|küsimus|klausim))`,
  'iu',
);
export const opensCount = (text: string): boolean => FIRST_OF_COUNT_RE.test(text.trimStart());
export const countGoesOn = (text: string): boolean => COUNT_GOES_ON_RE.test(text.trimStart());
const ASIDE_RE = new RegExp(`^(?:${ASIDE_MARKERS.join('|')})(?=[\\s,:;.!-]|$)`, 'iu');
const WEAK_RE = new RegExp(`^(?:${WEAK_MARKERS.join('|')})(?=[\\s,:;.!-]|$)`, 'iu');
/**
 * A part's text without the words that marked its boundary ("Another problem:", "Unrelated, but"):
 * they say that a problem follows, not which one, and "problem" alone reads as a malfunction (4.1.1).
 */
export function withoutMarker(text: string): string {
  const marker = STRONG_RE.exec(text);
  const rest = marker ? text.slice(marker[0].length).replace(/^[\s,:;.!?)-]+/u, '') : '';
  return rest ? rest : text;
}
/** Intro announcing several problems: "I have two problems", "divas problēmas", "несколько вопросов". */
export const MULTI_INTRO_RE =
  /\b(?:two|three|four|five|2|3|4|5|several|multiple|few|couple of|some)\s+(?:[a-z]+\s+)?(?:problems|issues|questions|things|bugs|improvements|suggestions|requests|features|ideas|enhancements|wishes|remarks)|(?:divas|trīs|vairākas|pāris|dažas)\s+(?:atsevišķas\s+|dažādas\s+)?(?:problēmas|lietas)|(?:divi|trīs|vairāki|pāris|daži)\s+(?:jautājumi|jautājumus)|(?:две|три|несколько|пару|пара)\s+(?:разн(?:ых|ые)\s+|отдельн(?:ых|ые)\s+|небольш(?:их|ие)\s+)?(?:проблем[ыа]?|вопрос(?:а|ов)?|предложени(?:я|й)|замечани(?:я|й)|ошиб(?:ки|ок))|(?:два|три)\s+вопроса|(?:kaks|kolm|mitu|paar)\s+(?:eraldi\s+|erinevat\s+)?(?:küsimust|probleemi|asja)|(?:du|trys|keli)\s+(?:atskiri\s+)?klausimai|(?:dvi|trys|kelios)\s+problemos/iu;

export const LIST_ITEM_RE = /^\s*(?:\(?\d{1,2}(?:[.)]|\s?[-–])|[-*•–·]|[a-d]\))(?:\s+|$)(?:\[[ xX]\]\s*)?/u;
/** After an announcement ("except for two issues:"), "> " lines are items too (elsewhere they are quoted mail). */
export const ANNOUNCED_ITEM_RE = /^\s*(?:\(?\d{1,2}(?:[.)]|\s?[-–])|[-*•–·>]|[a-d]\))(?:\s+|$)(?:\[[ xX]\]\s*)?/u;
const INLINE_ENUM_RE = /(?:^|\s)\(?([1-9])[.)]\s+/gu;

export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((x) => x.text);
}

const isStop = (c: string): boolean => c === '.' || c === '!' || c === '?';
const WHITESPACE = /\s/u;

/**
 * The sentences with where each starts in the text. A sentence ends at a run of stops ("." "!" "?") followed by a space, a
 * line break or the end, or at a line break; a run followed by a letter or digit ("12.0.1", "ninite.com") does not end it.
 * One pass: the regular expression it replaces (`(?:[^.!?\n]|[.!?]+(?=[^\s.!?]))+(?:[.!?]+|\n|$)`) tried every way to
 * cut a long run of stops, ~2.4 s for a message of 20,000 dots (its answers are the same: split-segments.spec.ts).
 */
function sentenceSpans(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const runEnd = (from: number): number => {
    let k = from;
    while (k < text.length && isStop(text[k])) k++;
    return k;
  };
  let i = 0;
  while (i < text.length) {
    // The sentence's words: anything but a line break, and runs of stops with a word right after them.
    let j = i;
    while (j < text.length && text[j] !== '\n') {
      if (!isStop(text[j])) j++;
      else {
        const k = runEnd(j);
        if (k < text.length && !WHITESPACE.test(text[k])) j = k;
        else break;
      }
    }
    if (j === i) {
      // No words here (a line break, or stops before a space): what follows may start one.
      i = text[i] === '\n' ? i + 1 : runEnd(i);
      continue;
    }
    // Its end: the run of stops, or the line break.
    const end = j < text.length && isStop(text[j]) ? runEnd(j) : j < text.length ? j + 1 : j;
    const sentence = text.slice(i, end);
    if (sentence.trim()) out.push({ text: sentence, start: i });
    i = end;
  }
  return out;
}

type MarkerKind = 'number' | 'letter' | 'bullet';
function markerKind(line: string): MarkerKind {
  const mark = line.trimStart();
  return /^\(?\d/.test(mark) ? 'number' : /^[a-d]\)/.test(mark) ? 'letter' : 'bullet';
}
const indentOf = (line: string) => line.length - line.trimStart().length;

/**
 * Segments by list items (lines starting with "1.", "2)", "-", "•" ...). The first item's kind of marker makes the list; a
 * marked line indented under an item (a sub-list), or lettered ("a)", "b)") under a numbered one, is a detail of that item
 * ("3. … should I\n a) rewrite the logic or\n b) change the library"), not an item of its own.
 */
export function listSegments(text: string, itemRe: RegExp = LIST_ITEM_RE): { intro: string; items: string[] } | null {
  const lines = text.split(/\r?\n/);
  const items: string[] = [];
  const introLines: string[] = [];
  let current: string[] | null = null;
  let list: { kind: MarkerKind; indent: number } | null = null;
  for (const line of lines) {
    const marked = itemRe.test(line);
    const kind = marked ? markerKind(line) : null;
    // deeper by two or more (a sub-list), deeper and marked otherwise, or "a)" under "1."
    const depth = list ? indentOf(line) - list.indent : 0;
    const detail = marked && list !== null && (depth >= 2 || (kind !== list.kind && (depth > 0 || (kind === 'letter' && list.kind === 'number'))));
    if (marked && !detail) {
      if (current) items.push(current.join('\n'));
      list ??= { kind: kind as MarkerKind, indent: indentOf(line) };
      current = [line.replace(itemRe, '')];
    } else if (current) {
      current.push(line);
    } else introLines.push(line);
  }
  if (current) items.push(current.join('\n'));
  if (items.length < 2) return null;
  return { intro: introLines.join('\n').trim(), items: items.map((s) => s.trim()).filter(Boolean) };
}

/** Every item asks its own question ("1. What is X for? 2. Why does Y …?"): several questions, not steps to reproduce. */
export function questionList(items: string[]): boolean {
  return items.length >= 2 && items.every((item) => item.includes('?') && tokenize(item).length >= ANNOUNCED_ITEM_MIN_WORDS);
}

/**
 * Every item states a fault, a wish or a question of its own ("… does not work", "there is no …
 * option", "add …", "it would be nice …", "is there …?") and the list is not steps ("Open …", "Click …") nor introduced as them:
 * several problems, though the customer did not count them. The English cues below; Russian, Latvian, Estonian and Lithuanian
 * ones in OTHER_FAULT_OR_WISH (written folded, as `fold` writes the item: no diacritics, ё as е), so a list in those
 * languages is read by the same rule ("1. Kas on … kanal? 2. … ei tööta" was one request).
 */
const FAULT_OR_WISH_RE =
  /\?|(?<=\w)n['’]t\b|\b(?:not|cannot|can['’]?t|fails?|failed|failing|no longer|never|stops?|stopped|there is no|broken|crash\w*|freez\w*|hangs?|stuck|wrong|missing|disappear\w*|bug|error|add|allow|change|option|be able to|would be (?:nice|great|good)|should|please|support for|feature|confus\w*|hard to|difficult|annoying|leak\w*|unable|impossible|ignor\w*|lost)\b/i;
const STEP_RE =
  /^(?:open|click|go|goto|navigate|install|run|start|launch|select|press|type|enter|download|upload|execute|create|place|try|visit|scroll|observe|see|wait|log|restart|reboot|copy|set|check|uncheck|close|repeat|make)\b/i;
const OTHER_FAULT_OR_WISH = [
  'не работа|не запуска|не открыва|не загружа|не могу|не может|не удает|не получает|нельзя|нет возможност|ошибк|вылета|завис|пропал|пропада|слома|переста|добавьте|добавить|хотелось бы|было бы|неудобн|пожалуйста|проблем', // ru
  'nestrada|neiet|nevar|kluda|kludu|kludas|avare|uzkaras|pazud|parstaj|ludzu|pievienojiet|butu labi|nav iespej|problem', // lv
  'ei toota|ei kaivitu|ei saa|viga|vea|jookseb kokku|hangub|kadus|lakka|palun|lisage|oleks hea|pole voimalik|probleem', // et
  'neveikia|nepasileidzia|negaliu|negali|klaid|uzstringa|dingo|nustoj|prasau|pridekite|butu gerai|nera galimyb|problem', // lt
].flatMap((words) => words.split('|'));
const OTHER_FAULT_OR_WISH_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${OTHER_FAULT_OR_WISH.join('|')})`, 'u');
/** Instructions that open a step in those languages ("Открываю …", "Nospiediet …", "Vajuta …", "Paspaudžiau …"), folded. */
const OTHER_STEP_RE =
  /^(?:откр\p{L}*|нажм\p{L}*|нажа\p{L}*|нажим\p{L}*|запуст\p{L}*|запуска\p{L}*|выбер\p{L}*|выбра\p{L}*|перейд\p{L}*|перейти|зайд\p{L}*|зайти|установ\p{L}*|atver\p{L}*|atveru|nospied\p{L}*|spied\p{L}*|palaid\p{L}*|izvel\p{L}*|dodieties|instale\p{L}*|ava|avage|avasin|vajuta\p{L}*|kaivita\p{L}*|vali|valige|minge|installi\p{L}*|atidar\p{L}*|spausk\p{L}*|paspaud\p{L}*|paleisk\p{L}*|pasirink\p{L}*|eikite|idiek\p{L}*)(?![\p{L}\p{N}])/u;
const STEPS_INTRO_RE = /\b(?:steps|reproduce|repro|how to|to trigger)\b|шаги|воспроизв|soļi|sammud|žingsniai/i;
const FAULT_ITEM_MIN_WORDS = 5;
/**
 * An attempt's outcome after an arrow or a dash: "turned off real-time protection -> same", "отключал — то же самое" (the outcomes
 * said in words, "didn't help", "no change", "не помогло", are triedAlready's).
 */
const SAME_OUTCOME_RE = /\S\s*(?:->|→|=>|—|–|-|:)\s*(?:(?:still )?(?:the )?same|nothing|то же самое|тоже самое)/iu;
/**
 * Most items say what the customer already tried ("- added the game folder to exclusions -> same", "- uninstalled the AV and
 * rebooted -> same 30005"): the attempts at one problem, however different the clauses their words read as.
 */
export function triedList(items: string[]): boolean {
  return items.filter((item) => SAME_OUTCOME_RE.test(item) || triedAlready(item)).length * 2 > items.length;
}
/** The list is not introduced as steps ("Steps to reproduce:") and fewer than half its items are instructions. */
export function notSteps(intro: string, items: string[]): boolean {
  if (items.length < 2 || STEPS_INTRO_RE.test(intro)) return false;
  return items.filter((item) => STEP_RE.test(item.trim()) || OTHER_STEP_RE.test(fold(item.trim()))).length * 2 < items.length;
}
/** The text has a fault's, a wish's or a question's cue, in any of the five languages. */
const saysFaultOrWish = (text: string): boolean => FAULT_OR_WISH_RE.test(text) || OTHER_FAULT_OR_WISH_RE.test(fold(text));
const DELETED_RE = /delet|remov|удал|dzēs|kustut|ištryn|pašalin/iu;
/** The text states a fault, a wish, a question or a detection ("We have memory dumps of two infected workstations." states none: context). */
export function statesProblem(text: string): boolean {
  return saysFaultOrWish(text) || VERDICT.test(text) || DELETED_RE.test(text);
}
export function faultList(intro: string, items: string[]): boolean {
  return notSteps(intro, items) && items.every((item) => tokenize(item).length >= FAULT_ITEM_MIN_WORDS && saysFaultOrWish(item));
}

/** Inline "1) … 2) …" on one line. */
export function inlineEnumSegments(text: string): { intro: string; items: string[] } | null {
  const marks: Array<{ n: number; index: number; len: number }> = [];
  let m: RegExpExecArray | null;
  INLINE_ENUM_RE.lastIndex = 0;
  while ((m = INLINE_ENUM_RE.exec(text)) !== null) marks.push({ n: Number(m[1]), index: m.index, len: m[0].length });
  const seq = marks.filter((x, i) => x.n === (marks[0]?.n ?? 0) + i);
  if (seq.length < 2 || seq[0].n !== 1) return null;
  const items: string[] = [];
  for (let i = 0; i < seq.length; i++) {
    const start = seq[i].index + seq[i].len;
    const end = i + 1 < seq.length ? seq[i + 1].index : text.length;
    items.push(text.slice(start, end).trim());
  }
  return { intro: text.slice(0, seq[0].index).trim(), items: items.filter(Boolean) };
}

/** "Two questions:" in the subject or the opening sentences (not "after trying multiple things" further on). */
export function announcedUpFront(subject: string, text: string): boolean {
  const opening = `${subject}\n${splitSentences(text).slice(0, 2).join(' ')}`;
  // "some problems", "a few issues" describe one problem's symptoms as often as several problems
  return [...opening.matchAll(new RegExp(MULTI_INTRO_RE.source, 'giu'))].some((m) => !/^(?:some|few)\b/i.test(m[0]));
}

/** A problem joined on mid-sentence ("…, and also my key is rejected"): the tail starts a clause of its own. */
const CONJUNCTION_RE = /[,;]\s+(?=(?:and (?:i |we )?also|а также|un arī|ja ka|ir taip pat)\s)/giu;
/** In a message announced as several problems, a plain "…, and …" may join two of them. */
const ANNOUNCED_CONJUNCTION_RE = /,\s+(?=(?:and|и|а|un|ja|ir)\s)/giu;

/** Sentences, cut again where a conjunction starts another clause (each piece is tested like a sentence). */
function clauses(sentence: string, announced: boolean): string[] {
  const pieces = sentence.split(CONJUNCTION_RE);
  return announced ? pieces.flatMap((p) => p.split(ANNOUNCED_CONJUNCTION_RE)) : pieces;
}

/** The sentences of a paragraph, each with whether it starts a line (nothing but spaces between it and a line break). */
function sentencesByLine(para: string): Array<{ text: string; opensLine: boolean }> {
  return sentenceSpans(para).map(({ text, start }) => {
    let k = start - 1;
    while (k >= 0 && (para[k] === ' ' || para[k] === '\t')) k--;
    return { text, opensLine: k < 0 || para[k] === '\n' };
  });
}

/** A paragraph whose first sentence says "also" after its subject ("The full scan also crashes at 60 %", "Сканирование также вылетает"). */
const MID_ALSO_RE = /^(?:[^\s,.!?]+\s+){1,3}(?:also|также|тоже)\s/u;

/** The marker a sentence opens with (`folded`: the same, folded), if any; `laterParagraph`: it opens a paragraph after the first. */
function markerOf(sentence: string, folded: string, laterParagraph: boolean): Strength | null {
  const opens = (re: RegExp): boolean => re.test(sentence) || re.test(folded);
  if (opens(STRONG_RE)) return 'strong';
  if (ORDINAL_RE.test(sentence)) return 'list';
  if (opens(ASIDE_RE)) return 'aside';
  if (opens(WEAK_RE) || (laterParagraph && MID_ALSO_RE.test(folded))) return 'weak';
  return null;
}

/**
 * Paragraph and marker segmentation for free text. In a message announced as several problems
 * every sentence may start one (a 'weak' boundary: kept only when the clauses differ).
 */
export function proseSegments(text: string, announced: boolean): Segment[] {
  const segments: Segment[] = [];
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  paragraphs.forEach((para, index) => {
    let current: Segment | null = null;
    const pieces = sentencesByLine(para).flatMap(({ text: sentence, opensLine }) => clauses(sentence, announced).map((text, j) => ({ text, opensLine: opensLine && j === 0 })));
    for (const piece of pieces) {
      const s = piece.text.trim();
      if (!s) continue;
      const marked = markerOf(s, fold(s), !current && index > 0);
      const kind = marked ?? (announced ? 'weak' : null);
      const start = (boundary: Strength): Segment => (marked && piece.opensLine ? { text: s, boundary, opensLine: true } : { text: s, boundary });
      if (current && kind) {
        segments.push(current);
        current = start(kind);
      } else if (!current) {
        current = start(marked ?? 'paragraph');
      } else current.text += ` ${s}`;
    }
    if (current) segments.push(current);
  });
  return segments;
}

/** Words an item of an announced list needs to be a problem of its own (not a heading or "thanks"). */
export const ANNOUNCED_ITEM_MIN_WORDS = 4;

/**
 * What the customer already tried or checked ("Also I restarted my router, it did not help", "Также перезагружал роутер, не помогло"):
 * after "also" that is more of the same story, not a problem of its own. Read as another clause (a router is the customer's
 * device, 4.2.2), it was cut off as a request of its own, to be declined.
 */
const TRIED = [
  'tried|restarted|rebooted|reinstalled|re installed|uninstalled|checked|made sure|did not help|didn t help|does not help|doesn t help|no luck|no change|same error|still the same',
  'пробовал|пробовала|попробовал|попробовала|перезагружал|перезагрузил|перезагружала|перезагрузила|переустанавливал|переустановил|переустанавливала|переустановила|проверял|проверяла|проверяли|проверил|проверила|проверили|не помогло|не помогает|без изменений',
  'mēģināju|izmēģināju|restartēju|pārstartēju|pārinstalēju|pārbaudīju|nepalīdzēja|nepalīdz',
  'proovisin|taaskäivitasin|installisin uuesti|kontrollisin|ei aidanud|ei aita',
  'bandžiau|perkroviau|perinstaliavau|patikrinau|nepadėjo|nepadeda',
].flatMap((words) => words.split('|').map(fold));
const TRIED_RE = new RegExp(`(?:^| )(?:${TRIED.join('|')})(?= |$)`, 'u');
export function triedAlready(text: string): boolean {
  return TRIED_RE.test(tokenize(text).join(' '));
}

/**
 * A sentence that opens by pointing back ("what does *this* trojan do", "I bought *it*", "просим
 * провести для *него*") continues the one before: context, then the request.
 */
const BACK_REFERENCE = new Set(
  [
    'it its this that these those they them he him she her there',
    'это этот эта эти этого этой этим этому его её ее их он она они оно него неё нее ним ней там',
    'tas tā to tie tās šis šī šo šie šīs viņš viņa viņu viņi viņam tur',
    'see seda selle need neid ta tema teda nad seal',
    'tai tas ta tą šis ši šį jis ji jį jie jos ten',
  ].flatMap((words) => words.split(' ').map(fold)),
);
const BACK_REFERENCE_WINDOW = 4;
/** "It would be nice to have …", "There is no way to …": the pronoun of an English impersonal phrase points at nothing before it. */
const IMPERSONAL_OPENING =
  /^(?:it (?:would|will|could|might|d|is|s) (?:also )?be (?:nice|great|good|useful|helpful|handy|cool|awesome|better|possible|convenient) |there (?:is|are|s) no |there should be )/;
/** "But why did your antivirus never see it?": a sentence opened by "but" answers the one before it. */
const CONTRAST = new Set(['but', 'however', 'но', 'однако', 'bet', 'tomēr', 'taču', 'aga', 'kuid', 'tačiau'].map(fold));
export function refersBack(text: string): boolean {
  const words = tokenize(text);
  if (CONTRAST.has(words[0])) return true;
  const first = IMPERSONAL_OPENING.test(`${words.slice(0, 6).join(' ')} `) ? 2 : 0;
  return words.slice(first, BACK_REFERENCE_WINDOW).some((w) => BACK_REFERENCE.has(w));
}
