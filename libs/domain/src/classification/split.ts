import { Language, SplitPart } from './types';
import { classify, classifyByLexicon } from './classify';
import { defaultLexicon, Lexicon } from './lexicon';
import { detectLanguage } from './language';
import { fold, tokenize } from './normalise';

/**
 * Rule 2.3 "one problem – one request": splits a submission that describes several independent
 * problems into one part per problem. Never splits a single problem told over several
 * sentences or paragraphs: a boundary is kept only when it is an explicit enumeration of problems
 * or when the parts on both sides classify to different clauses.
 */

/**
 * strong: "another problem"; list: an item or ordinal; weak: "also", "P.S."; aside: "by the way" (a
 * change of topic: even a detection and a download question are two); paragraph: a new paragraph
 * without a marker.
 */
type Strength = 'strong' | 'list' | 'weak' | 'aside' | 'paragraph';
const unmarked = (b: Strength): boolean => b === 'weak' || b === 'aside' || b === 'paragraph';
const added = (b: Strength): boolean => b === 'weak' || b === 'aside';

interface Segment {
  text: string;
  /** how the boundary *before* this segment was found */
  boundary: Strength;
}

/** Sentence-initial cues that announce another, separate problem. */
const STRONG_MARKERS = [
  'another (?:problem|issue|question|thing)',
  'other (?:problem|issue|question)',
  'second(?:ly)?,? (?:problem|issue|question)?',
  'the second (?:problem|issue|question|thing)',
  'my second (?:problem|issue|question)',
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
  'cita problēma',
  'cits jautājums',
  'atsevišķ[sa] (?:problēma|jautājums)',
  'вторая проблема',
  'второй вопрос',
  'другая проблема',
  'другой вопрос',
  'ещ[её] одна проблема',
  'ещ[её] один вопрос',
  'отдельный вопрос',
  'отдельная проблема',
  'и ещ[её] (?:одна проблема|один вопрос|вопрос|проблема)',
  'on a side note',
  'as a side note',
  'side note',
  'unrelated(?: to (?:this|that))?,',
  'separately,',
  'teine (?:probleem|küsimus)',
  'veel üks (?:probleem|küsimus)',
  'teine asi',
  'kita problema',
  'kitas klausimas',
  'dar viena problema',
  'dar vienas klausimas',
  '(?:ir )?(?:dar )?atskiras klausimas',
  'atskira problema',
  'eraldi küsimus',
  'eraldi probleem',
];
/** Ordinals: like list items (split when announced or when the clauses differ). */
const ORDINAL_MARKERS = [
  'first(?:ly)?',
  'second(?:ly)?',
  'third(?:ly)?',
  'pirmkārt',
  'otrkārt',
  'treškārt',
  'pirmais',
  'otrais',
  'pirmā',
  'otrā',
  'trešais',
  'во-первых',
  'во-вторых',
  'в-третьих',
  'первый',
  'второй',
  'третий',
  'первое',
  'второе',
  'первая',
  'вторая',
  'esiteks',
  'teiseks',
  'kolmandaks',
  'pirma',
  'antra',
  'trečia',
];
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
  'one more (?:thing|question)',
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
  'кроме того',
  'а ещ[её]',
  'и ещ[её]',
  'ещ[её]',
  'заодно',
  'помимо этого',
  'плюс',
  'и также',
  'и вот ещ[её]',
  'а также',
  'ещ[её] вопрос',
  'lisaks',
  'ir taip pat',
  'samuti',
  'taip pat',
  'be to',
];

// (no \b: it is ASCII-only in JS and fails after Cyrillic letters)
const STRONG_RE = new RegExp(`^(?:${STRONG_MARKERS.join('|')})(?=[\\s,:;.!?)-]|$)`, 'iu');
const ORDINAL_RE = new RegExp(`^(?:${ORDINAL_MARKERS.join('|')})(?=[\\s,:;.!?)-]|$)`, 'iu');
const ASIDE_RE = new RegExp(`^(?:${ASIDE_MARKERS.join('|')})(?=[\\s,:;.!-]|$)`, 'iu');
const WEAK_RE = new RegExp(`^(?:${WEAK_MARKERS.join('|')})(?=[\\s,:;.!-]|$)`, 'iu');
/** Intro announcing several problems: "I have two problems", "divas problēmas", "несколько вопросов". */
const MULTI_INTRO_RE =
  /\b(?:two|three|four|five|2|3|4|5|several|multiple|few|couple of|some)\s+(?:[a-z]+\s+)?(?:problems|issues|questions|things|bugs|improvements|suggestions|requests|features|ideas|enhancements|wishes|remarks)|(?:divas|trīs|vairākas|pāris|dažas)\s+(?:atsevišķas\s+|dažādas\s+)?(?:problēmas|lietas)|(?:divi|trīs|vairāki|pāris|daži)\s+(?:jautājumi|jautājumus)|(?:две|три|несколько|пару|пара)\s+(?:разных\s+|отдельных\s+)?(?:проблем[ыа]?|вопрос(?:а|ов)?|предложени(?:я|й)|замечани(?:я|й)|ошиб(?:ки|ок))|(?:два|три)\s+вопроса|(?:kaks|kolm|mitu|paar)\s+(?:küsimust|probleemi)|(?:du|trys|keli)\s+klausimai|(?:dvi|trys|kelios)\s+problemos/iu;

