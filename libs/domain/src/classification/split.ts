import { ClassifierResult, Language, SplitPart } from './types';
import { classify, classifyByLexicon } from './classify';
import { defaultLexicon, Lexicon } from './lexicon';
import { detectLanguage } from './language';
import { customerWords } from './customer-words';
import { splitTail } from './mail-tail';
import { tokenize } from './normalise';
import {
  added,
  ANNOUNCED_ITEM_MIN_WORDS,
  ANNOUNCED_ITEM_RE,
  announcedUpFront,
  countGoesOn,
  inlineEnumSegments,
  listSegments,
  MULTI_INTRO_RE,
  proseSegments,
  questionList,
  faultList,
  statesProblem,
  notSteps,
  opensCount,
  refersBack,
  triedAlready,
  triedList,
  type Segment,
  type Strength,
  splitSentences,
  unmarked,
  withoutMarker,
} from './split-segments';

/**
 * Rule 2.3 "one problem – one request": splits a submission that describes several independent
 * problems into one part per problem. Never splits a single problem told over several
 * sentences or paragraphs: a boundary is kept only when it is an explicit enumeration of problems,
 * when the parts on both sides classify to different clauses, or when the customer set a question
 * apart on its own line with "also" / "by the way" (addedQuestion).
 */

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
const LEARNED_MIN_CONFIDENCE = 0.5;
/**
 * Before "another question" or "secondly" the customer has said a problem was told, however briefly ("Sveiki! Mana licence
 * netiek aktivizēta. Vēl viens jautājums: …"): there a shorter opening is read by the model too.
 */
const STRONG_STORY_MIN_WORDS = 3;
/** The fewest words any rule asks the model to read (the readings are remembered whatever the rule's own minimum). */
const FEWEST_WORDS_READ = Math.min(LEARNED_MIN_WORDS, STRONG_STORY_MIN_WORDS, ANNOUNCED_ITEM_MIN_WORDS);
/**
 * Characters the model may read for one message's fragments. The part before each marked segment grows as segments join
 * it, and is read again: a 19,000-character list of 600 alternating items was read 898 times, 2.6 million characters, ~2 s
 * of CPU for one submission. The 4,882 corpus messages read at most 8,840 (99.9 % under 2,900); past the budget the model
 * says nothing more and the lexicon alone decides.
 */
const MODEL_READ_BUDGET = 40_000;
/**
 * A long story before "also" / "another question" names its clause among several (a scheduler bug told with cron
 * lines reads as 4.1.1 and a little as 4.2.9): there the model's first clause is enough at this confidence, when
 * the marked sentence after it is sure of another one.
 */
const STORY_MIN_CONFIDENCE = 0.3;
/**
 * A list item or ordinal without an announcement splits on the model only when both sides are this sure of different clauses
 * (on the 1,080 real dev messages, with PARAGRAPH_AGREEMENT 0.95: 0.8 split 29 single-problem ones and 14 of 45 multi-problem ones, 0.9 26 and 15).
 */
const LEARNED_LIST_CONFIDENCE = 0.9;
/**
 * After "also" / "by the way" the customer has said a new topic comes, so a sentence only the model reads is a problem at
 * this confidence (the model of 2026-12-03 night read "Also, how do I renew my licence?" as 4.1.3 at 0.89: a licence or
 * the web account; on the 1,739 real dev messages 0.8 splits as many as 0.9, 0.5 one more multi-problem and three more single-problem ones).
 */
const LEARNED_ADDED_CONFIDENCE = 0.8;
interface Learned {
  clause: string;
  confidence: number;
}
interface Reading {
  words: number;
  learned: Learned | null;
}

/**
 * A message's fragments read in its language: by the lexicon alone (its clause scores), and by the
 * learned model (a confident clause over enough words), remembered per text because several rules
 * ask about the same part (the opening, then the part before each marked sentence).
 */
class FragmentReader {
  private readonly learnt = new Map<string, Reading>();
  private budget = MODEL_READ_BUDGET;

  constructor(
    private readonly language: Language,
    private readonly lexicon: Lexicon,
  ) {}

