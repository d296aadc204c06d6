import * as fs from 'fs';
import * as path from 'path';
import { Language, LANGUAGES } from './types';
import { tokenize } from './normalise';

/**
 * The lexicon is data (config/classifier/lexicon.json): per clause and per language a list of
 * phrases / stems with weights, negative cues, caveat cues (4.4.x), context groups and topic hints.
 *
 * Term syntax: space-separated tokens; a token ending in `*` is a stem (prefix match, for lv/ru
 * inflection), otherwise the token must match exactly. Tokens of a phrase must appear in order,
 * with at most `settings.maxGap` other words between them. Stems/words of at least
 * `settings.fuzzyMinLength` letters also match with one typo (weight × `settings.fuzzyFactor`).
 * A term entry is `"text"` (weight 1), `["text", weight]`, `["text", weight, "context"]` or
 * `{ "t": "text", "w": weight, "ctx": "context" }`; a term with a context only counts when one of
 * that context group's terms also occurs in the request.
 */
export interface TokenPattern {
  stem: string;
  prefix: boolean;
  /** stem + '*' for a prefix: the matcher's cache key, made once here rather than per text. */
  key: string;
  /** The stem's first three letters (the matcher's bucket), or null for a shorter stem. */
  head: string | null;
}

const tokenPattern = (stem: string, prefix: boolean): TokenPattern => ({ stem, prefix, key: prefix ? `${stem}*` : stem, head: stem.length >= 3 ? stem.slice(0, 3) : null });

export interface CompiledTerm {
  text: string;
  language: Language;
  weight: number;
  tokens: TokenPattern[];
  /** The head of its longest word, which the matcher indexes it by (headOfLongestWord); null: every word is shorter than three letters. */
  indexHead: string | null;
  ctx?: string;
}

export interface ClauseEntry {
  id: string;
  scope: 'included' | 'excluded';
  label: string;
  terms: CompiledTerm[];
  negative: CompiledTerm[];
}

export interface CaveatEntry {
  id: string;
  label: string;
  terms: CompiledTerm[];
}

export interface LexiconSettings {
  threshold: number;
  maxGap: number;
  fuzzyMinLength: number;
  fuzzyFactor: number;
  subjectFactor: number;
  topicFactor: number;
  topicHintWeight: number;
  /** score scale of the saturating strength curve: strength = 1 - exp(-score / scale) */
  confidenceScale: number;
  /** share of the confidence that depends on the margin over the runner-up */
  marginWeight: number;
  /** extra margin factor applied to excluded (4.2.x) clauses: declines must be sure */
  excludedMarginWeight: number;
  caveatThreshold: number;
  maxEvidence: number;
}

export interface Lexicon {
  version: string;
  settings: LexiconSettings;
  clauses: ClauseEntry[];
  caveats: CaveatEntry[];
  contexts: Record<string, CompiledTerm[]>;
  /** folded topic key → clause id */
  topics: Record<string, string>;
}

const DEFAULT_SETTINGS: LexiconSettings = {
  threshold: 0.6,
  maxGap: 2,
  fuzzyMinLength: 6,
  fuzzyFactor: 0.8,
  subjectFactor: 1.25,
  topicFactor: 0.5,
  topicHintWeight: 1,
  confidenceScale: 3,
  marginWeight: 0.6,
  excludedMarginWeight: 0.8,
  caveatThreshold: 2,
  maxEvidence: 20,
};

const CLAUSE_ID = /^4\.[12]\.\d+[a-z]?$/;
const CAVEAT_ID = /^4\.4\.\d+$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(where: string, msg: string): never {
  throw new Error(`Invalid classifier lexicon at ${where}: ${msg}`);
}

