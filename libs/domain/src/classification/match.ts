import { type CompiledTerm, type Lexicon, type LexiconSettings, termLists, type TokenPattern } from './lexicon';
import { tokenizeBySentence, withinOneEdit } from './normalise';

/** A token position where a pattern matched, and whether only with a typo. */
interface Position {
  pos: number;
  fuzzy: boolean;
}
const NOWHERE: ReadonlyArray<Position> = Object.freeze([]);

/** A tokenised text with a per-pattern cache of matching positions. */
export class TextIndex {
  readonly tokens: string[];
  /**
   * The sentence of each token: a phrase's words are found within one sentence ("…closes without any error. Kaspersky I
   * turned off" is not "without Kaspersky").
   */
  private readonly sentenceOf: number[];
  private readonly cache = new Map<string, Position[]>();

  /**
   * Token positions by their first three letters: every way a pattern matches (exact, prefix, one
   * typo after the first three letters) shares them, so a pattern only looks at its own bucket
   * instead of every token of the text (the matcher was most of the pipeline's CPU, issue 12).
   */
  private readonly byHead = new Map<string, number[]>();

  constructor(
    text: string,
    private readonly settings: Pick<LexiconSettings, 'fuzzyMinLength' | 'maxGap'>,
  ) {
    ({ tokens: this.tokens, sentenceOf: this.sentenceOf } = tokenizeBySentence(text));
    this.tokens.forEach((tok, pos) => {
      const head = tok.slice(0, 3);
      const list = this.byHead.get(head);
      if (list) list.push(pos);
      else this.byHead.set(head, [pos]);
    });
  }

  /** The three-letter heads of the text's tokens (see HeadDirectory). */
  heads(): Iterable<string> {
    return this.byHead.keys();
  }

  hasHead(head: string): boolean {
    return this.byHead.has(head);
  }

  private positions(p: TokenPattern): ReadonlyArray<Position> {
    // Most of a lexicon's words do not occur in a given text: their bucket is empty (no allocation).
    const bucket = p.head === null ? null : this.byHead.get(p.head);
    if (bucket === undefined) return NOWHERE;
    const hit = this.cache.get(p.key);
    if (hit) return hit;
    const out: Position[] = [];
    const fuzzyOk = p.stem.length >= this.settings.fuzzyMinLength;
    for (const pos of bucket ?? this.tokens.keys()) {
      const tok = this.tokens[pos];
      if (p.prefix ? tok.startsWith(p.stem) : tok === p.stem) {
        out.push({ pos, fuzzy: false });
        continue;
      }
      // Typos: one edit, but never in the first three letters (Latvian/Russian negation and
      // prefixes live there: "nestrādā" is not "neatrada"; a bucket's tokens share them) ...
      if (!fuzzyOk || bucket === null) continue;
      if (p.prefix) {
        const L = p.stem.length;
        if (withinOneEdit(tok, L, p.stem) || withinOneEdit(tok, L - 1, p.stem) || withinOneEdit(tok, L + 1, p.stem)) out.push({ pos, fuzzy: true });
      } else if (tok[tok.length - 1] === p.stem[p.stem.length - 1] && withinOneEdit(tok, tok.length, p.stem)) {
        // ... and for whole words not in the last letter either (that is another word form: installed ≠ installer)
        out.push({ pos, fuzzy: true });
      }
    }
    this.cache.set(p.key, out);
    return out;
  }

  /** 0 when the term does not occur; 1 on an exact match; fuzzyFactor (<1) on a typo match. */
  match(term: CompiledTerm, fuzzyFactor: number): number {
    return this.locate(term, fuzzyFactor)?.value ?? 0;
  }

  /** Best occurrence of the term: its value (1 exact, fuzzyFactor on a typo) and token positions. */
  locate(term: CompiledTerm, fuzzyFactor: number): { value: number; positions: number[] } | null {
    const words = this.wordPositions(term);
    if (!words) return null;
    let best: { value: number; positions: number[] } | null = null;
    for (const start of words.first) {
      const found = this.occurrenceFrom(start, words.rest);
      if (!found) continue;
      const v = found.fuzzy ? fuzzyFactor : 1;
      if (!best || v > best.value) best = { value: v, positions: found.positions };
      if (best.value === 1) break;
    }
    return best;
  }

  /** The sentence of each of the term's occurrences (typos included). */
  sentencesOf(term: CompiledTerm): number[] {
    const words = this.wordPositions(term);
    if (!words) return [];
    return words.first.filter((start) => this.occurrenceFrom(start, words.rest) !== null).map((start) => this.sentenceOf[start.pos]);
  }