  lexical(text: string): ClassifierResult {
    return classifyByLexicon({ subject: '', description: text, language: this.language }, this.lexicon, FRAGMENT);
  }

  scored(text: string, boundary: Strength): Scored {
    const r = this.lexical(text);
    return { text, boundary, clause: r.clause, score: r.ranking[0]?.score ?? 0, confidence: r.confidence };
  }

  /** The model's clause for the text when it is at least `min` sure of it and the text has at least `minWords` words. */
  learned(text: string, min = LEARNED_MIN_CONFIDENCE, minWords = LEARNED_MIN_WORDS): Learned | null {
    // Past the budget, before the lookup: a growing opening is a new string each time, and hashing it is a read too.
    if (text.length > this.budget) return null;
    let known = this.learnt.get(text);
    if (known === undefined) this.learnt.set(text, (known = this.model(text)));
    return known.words >= minWords && known.learned !== null && known.learned.confidence >= min ? known.learned : null;
  }

  /** The parts, each read whole (subject and text) as the classification stage reads a request, are all of one clause. */
  oneClause(parts: SplitPart[]): boolean {
    const clauses = parts.map((p) => classify({ subject: p.subject, description: p.description, language: this.language }, this.lexicon).clause);
    return clauses.every((c) => c === clauses[0]);
  }

  private model(text: string): Reading {
    // Counting the words is a read too: a long fragment of marks and few words (">::|" lines) was tokenised again for every segment.
    this.budget -= text.length;
    const words = tokenize(text).length;
    if (words < FEWEST_WORDS_READ) return { words, learned: null };
    const r = classify({ subject: '', description: text, language: this.language }, this.lexicon);
    return { words, learned: r.clause !== null ? { clause: r.clause, confidence: r.confidence } : null };
  }
}

export function splitProblems(input: { subject: string; description: string }, given?: Language, lexicon: Lexicon = defaultLexicon()): SplitPart[] {
  const description = input.description ?? '';
  const words = customerWords(description);
  if (words === description) return splitWords(input, given, lexicon);
  // The problems are told in the customer's words: a template's numbered steps or a pasted log are not several problems.
  if (splitWords({ ...input, description: words }, given, lexicon).length < 2) return [input];
  // Cut as written (nothing of the message is lost), the signature and disclaimers under it going with the last part.
  const { body, tail } = splitTail(description);
  const parts = splitWords({ ...input, description: body }, given, lexicon);
  if (parts.length < 2) return [input];
  const last = parts[parts.length - 1];
  return [...parts.slice(0, -1), { ...last, description: `${last.description}${tail}` }];
}