export function compileTerm(raw: unknown, language: Language, where: string, contexts?: Set<string>): CompiledTerm {
  let text: unknown;
  let weight: unknown = 1;
  let ctx: unknown;
  if (typeof raw === 'string') text = raw;
  else if (Array.isArray(raw)) {
    if (raw.length < 1 || raw.length > 3) fail(where, 'a term tuple must be ["text", weight?, "context"?]');
    [text, weight = 1, ctx] = raw;
  } else if (isObject(raw)) {
    text = raw.t;
    weight = raw.w ?? 1;
    ctx = raw.ctx;
  } else fail(where, `a term must be a string, a tuple or an object, got ${JSON.stringify(raw)}`);
  if (typeof text !== 'string' || text.trim() === '') fail(where, `term text must be a non-empty string, got ${JSON.stringify(text)}`);
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0 || weight > 20) {
    fail(where, `term "${text}" has weight ${JSON.stringify(weight)}; expected a number in (0, 20]`);
  }
  if (ctx !== undefined) {
    if (typeof ctx !== 'string') fail(where, `term "${text}" has a non-string context`);
    if (contexts && !contexts.has(ctx)) fail(where, `term "${text}" refers to unknown context "${ctx}"`);
  }
  const tokens: TokenPattern[] = [];
  for (const part of text.trim().split(/\s+/)) {
    const prefix = part.endsWith('*');
    const body = prefix ? part.slice(0, -1) : part;
    const toks = tokenize(body);
    if (toks.length === 0) fail(where, `term "${text}" has an empty token "${part}"`);
    toks.forEach((stem, i) => tokens.push(tokenPattern(stem, prefix && i === toks.length - 1)));
  }
  return { text, language, weight, tokens, indexHead: headOfLongestWord(tokens), ctx: ctx as string | undefined };
}

/**
 * The head a term is indexed by (match.ts, HeadDirectory): that of its longest word (the last of equally long ones). Every word of a
 * term must occur (each only among the text's tokens of its own head), so any of them rules a text in or out; a long word is the
 * rarest in a text ("does not *work*", "false *positive*": "doe", "fal" and "not" open many a word), so fewer terms are tried for
 * nothing. Null when every word is shorter than three letters (the term is always tried).
 */
function headOfLongestWord(tokens: readonly TokenPattern[]): string | null {
  let best: TokenPattern | null = null;
  for (const t of tokens) if (t.head !== null && (best === null || t.stem.length >= best.stem.length)) best = t;
  return best?.head ?? null;
}

/** Same pattern listed in several languages (e.g. "siem") counts once, at its highest weight. */
function dedupe(terms: CompiledTerm[]): CompiledTerm[] {
  const byKey = new Map<string, CompiledTerm>();
  for (const t of terms) {
    const key = `${t.tokens.map((p) => p.key).join(' ')}|${t.ctx ?? ''}`;
    const prev = byKey.get(key);
    if (!prev || t.weight > prev.weight) byKey.set(key, t);
  }
  return [...byKey.values()];
}

function compileLangMap(raw: unknown, where: string, contexts?: Set<string>): CompiledTerm[] {
  return dedupe(compileLangMapRaw(raw, where, contexts));
}

function compileLangMapRaw(raw: unknown, where: string, contexts?: Set<string>): CompiledTerm[] {
  if (raw === undefined) return [];
  if (!isObject(raw)) fail(where, 'expected an object keyed by language (en, lv, ru)');
  const out: CompiledTerm[] = [];
  for (const [lang, list] of Object.entries(raw)) {
    if (!(LANGUAGES as readonly string[]).includes(lang)) fail(`${where}.${lang}`, `unknown language "${lang}" (expected en, lv or ru)`);
    if (!Array.isArray(list)) fail(`${where}.${lang}`, 'expected an array of terms');
    list.forEach((t, i) => out.push(compileTerm(t, lang as Language, `${where}.${lang}[${i}]`, contexts)));
  }
  return out;
}