  /** Each word's positions once for all the starts; a word that occurs nowhere rules the term out before any is tried. */
  private wordPositions(term: CompiledTerm): { first: ReadonlyArray<Position>; rest: Array<ReadonlyArray<Position>> } | null {
    const first = this.positions(term.tokens[0]);
    if (first.length === 0) return null;
    const rest: Array<ReadonlyArray<Position>> = [];
    for (let i = 1; i < term.tokens.length; i++) {
      const found = this.positions(term.tokens[i]);
      if (found.length === 0) return null;
      rest.push(found);
    }
    return { first, rest };
  }

  /** The term's words from this start on, each within maxGap words of the one before and in the same sentence. */
  private occurrenceFrom(start: Position, rest: ReadonlyArray<ReadonlyArray<Position>>): { positions: number[]; fuzzy: boolean } | null {
    let pos = start.pos;
    let fuzzy = start.fuzzy;
    const positions = [pos];
    for (const found of rest) {
      const sentence = this.sentenceOf[pos];
      const next = found.find((q) => q.pos > pos && q.pos <= pos + 1 + this.settings.maxGap && this.sentenceOf[q.pos] === sentence);
      if (!next) return null;
      pos = next.pos;
      positions.push(pos);
      fuzzy = fuzzy || next.fuzzy;
    }
    return { positions, fuzzy };
  }
}

/**
 * Every term list of a lexicon (clauses, negative cues, caveats, context groups) indexed by the head of
 * each term's longest word (`CompiledTerm.indexHead`): a term can only match a text that has a token with that head, so a
 * text looks at the terms of its own heads (a few dozen of the lexicon's thousands) instead of trying every
 * one. One index for all the lists, so that a text's heads are looked up once for all of them (a lookup
 * per list and head was a tenth of the classifier's time). Terms whose words are all shorter than three
 * letters are always tried.
 */
export class HeadDirectory {
  private static readonly built = new WeakMap<Lexicon, HeadDirectory>();
  private readonly ids = new Map<readonly CompiledTerm[], number>();
  /** per list id, the terms always tried */
  readonly always: number[][] = [];
  /** per head, [list id, term index] pairs, flat */
  readonly byHead = new Map<string, number[]>();

  private constructor(lexicon: Lexicon) {
    for (const terms of termLists(lexicon)) {
      if (this.ids.has(terms)) continue;
      const id = this.always.length;
      this.ids.set(terms, id);
      this.always.push([]);
      terms.forEach((term, i) => {
        const head = term.indexHead;
        if (head === null) return void this.always[id].push(i);
        const entries = this.byHead.get(head);
        if (entries) entries.push(id, i);
        else this.byHead.set(head, [id, i]);
      });
    }
  }

  static of(lexicon: Lexicon): HeadDirectory {
    let directory = HeadDirectory.built.get(lexicon);
    if (!directory) HeadDirectory.built.set(lexicon, (directory = new HeadDirectory(lexicon)));
    return directory;
  }

  idOf(terms: readonly CompiledTerm[]): number | undefined {
    return this.ids.get(terms);
  }
}

/**
 * Some texts of a request (its subject and description, and maybe its topic) with, for each of the
 * lexicon's term lists, the terms that may match one of them: their heads looked up once.
 */
export class TextHeads {
  private readonly byList: number[][];

  constructor(
    readonly texts: readonly TextIndex[],
    private readonly directory: HeadDirectory,
  ) {
    // The lists' always-tried terms are shared until a head adds a term to a list (most lists get none from a given text).
    this.byList = directory.always.slice();
    const own = new Uint8Array(this.byList.length);
    const seen = new Set<string>();
    for (const text of texts) {
      for (const head of text.heads()) {
        if (seen.has(head)) continue;
        seen.add(head);
        const entries = directory.byHead.get(head);
        if (!entries) continue;
        for (let j = 0; j < entries.length; j += 2) {
          const id = entries[j];
          if (!own[id]) {
            this.byList[id] = [...this.byList[id]];
            own[id] = 1;
          }
          this.byList[id].push(entries[j + 1]);
        }
      }
    }
  }

  /**
   * The indices of the terms of the list that may match, in no particular order (a caller that ranks
   * ties by the list's order sorts its few hits). A list that is not the lexicon's own is walked whole.
   */
  candidates(terms: readonly CompiledTerm[]): number[] {
    const id = this.directory.idOf(terms);
    if (id !== undefined) return this.byList[id];
    const out: number[] = [];
    terms.forEach((term, i) => {
      const head = term.indexHead;
      if (head === null || this.texts.some((text) => text.hasHead(head))) out.push(i);
    });
    return out;
  }
}

/** Whether any of the terms occurs, exactly, in any of the texts (only the terms whose head a text has are tried). */
export function occursIn(terms: readonly CompiledTerm[], heads: TextHeads): boolean {
  return heads.candidates(terms).some((i) => heads.texts.some((text) => text.match(terms[i], 1) > 0));
}