function splitWords(input: { subject: string; description: string }, given: Language | undefined, lexicon: Lexicon): SplitPart[] {
  const text = (input.description ?? '').trim();
  if (!text) return [input];
  // The message's language, once and only when a fragment must be read: every fragment is read in it (alone it is too short to tell).
  let reader: FragmentReader | undefined;
  const readerOf = (): FragmentReader => (reader ??= new FragmentReader(given ?? detectLanguage(`${input.subject ?? ''}\n${text}`), lexicon));

  let intro = '';
  let segments: Segment[];
  let announced: boolean;
  const list = listSegments(text) ?? inlineEnumSegments(text) ?? (MULTI_INTRO_RE.test(text) ? listSegments(text, ANNOUNCED_ITEM_RE) : null);
  if (list) {
    intro = list.intro;
    // Attempts at one problem ("- turned off real-time protection -> same") are neither a list of faults nor of problems, and are
    // read like paragraphs: a part only where the model, too, is sure of another clause.
    const attempts = triedList(list.items);
    announced =
      MULTI_INTRO_RE.test(intro) || MULTI_INTRO_RE.test(input.subject ?? '') || questionList(list.items) || (!attempts && (faultList(intro, list.items) || problemList(intro, list.items, readerOf())));
    const between: Strength = announced ? 'strong' : attempts ? 'paragraph' : 'list';
    segments = list.items.map((t) => ({ text: t, boundary: between }));
  } else {
    announced = MULTI_INTRO_RE.test(text) || MULTI_INTRO_RE.test(input.subject ?? '');
    segments = proseSegments(text, announcedUpFront(input.subject ?? '', text));
  }
  if (segments.length < 2) return list ? [input] : unlessOneClause(input, numbered(input, intro, unmarkedSentenceSplit(text, readerOf) ?? []), readerOf);
  const read = readerOf();

  const scored: Scored[] = segments.map((seg) => ({ ...read.scored(seg.text, seg.boundary), opensLine: seg.opensLine }));

  // An intro that is itself a problem (has a clear clause) becomes the first segment.
  if (intro) {
    const head = read.scored(intro, 'paragraph');
    if (head.score >= MIN_PART_SCORE && !MULTI_INTRO_RE.test(intro)) {
      scored.unshift(head);
      intro = '';
    }
  }

  // Merge: segments without a problem of their own join the previous part (or the next one if first);
  // a boundary survives when it is strong, or when both sides are problems of different clauses.
  const parts: Scored[] = [];
  let pending = '';
  // Only a marked boundary can set an opening the lexicon does not know apart (an unmarked one needs the lexicon on both sides).
  const marked = scored.some((seg) => seg.boundary !== 'paragraph');
  // "Firstly" after a problem was told, opening no problem of its own ("My licence was not accepted. Firstly, I bought it from your
  // official store."): the count gives that problem's reasons, and "Secondly" goes on with them, a list item rather than another
  // problem. After a greeting alone ("Hello! Firstly, my key is not accepted. Secondly, …") the customer counts problems.
  let countsReasons = false;
  for (const given of scored) {
    const seg: Scored = countsReasons && given.boundary === 'strong' && countGoesOn(given.text) ? { ...given, boundary: 'list' } : given;
    const lexical = seg.clause !== null && seg.score >= MIN_PART_SCORE;
    const learned = !lexical && seg.boundary !== 'paragraph' && parts.length > 0 ? read.learned(seg.text) : null;
    // An item or ordinal of a message the customer announced as several problems is one, even in words neither the lexicon nor the model knows.
    const announcedItem = announced && !unmarked(seg.boundary) && tokenize(seg.text).length >= ANNOUNCED_ITEM_MIN_WORDS;
    const isProblem = lexical || announcedItem || learnedIsProblem(learned, seg.boundary, announced);
    const prev = parts[parts.length - 1];
    if (seg.boundary === 'list' && opensCount(seg.text))
      countsReasons = !isProblem && (prev !== undefined || statesProblem(pending) || read.learned(pending, LEARNED_MIN_CONFIDENCE, STRONG_STORY_MIN_WORDS) !== null);
    if (!prev) {
      // "… the scheduler resets the hour. Also, is there a way to pass nice parameters?": the story so far,
      // though no single paragraph of it was sure enough to open a part, is one problem when the model reads
      // another clause in it than in the marked sentence.
      const strong = seg.boundary === 'strong';
      // (what was tried is never another topic: the story is not read for it)
      const story = pending && (added(seg.boundary) || strong) && !sameStory(seg) ? read.learned(pending, STORY_MIN_CONFIDENCE, strong ? STRONG_STORY_MIN_WORDS : LEARNED_MIN_WORDS) : null;
      const next = story ? (lexical ? { clause: seg.clause, confidence: seg.confidence } : read.learned(seg.text)) : null;
      if (story && next && differentTopics(story.clause, next, seg.boundary === 'aside')) {
        parts.push({ text: pending, boundary: 'paragraph', clause: story.clause, score: 0, confidence: story.confidence }, { ...seg, clause: next.clause });
        pending = '';
        continue;
      }
      const text = pending ? `${pending}\n${seg.text}` : seg.text;
      // An opening the lexicon does not know ("my real-time protection keeps turning itself off") is a problem when the model is sure of it.
      const opening = isProblem || !marked ? null : read.learned(text);
      if (isProblem) parts.push({ ...seg, text });
      else if (opening && opening.confidence >= LEARNED_LIST_CONFIDENCE) parts.push({ ...seg, text, clause: opening.clause, confidence: opening.confidence });
      else pending = text;
      continue;
    }
    const keep =
      !sameStory(seg) &&
      isProblem &&
      (seg.boundary === 'strong' ||
        (announced && !unmarked(seg.boundary)) ||
        (seg.clause !== prev.clause &&
          (seg.boundary === 'list' || (unmarked(seg.boundary) && (seg.boundary === 'aside' || !linked(prev.clause, seg.clause)) && (added(seg.boundary) || modelAgrees(prev, seg, read)))) &&
          distinct(prev, seg)) ||
        (learned !== null && seg.boundary === 'list' && differsFrom(prev, learned, read)) ||
        (added(seg.boundary) && anotherTopic(prev, learned ?? seg, seg.boundary === 'aside', read)) ||
        addedQuestion(seg));
    if (keep) parts.push({ ...seg, clause: seg.clause ?? learned?.clause ?? null });
    else {
      prev.text = `${prev.text}\n${seg.text}`;
      if (isProblem && seg.score > prev.score && prev.clause === seg.clause) prev.score = seg.score;
    }
  }
  if (pending && parts.length > 0 && !parts[0].text.startsWith(pending)) parts[0].text = `${pending}\n${parts[0].text}`;
  const texts = parts.length < 2 && !list ? (unmarkedSentenceSplit(text, readerOf) ?? []) : parts.map((p) => p.text);
  const out = numbered(input, intro, texts);
  // (fewer than two parts: the cut, if any, is unmarkedSentenceSplit's)
  return announced || parts.slice(1).some((p) => p.boundary === 'strong' || addedQuestion(p)) ? out : unlessOneClause(input, out, readerOf);
}