/** Validate and compile the lexicon file contents. Throws an Error naming the bad entry. */
export function loadLexicon(json: unknown): Lexicon {
  if (!isObject(json)) fail('root', 'expected an object');
  const version = json.version;
  if (typeof version !== 'string' || version === '') fail('version', 'expected a non-empty string');

  const settings: LexiconSettings = { ...DEFAULT_SETTINGS };
  if (json.settings !== undefined) {
    if (!isObject(json.settings)) fail('settings', 'expected an object');
    for (const [k, v] of Object.entries(json.settings)) {
      if (!(k in DEFAULT_SETTINGS)) fail(`settings.${k}`, 'unknown setting');
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(`settings.${k}`, `expected a non-negative number, got ${JSON.stringify(v)}`);
      (settings as unknown as Record<string, number>)[k] = v;
    }
    if (settings.threshold > 1) fail('settings.threshold', 'must be within 0..1');
  }

  const contexts: Record<string, CompiledTerm[]> = Object.create(null);
  if (json.contexts !== undefined) {
    if (!isObject(json.contexts)) fail('contexts', 'expected an object');
    for (const [name, map] of Object.entries(json.contexts)) {
      contexts[name] = compileLangMap(map, `contexts.${name}`);
      if (contexts[name].length === 0) fail(`contexts.${name}`, 'a context group needs at least one term');
    }
  }
  const ctxNames = new Set(Object.keys(contexts));

  if (!isObject(json.clauses)) fail('clauses', 'expected an object keyed by clause id');
  const clauses: ClauseEntry[] = [];
  for (const [id, raw] of Object.entries(json.clauses)) {
    const where = `clauses["${id}"]`;
    if (!CLAUSE_ID.test(id)) fail(where, 'clause id must look like 4.1.2a or 4.2.10');
    if (!isObject(raw)) fail(where, 'expected an object');
    const scope = raw.scope;
    if (scope !== 'included' && scope !== 'excluded') fail(`${where}.scope`, 'expected "included" or "excluded"');
    const label = typeof raw.label === 'string' ? raw.label : id;
    const terms = compileLangMap(raw.terms, `${where}.terms`, ctxNames);
    if (terms.length === 0) fail(`${where}.terms`, 'a clause needs at least one term');
    const negative = compileLangMap(raw.negative, `${where}.negative`, ctxNames);
    clauses.push({ id, scope, label, terms, negative });
  }
  if (clauses.length === 0) fail('clauses', 'no clauses');

  const caveats: CaveatEntry[] = [];
  if (json.caveats !== undefined) {
    if (!isObject(json.caveats)) fail('caveats', 'expected an object keyed by caveat id');
    for (const [id, raw] of Object.entries(json.caveats)) {
      const where = `caveats["${id}"]`;
      if (!CAVEAT_ID.test(id)) fail(where, 'caveat id must look like 4.4.1');
      if (!isObject(raw)) fail(where, 'expected an object');
      const terms = compileLangMap(raw.terms, `${where}.terms`, ctxNames);
      if (terms.length === 0) fail(`${where}.terms`, 'a caveat needs at least one term');
      caveats.push({ id, label: typeof raw.label === 'string' ? raw.label : id, terms });
    }
  }

  const topics: Record<string, string> = Object.create(null);
  if (json.topics !== undefined) {
    if (!isObject(json.topics)) fail('topics', 'expected an object topic → clause id');
    const ids = new Set(clauses.map((c) => c.id));
    for (const [k, v] of Object.entries(json.topics)) {
      if (typeof v !== 'string' || !ids.has(v)) fail(`topics["${k}"]`, `unknown clause ${JSON.stringify(v)}`);
      topics[topicKey(k)] = v;
    }
  }
  return { version, settings, clauses, caveats, contexts, topics };
}

/** Normalised topic key: folded tokens joined by '-'. */
/** Every term list of the lexicon: each clause's terms and negative cues, each caveat's terms, each context group. */
export function termLists(lexicon: Lexicon): ReadonlyArray<readonly CompiledTerm[]> {
  return [...lexicon.clauses.flatMap((c) => [c.terms, c.negative]), ...lexicon.caveats.map((c) => c.terms), ...Object.values(lexicon.contexts)];
}

export function topicKey(topic: string): string {
  return tokenize(topic).join('-');
}

const LEXICON_REL = path.join('config', 'classifier', 'lexicon.json');

/** Walk up from `start` to the folder holding package.json and config/classifier/lexicon.json. */
export function findLexiconFile(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, LEXICON_REL);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const fromCwd = path.resolve(process.cwd(), LEXICON_REL);
  if (fs.existsSync(fromCwd)) return fromCwd;
  throw new Error(`Classifier lexicon ${LEXICON_REL} not found above ${start} or in ${process.cwd()}`);
}

let cached: Lexicon | undefined;

/**
 * The shipped lexicon, config/classifier/lexicon.json (loaded once). Another lexicon is passed in
 * (`classify(input, lexicon)`, `splitProblems(..., lexicon)`); the domain reads no environment.
 */
export function defaultLexicon(): Lexicon {
  if (!cached) cached = loadLexicon(JSON.parse(fs.readFileSync(findLexiconFile(), 'utf8')));
  return cached;
}