const LIST_ITEM_RE = /^\s*(?:\(?\d{1,2}(?:[.)]|\s?[-–])|[-*•–·]|[a-d]\))\s+/u;
/** After an announcement ("except for two issues:"), "> " lines are items too (elsewhere they are quoted mail). */
const ANNOUNCED_ITEM_RE = /^\s*(?:\(?\d{1,2}(?:[.)]|\s?[-–])|[-*•–·>]|[a-d]\))\s+/u;
const INLINE_ENUM_RE = /(?:^|\s)\(?([1-9])[.)]\s+/gu;

function splitSentences(text: string): string[] {
  const out: string[] = [];
  // a stop followed by a letter or digit ("12.0.1", "ninite.com") does not end a sentence
  const re = /(?:[^.!?\n]|[.!?]+(?=[^\s.!?]))+(?:[.!?]+|\n|$)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].trim()) out.push(m[0]);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/** Segments by list items (lines starting with "1.", "2)", "-", "•" ...). */
function listSegments(text: string, itemRe: RegExp = LIST_ITEM_RE): { intro: string; items: string[] } | null {
  const lines = text.split(/\r?\n/);
  const items: string[] = [];
  const introLines: string[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (itemRe.test(line)) {
      if (current) items.push(current.join('\n'));
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
function questionList(items: string[]): boolean {
  return items.length >= 2 && items.every((item) => item.includes('?') && tokenize(item).length >= ANNOUNCED_ITEM_MIN_WORDS);
}

/**
 * Every item states a fault, a wish or a question of its own ("… does not work", "there is no …
 * option", "add …", "it would be nice …", "is there …?") and the list is not steps ("Open …", "Click …") nor introduced as them:
 * several problems, though the customer did not count them. English cues only (the real lists seen
 * are English).
 */
const FAULT_OR_WISH_RE =
  /\?|\w+n['’]t\b|\b(?:not|cannot|can['’]?t|fails?|failed|failing|no longer|never|stops?|stopped|there is no|broken|crash\w*|freez\w*|hangs?|stuck|wrong|missing|disappear\w*|bug|error|add|allow|change|option|be able to|would be (?:nice|great|good)|should|please|support for|feature)\b/i;
const STEP_RE =
  /^(?:open|click|go|goto|navigate|install|run|start|launch|select|press|type|enter|download|upload|execute|create|place|try|visit|scroll|observe|see|wait|log|restart|reboot|copy|set|check|uncheck|close|repeat|make)\b/i;
const STEPS_INTRO_RE = /\b(?:steps|reproduce|repro|how to|to trigger)\b/i;
const FAULT_ITEM_MIN_WORDS = 5;
function faultList(intro: string, items: string[]): boolean {
  if (items.length < 2 || STEPS_INTRO_RE.test(intro)) return false;
  const steps = items.filter((item) => STEP_RE.test(item.trim())).length;
  return steps * 2 < items.length && items.every((item) => tokenize(item).length >= FAULT_ITEM_MIN_WORDS && FAULT_OR_WISH_RE.test(item));
}

/** Inline "1) … 2) …" on one line. */
function inlineEnumSegments(text: string): { intro: string; items: string[] } | null {
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
function announcedUpFront(subject: string, text: string): boolean {
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

/**
 * Paragraph and marker segmentation for free text. In a message announced as several problems
 * every sentence may start one (a 'weak' boundary: kept only when the clauses differ).
 */
function proseSegments(text: string, announced: boolean): Segment[] {
  const segments: Segment[] = [];
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  paragraphs.forEach((para) => {
    let current: Segment | null = null;
    for (const sentence of splitSentences(para).flatMap((x) => clauses(x, announced))) {
      const s = sentence.trim();
      if (!s) continue;
      const f = fold(s);
      const marked: Strength | null =
        STRONG_RE.test(s) || STRONG_RE.test(f) ? 'strong' : ORDINAL_RE.test(s) ? 'list' : ASIDE_RE.test(s) || ASIDE_RE.test(f) ? 'aside' : WEAK_RE.test(s) || WEAK_RE.test(f) ? 'weak' : null;
      const kind = marked ?? (announced ? 'weak' : null);
      if (current && kind) {
        segments.push(current);
        current = { text: s, boundary: kind };
      } else if (!current) {
        current = { text: s, boundary: marked ?? 'paragraph' };
      } else current.text += ` ${s}`;
    }
    if (current) segments.push(current);
  });
  return segments;
}

interface Scored extends Segment {
  clause: string | null;
  score: number;
  confidence: number;
}

/** A fragment is weighed by its clause scores alone (4.4.x caveats are the whole request's). */
const FRAGMENT = { caveats: false };

/**
 * Minimum raw score for a segment to count as describing a problem of its own; below it the
 * segment is context (greeting, detail, thanks) and is merged into its neighbour.
 */
const MIN_PART_SCORE = 2.5;

/**
 * After an explicit "another problem" / "on a side note", an ordinal ("secondly", "во-вторых") or a
 * list item, the customer's own words may not be in the lexicon ("the install button never
 * responds", "не принимается ключ"): there the learned model decides whether the segment is a
 * problem of its own (a confident clause over enough words), and which. Only segments after such a
 * marker are classified this way, so a plain message costs nothing more.
 */
const LEARNED_MIN_WORDS = 6;
/** Words an item of an announced list needs to be a problem of its own (not a heading or "thanks"). */
const ANNOUNCED_ITEM_MIN_WORDS = 4;
const LEARNED_MIN_CONFIDENCE = 0.5;
/** A list item or ordinal without an announcement splits on the model only when both sides are this sure of different clauses. */
const LEARNED_LIST_CONFIDENCE = 0.8;
interface Learned {
  clause: string;
  confidence: number;
}
function learnedProblem(text: string, language: Language | undefined, lexicon: Lexicon): Learned | null {
  if (tokenize(text).length < LEARNED_MIN_WORDS) return null;
  const r = classify({ subject: '', description: text, language }, lexicon);
  return r.clause !== null && r.confidence >= LEARNED_MIN_CONFIDENCE ? { clause: r.clause, confidence: r.confidence } : null;
}

export function splitProblems(input: { subject: string; description: string }, given?: Language, lexicon: Lexicon = defaultLexicon()): SplitPart[] {
  const text = (input.description ?? '').trim();
  if (!text) return [input];
  // The message's language, once and only when a fragment must be read: every fragment is read in it (alone it is too short to tell).
  let known = given;
  const languageOf = (): Language => (known ??= detectLanguage(`${input.subject ?? ''}\n${text}`));

  let intro = '';
  let segments: Segment[];
  let announced = false;
  const list = listSegments(text) ?? inlineEnumSegments(text) ?? (MULTI_INTRO_RE.test(text) ? listSegments(text, ANNOUNCED_ITEM_RE) : null);
  if (list) {
    intro = list.intro;
    announced = MULTI_INTRO_RE.test(intro) || MULTI_INTRO_RE.test(input.subject ?? '') || questionList(list.items) || faultList(intro, list.items);
    segments = list.items.map((t) => ({ text: t, boundary: announced ? 'strong' : 'list' }));
  } else {
    announced = MULTI_INTRO_RE.test(text) || MULTI_INTRO_RE.test(input.subject ?? '');
    segments = proseSegments(text, announcedUpFront(input.subject ?? '', text));
  }
  if (segments.length < 2) return list ? [input] : numbered(input, intro, unmarkedSentenceSplit(text, languageOf, lexicon) ?? []);
  const language = languageOf();

  const scored: Scored[] = segments.map((seg) => {
    const r = classifyByLexicon({ subject: '', description: seg.text, language }, lexicon, FRAGMENT);
    return { ...seg, clause: r.clause, score: r.ranking[0]?.score ?? 0, confidence: r.confidence };
  });

  // An intro that is itself a problem (has a clear clause) becomes the first segment.
  if (intro) {
    const r = classifyByLexicon({ subject: '', description: intro, language }, lexicon, FRAGMENT);
    if ((r.ranking[0]?.score ?? 0) >= MIN_PART_SCORE && !MULTI_INTRO_RE.test(intro)) {
      scored.unshift({ text: intro, boundary: 'paragraph', clause: r.clause, score: r.ranking[0].score, confidence: r.confidence });
      intro = '';
    }
  }

  // Merge: segments without a problem of their own join the previous part (or the next one if first);
  // a boundary survives when it is strong, or when both sides are problems of different clauses.
  const parts: Scored[] = [];
  let pending = '';
  // Only a marked boundary can set an opening the lexicon does not know apart (an unmarked one needs the lexicon on both sides).
  const marked = scored.some((seg) => seg.boundary !== 'paragraph');
  for (const seg of scored) {
    const lexical = seg.clause !== null && seg.score >= MIN_PART_SCORE;
    const learned = !lexical && seg.boundary !== 'paragraph' && parts.length > 0 ? learnedProblem(seg.text, language, lexicon) : null;
    // An item or ordinal of a message the customer announced as several problems is one, even in words neither the lexicon nor the model knows.
    const announcedItem = announced && !unmarked(seg.boundary) && tokenize(seg.text).length >= ANNOUNCED_ITEM_MIN_WORDS;
    const isProblem = lexical || announcedItem || (learned !== null && (seg.boundary === 'strong' || announced || learned.confidence >= LEARNED_LIST_CONFIDENCE));
    const prev = parts[parts.length - 1];
    if (!prev) {
      const text = pending ? `${pending}\n${seg.text}` : seg.text;
      // An opening the lexicon does not know ("my real-time protection keeps turning itself off") is a problem when the model is sure of it.
      const opening = isProblem || !marked ? null : learnedProblem(text, language, lexicon);
      if (isProblem) parts.push({ ...seg, text });
      else if (opening && opening.confidence >= LEARNED_LIST_CONFIDENCE) parts.push({ ...seg, text, clause: opening.clause, confidence: opening.confidence });
      else pending = text;
      continue;
    }
    const keep =
      isProblem &&
      (seg.boundary === 'strong' ||
        (announced && !unmarked(seg.boundary)) ||
        (seg.clause !== prev.clause &&
          (seg.boundary === 'list' || (unmarked(seg.boundary) && (seg.boundary === 'aside' || !consequence(prev, seg)) && (added(seg.boundary) || modelAgrees(prev, seg, language, lexicon)))) &&
          distinct(prev, seg)) ||
        (learned !== null && seg.boundary === 'list' && differsFrom(prev, learned, language, lexicon)) ||
        (added(seg.boundary) && anotherTopic(prev, learned ?? seg, seg.boundary === 'aside', language, lexicon)));
    if (keep) parts.push({ ...seg, clause: seg.clause ?? learned?.clause ?? null });
    else {
      prev.text = `${prev.text}\n${seg.text}`;
      if (isProblem && seg.score > prev.score && prev.clause === seg.clause) prev.score = seg.score;
    }
  }
  if (pending && parts.length > 0 && !parts[0].text.startsWith(pending)) parts[0].text = `${pending}\n${parts[0].text}`;
  const texts = parts.length < 2 && !list ? (unmarkedSentenceSplit(text, languageOf, lexicon) ?? []) : parts.map((p) => p.text);
  return numbered(input, intro, texts);
}

/** The parts as submissions "Subject (1/2)", each with the intro; the input itself when there are fewer than two. */
function numbered(input: SplitPart, intro: string, texts: string[]): SplitPart[] {
  if (texts.length < 2) return [input];
  return texts.map((text, i) => ({
    subject: `${input.subject ?? ''} (${i + 1}/${texts.length})`.trim(),
    description: intro ? `${intro}\n${text}` : text,
  }));
}

/**
 * A detection and a malfunction or failed download told in separate paragraphs ("the game closes
 * and its EXE is corrupted … Avast's logs show IDP.Generic"; "Defender found a trojan … it will not
 * let me download the zip") are mostly one problem and its cause: without an explicit marker they
 * are not split.
 */
const DETECTION = '4.1.2a';
const CONSEQUENCES = new Set(['4.1.1', '4.1.4a']);
function consequence(a: Scored, b: Scored): boolean {
  return linked(a.clause, b.clause);
}
function linked(a: string | null, b: string | null): boolean {
  return (a === DETECTION && CONSEQUENCES.has(b ?? '')) || (b === DETECTION && CONSEQUENCES.has(a ?? ''));
}

/** The part before a list item is, by the model too, confidently about another clause than the item. */
function differsFrom(prev: Scored, item: Learned, language: Language | undefined, lexicon: Lexicon): boolean {
  const before = learnedProblem(prev.text, language, lexicon);
  return before !== null && before.clause !== item.clause && before.confidence >= LEARNED_LIST_CONFIDENCE;
}

/** After "also" / "by the way", a sentence only the model reads: another problem when it names another clause than the part before (by its lexicon evidence, else by the model), not a consequence of it. */
function anotherTopic(prev: Scored, item: { clause: string | null; confidence: number }, aside: boolean, language: Language | undefined, lexicon: Lexicon): boolean {
  const before = prev.score >= MIN_PART_SCORE ? prev.clause : (learnedProblem(prev.text, language, lexicon)?.clause ?? null);
  return before !== null && item.clause !== null && item.confidence >= LEARNED_MIN_CONFIDENCE && before !== item.clause && (aside || !linked(before, item.clause));
}

/**
 * Without a marker, a change of clause between paragraphs splits only when the model, too, is sure of
 * both sides and of the same different clauses: real customers describe one problem in varied words
 * (the detection, the VirusTotal check, the crash after it), which the lexicon alone reads as several.
 */
/** How sure the model must be of both sides of an unmarked paragraph (chosen on the real dev messages: 0.8 split 14 single-problem ones, 0.9 12, the same multi-problem ones). */
const PARAGRAPH_AGREEMENT = 0.9;
function modelAgrees(prev: Scored, seg: Scored, language: Language | undefined, lexicon: Lexicon): boolean {
  const a = learnedProblem(prev.text, language, lexicon);
  const b = learnedProblem(seg.text, language, lexicon);
  return a !== null && b !== null && a.clause === prev.clause && b.clause === seg.clause && Math.min(a.confidence, b.confidence) >= PARAGRAPH_AGREEMENT;
}

/** A short message may name two problems in plain consecutive sentences ("The scan crashes. And my key is rejected."). */
const UNMARKED_MAX_SENTENCES = 4;
/** ... and few words: a long story names many things (and reading it twice per boundary is what would cost). */
const UNMARKED_MAX_WORDS = 50;
/**
 * Without any marker, the one sentence boundary where both sides are sure of different clauses, by
 * the lexicon and by the model alike (as for unmarked paragraphs); only tried when the lexicon
 * finds evidence of two clauses in the whole text, so most messages pay nothing for it.
 */
function unmarkedSentenceSplit(text: string, languageOf: () => Language, lexicon: Lexicon): [string, string] | null {
  const sentences = splitSentences(text).map((x) => x.trim());
  if (sentences.length < 2 || sentences.length > UNMARKED_MAX_SENTENCES || tokenize(text).length > UNMARKED_MAX_WORDS) return null;
  const language = languageOf();
  if ((classifyByLexicon({ subject: '', description: text, language }, lexicon, FRAGMENT).ranking[1]?.score ?? 0) < MIN_PART_SCORE) return null;
  // Only where the sentences' own clauses change is a boundary worth reading both halves for.
  const own = sentences.map((x) => classifyByLexicon({ subject: '', description: x, language }, lexicon, FRAGMENT).clause);
  let best: { halves: [string, string]; confidence: number } | null = null;
  for (let i = 1; i < sentences.length; i++) {
    const halves: [string, string] = [sentences.slice(0, i).join(' '), sentences.slice(i).join(' ')];
    const before = own.slice(0, i).filter(Boolean).at(-1);
    const after = own.slice(i).find(Boolean);
    if (!before || !after || before === after || refersBack(halves[1])) continue;
    const [a, b] = halves.map((h): Scored => {
      const r = classifyByLexicon({ subject: '', description: h, language }, lexicon, FRAGMENT);
      return { text: h, boundary: 'paragraph', clause: r.clause, score: r.ranking[0]?.score ?? 0, confidence: r.confidence };
    });
    if (a.clause === b.clause || !distinct(a, b) || consequence(a, b)) continue;
    const [ma, mb] = [learnedProblem(a.text, language, lexicon), learnedProblem(b.text, language, lexicon)];
    if (!ma || !mb || ma.clause !== a.clause || mb.clause !== b.clause) continue;
    const confidence = Math.min(ma.confidence, mb.confidence);
    if (confidence >= PARAGRAPH_AGREEMENT && (!best || confidence > best.confidence)) best = { halves, confidence };
  }
  return best?.halves ?? null;
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
function refersBack(text: string): boolean {
  return tokenize(text)
    .slice(0, BACK_REFERENCE_WINDOW)
    .some((w) => BACK_REFERENCE.has(w));
}

/** Both sides are confident enough about different clauses to be separate problems. */
function distinct(a: Scored, b: Scored): boolean {
  return a.score >= MIN_PART_SCORE && b.score >= MIN_PART_SCORE && a.confidence >= 0.35 && b.confidence >= 0.35;
}