/**
 * Parts cut where the customer marked nothing, or only listed or said "also", were cut on the premise that the sides are
 * different clauses. Read whole, as the classification stage will read them, parts of one clause are one request ("Where
 * can I download it?⏎I bought a licence, but only got the code": two 4.1.4a parts; a detection told as three tries): the
 * same work for the same team (bench/classifier/LABELLING.md). Only the customer's own count stands against it: an
 * announcement ("two problems:"), a strong marker ("another question"), a question of its own after "also". On the real dev
 * side single-problem messages cut 49 → 33 of 1,739 with this for lists and "also" too (it was for unmarked cuts alone), multi-problem
 * ones 21 → 20 of 50 (a 4.1.1 + 4.1.1 list); crafted dev unchanged.
 */
function unlessOneClause(input: SplitPart, parts: SplitPart[], readerOf: () => FragmentReader): SplitPart[] {
  return parts.length > 1 && readerOf().oneClause(parts) ? [input] : parts;
}

/** The parts as submissions "Subject (1/2)", each with the intro; the input itself when there are fewer than two. */
function numbered(input: SplitPart, intro: string, texts: string[]): SplitPart[] {
  if (texts.length < 2) return [input];
  return texts.map((text, i) => ({
    subject: `${input.subject ?? ''} (${i + 1}/${texts.length})`.trim(),
    description: intro ? `${intro}\n${withoutMarker(text)}` : withoutMarker(text),
  }));
}

/**
 * A detection and a malfunction or failed download told in separate paragraphs ("the game closes
 * and its EXE is corrupted … Avast's logs show IDP.Generic"; "Defender found a trojan … it will not
 * let me download the zip") are mostly one problem and its cause: without an explicit marker they
 * are not split. So are our program's fault and the slow computer it leaves ("since I installed it the PC boots for ages.
 * Besides, the fan roars during scans": the second sentence reads as the device's performance, 4.2.2; on the real dev
 * messages 50 → 48 single-problem ones split, the multi-problem ones as before).
 */
const LINKED: ReadonlyArray<readonly [string, string]> = [
  ['4.1.2a', '4.1.1'],
  ['4.1.2a', '4.1.4a'],
  ['4.1.1', '4.2.2'],
];
function linked(a: string | null, b: string | null): boolean {
  return LINKED.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
}

/** The part before a list item is, by the model too, confidently about another clause than the item. */
function differsFrom(prev: Scored, item: Learned, read: FragmentReader): boolean {
  const before = read.learned(prev.text);
  return before !== null && before.clause !== item.clause && before.confidence >= LEARNED_LIST_CONFIDENCE;
}

/**
 * A list the customer did not announce is still several problems when it is not steps (notSteps) and the model reads every
 * item as a problem, two of them surely of different clauses ("- The real-time protection turns itself off after every
 * restart.⏎- My subscription shows expired although I renewed it."). On the dev sides: crafted multi-problem messages split
 * 69 → 72 of 76, no more single-problem ones (real or crafted); 0.7 splits one more real single-problem message, 0.5 four.
 */
const PROBLEM_LIST_CONFIDENCE = 0.8;
function problemList(intro: string, items: string[], read: FragmentReader): boolean {
  if (!notSteps(intro, items)) return false;
  const sure = new Set<string>();
  for (const item of items) {
    const reading = read.learned(item, LEARNED_MIN_CONFIDENCE, ANNOUNCED_ITEM_MIN_WORDS);
    if (reading === null) return false;
    if (reading.confidence >= PROBLEM_LIST_CONFIDENCE) sure.add(reading.clause);
  }
  return sure.size >= 2;
}

/** A part only the model reads is a problem after a strong marker or an announcement, else when the model is sure enough for its boundary. */
function learnedIsProblem(learned: Learned | null, boundary: Strength, announced: boolean): boolean {
  if (learned === null) return false;
  if (boundary === 'strong' || announced) return true;
  return learned.confidence >= (added(boundary) ? LEARNED_ADDED_CONFIDENCE : LEARNED_LIST_CONFIDENCE);
}

/**
 * "…the BACK button does nothing.\n\nAlso, why does the status text never change?": a line or paragraph the customer opens with
 * "also" / "by the way" and that asks something is a question of its own, even about the same clause as the part before (two bugs
 * of one program are two requests). Without the line break, or without a question ("Also I restarted the computer and the error
 * still appears"), it is more of the same story. On the 1,739 real dev messages: one more of 50 multi-problem ones split (with "так
 * же" read as "также", two: 20 → 22), no single-problem one more.
 */
function addedQuestion(seg: Scored): boolean {
  return added(seg.boundary) && seg.opensLine === true && seg.text.includes('?');
}

/** After "also" (not "by the way"), what the customer already tried: the same story (triedAlready). */
function sameStory(seg: Segment): boolean {
  return seg.boundary === 'weak' && triedAlready(seg.text);
}

/**
 * How sure the model must be of the part before "also" to name its clause over the lexicon's words: "Outlook keeps crashing
 * when I open attachments, how do I repair Office?" has a crash (4.1.1 by its phrases) in another vendor's program (4.2.7 by
 * the model, 1.00), and a detection told after "Also" is not the crash's cause. 0.9 to 0.97 change no dev split (real or crafted).
 */
const STORY_OVER_LEXICON = 0.95;

/** After "also" / "by the way", a sentence only the model reads: another problem when it names another clause than the part before (by the model when it is sure, else by its lexicon evidence, else by the model), not a consequence of it. */
function anotherTopic(prev: Scored, item: { clause: string | null; confidence: number }, aside: boolean, read: FragmentReader): boolean {
  const story = read.learned(prev.text);
  const lexical = prev.score >= MIN_PART_SCORE ? prev.clause : null;
  const before = story && (story.confidence >= STORY_OVER_LEXICON || !lexical) ? story.clause : lexical;
  return differentTopics(before, item, aside);
}

/** A clause read with enough confidence after another one, and not as its consequence (unless the customer changed the topic). */
function differentTopics(before: string | null, item: { clause: string | null; confidence: number }, aside: boolean): boolean {
  return before !== null && item.clause !== null && item.confidence >= LEARNED_MIN_CONFIDENCE && before !== item.clause && (aside || !linked(before, item.clause));
}

/**
 * Without a marker, a change of clause between paragraphs splits only when the model, too, is sure of
 * both sides and of the same different clauses: real customers describe one problem in varied words
 * (the detection, the VirusTotal check, the crash after it), which the lexicon alone reads as several.
 */
/**
 * How sure the model must be of both sides of an unmarked paragraph (chosen on the real dev messages: on 848, 0.8 split 14
 * single-problem ones, 0.9 12; on 1,080 with the model trained on them, 0.9 31 and 0.95 29, the same multi-problem ones).
 */
const PARAGRAPH_AGREEMENT = 0.95;
function modelAgrees(prev: Scored, seg: Scored, read: FragmentReader): boolean {
  const a = read.learned(prev.text);
  const b = read.learned(seg.text);
  return a !== null && b !== null && a.clause === prev.clause && b.clause === seg.clause && Math.min(a.confidence, b.confidence) >= PARAGRAPH_AGREEMENT;
}

/**
 * A wish told after a problem ("The app freezes whenever I open the settings. It would be nice to have a dark mode too.") is
 * neither its context nor its consequence: there the model need only be this sure of both halves (the wish's own phrases at
 * WISH_LEXICON_CONFIDENCE). Else the message was one request, decided as the wish at 1.00: a decline of a bug. On the dev
 * sides no split moved (0.6 to 0.8); a crafted "…why did your antivirus never see it? … add it to the databases" (a miss read
 * as a wish) is kept whole by its "but" (refersBack).
 */
const WISH = '4.2.1';
const WISH_AGREEMENT = 0.8;
const WISH_LEXICON_CONFIDENCE = 0.7;
/** A short message may name two problems in plain consecutive sentences ("The scan crashes. And my key is rejected."). */
const UNMARKED_MAX_SENTENCES = 4;
/** ... and few words: a long story names many things (and reading it twice per boundary is what would cost). */
const UNMARKED_MAX_WORDS = 50;
/**
 * Without any marker, the one sentence boundary where both sides are sure of different clauses, by
 * the lexicon and by the model alike (as for unmarked paragraphs); only tried when the lexicon
 * finds evidence of two clauses in the whole text, so most messages pay nothing for it.
 */
function unmarkedSentenceSplit(text: string, readerOf: () => FragmentReader): [string, string] | null {
  const sentences = splitSentences(text).map((x) => x.trim());
  if (sentences.length < 2 || sentences.length > UNMARKED_MAX_SENTENCES || tokenize(text).length > UNMARKED_MAX_WORDS) return null;
  const read = readerOf();
  if ((read.lexical(text).ranking[1]?.score ?? 0) < MIN_PART_SCORE) return null;
  // Only where the sentences' own clauses change is a boundary worth reading both halves for.
  const own = sentences.map((x) => read.lexical(x).clause);
  let best: { halves: [string, string]; confidence: number } | null = null;
  for (let i = 1; i < sentences.length; i++) {
    const halves: [string, string] = [sentences.slice(0, i).join(' '), sentences.slice(i).join(' ')];
    let opener = i - 1;
    while (opener >= 0 && !own[opener]) opener--;
    const before = opener >= 0 ? own[opener] : null;
    const after = own.slice(i).find(Boolean);
    // The sentence that gives the first half its clause states a fault, wish, question or detection; else the half is
    // context ("We have memory dumps of two infected workstations."; "We just bought your business licences. We don't have IT staff.").
    if (!before || !after || before === after || refersBack(halves[1]) || triedAlready(halves[1]) || !statesProblem(sentences[opener])) continue;
    const [a, b] = halves.map((h) => read.scored(h, 'paragraph'));
    if (a.clause === b.clause || !distinct(a, b) || linked(a.clause, b.clause)) continue;
    const [ma, mb] = [read.learned(a.text), read.learned(b.text)];
    if (!ma || !mb || ma.clause !== a.clause || mb.clause !== b.clause) continue;
    const confidence = Math.min(ma.confidence, mb.confidence);
    const sure = confidence >= PARAGRAPH_AGREEMENT || (b.clause === WISH && b.confidence >= WISH_LEXICON_CONFIDENCE && confidence >= WISH_AGREEMENT);
    if (sure && (!best || confidence > best.confidence)) best = { halves, confidence };
  }
  return best?.halves ?? null;
}

/** Both sides are confident enough about different clauses to be separate problems. */
function distinct(a: Scored, b: Scored): boolean {
  return a.score >= MIN_PART_SCORE && b.score >= MIN_PART_SCORE && a.confidence >= 0.35 && b.confidence >= 0.35;
}
