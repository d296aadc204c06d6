import { ClassifierInput, ClassifierResult, ClauseScore, Evidence, Field, Language } from './types';
import { CompiledTerm, defaultLexicon, Lexicon, topicKey } from './lexicon';
import { languageOfWords } from './language';
import { HeadDirectory, occursIn, TextHeads, TextIndex } from './match';
import { extractFeatures, type FeatureVector } from './features';
import { productCues } from './cues';
import { outOfScopeOf, withDeclinesOnEvidence } from './decline-evidence';
import { defaultModel, type Model, NO_CLAUSE, predict } from './model';
import { isExcludedClause } from './clause-kind';
import { customerWords } from './customer-words';

/** Below this confidence the scope is `unknown` and the request goes to human triage. */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.6;

export { isExcludedClause, isIncludedClause } from './clause-kind';

interface Fields {
  partSubject: boolean;
  subject: TextIndex;
  description: TextIndex;
  topic: TextIndex;
}

function fieldsOf(input: ClassifierInput, lexicon: Lexicon): Fields {
  const s = lexicon.settings;
  return {
    partSubject: PART_SUBJECT.test(input.subject ?? ''),
    subject: new TextIndex(input.subject ?? '', s),
    description: new TextIndex(input.description ?? '', s),
    topic: new TextIndex(input.topic ?? '', s),
  };
}

/** A hit sharing some (not all) words with a heavier hit counts at this factor. */
const PARTIAL_OVERLAP = 0.5;
/** Subject of a part produced by splitProblems ("… (1/2)"): it describes the whole submission. */
const PART_SUBJECT = /\(\d+\/\d+\)\s*$/;
const PART_SUBJECT_FACTOR = 0.4;

interface Hit {
  term: CompiledTerm;
  field: Field;
  value: number;
  positions: number[];
}

/** Best (field, factor, positions) where a term matches; topic only counts at topicFactor. */
function bestMatch(term: CompiledTerm, f: Fields, lexicon: Lexicon, withTopic: boolean): Hit | null {
  const s = lexicon.settings;
  let best: Hit | null = null;
  const consider = (field: Field, idx: TextIndex, factor: number): void => {
    if (idx.tokens.length === 0) return;
    const m = idx.locate(term, s.fuzzyFactor);
    if (m && (!best || m.value * factor > best.value)) best = { term, field, value: m.value * factor, positions: m.positions };
  };
  consider('description', f.description, 1);
  consider('subject', f.subject, f.partSubject ? s.subjectFactor * PART_SUBJECT_FACTOR : s.subjectFactor);
  if (withTopic) consider('topic', f.topic, s.topicFactor);
  return best;
}

/**
 * Matches a list of terms and keeps, greedily by weight, only hits whose words were not already
 * used by a heavier hit of the same list (a phrase and its own stem count once).
 */
function collectHits(terms: CompiledTerm[], reading: Reading, lexicon: Lexicon, withTopic: boolean): Hit[] {
  const hits: Array<Hit & { order: number }> = [];
  for (const i of (withTopic ? reading.headsWithTopic() : reading.heads).candidates(terms)) {
    const term = terms[i];
    const m = bestMatch(term, reading.f, lexicon, withTopic);
    if (!m) continue;
    if (term.ctx && !contextHolds(term.ctx, reading, lexicon)) continue;
    hits.push({ ...m, order: i });
  }
  // heavier first; ties in the list's order
  hits.sort((a, b) => b.term.weight * b.value - a.term.weight * a.value || a.order - b.order);
  const used = new Set<string>();
  const kept: Hit[] = [];
  for (const h of hits) {
    const keys = h.positions.map((p) => `${h.field}:${p}`);
    const overlap = keys.filter((k) => used.has(k)).length;
    if (overlap === keys.length) continue; // subsumed by a heavier hit
    keys.forEach((k) => used.add(k));
    const { order: _order, ...hit } = h;
    kept.push(overlap > 0 ? { ...hit, value: hit.value * PARTIAL_OVERLAP } : hit);
  }
  return kept;
}

function contextHolds(name: string, { heads, memo }: Reading, lexicon: Lexicon): boolean {
  const known = memo.get(name);
  if (known !== undefined) return known;
  const terms = (Object.hasOwn(lexicon.contexts, name) ? lexicon.contexts[name] : undefined) ?? [];
  const ok = occursIn(terms, heads);
  memo.set(name, ok);
  return ok;
}

const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

/** The text read once, for the lexicon, the product cues and the model: its indexed fields, their heads and matched contexts. */
interface Reading {
  f: Fields;
  /** the subject's and description's heads */
  heads: TextHeads;
  /** ... and the topic's */
  headsWithTopic(): TextHeads;
  memo: Map<string, boolean>;
}

function read(input: ClassifierInput, lexicon: Lexicon): Reading {
  const f = fieldsOf(input, lexicon);
  const directory = HeadDirectory.of(lexicon);
  const heads = new TextHeads([f.description, f.subject], directory);
  let withTopic: TextHeads | undefined = f.topic.tokens.length === 0 ? heads : undefined;
  return { f, heads, headsWithTopic: () => (withTopic ??= new TextHeads([f.description, f.subject, f.topic], directory)), memo: new Map() };
}

/** What is read of a request: the customer's words, without the signature and disclaimers a mail carries (customer-words.ts). */
const ownWords = (input: ClassifierInput): ClassifierInput => ({ ...input, description: customerWords(input.description ?? '') });

/** `known`: the word features the model has weights for (all of them when it is not given: the training script's first pass). */
const featuresOf = (input: ClassifierInput, lexicon: Lexicon, { heads }: Reading, lex: ClassifierResult, known?: (feature: string) => boolean): FeatureVector =>
  extractFeatures(input.subject ?? '', input.description ?? '', lex, lex.language, productCues(heads, lexicon), known);

/** What the model is given for a request, with the lexicon's result it includes (the training script's view of classify). */
export function modelFeatures(request: ClassifierInput, lexicon: Lexicon = defaultLexicon(), known?: (feature: string) => boolean): { lex: ClassifierResult; features: FeatureVector } {
  const input = ownWords(request);
  const reading = read(input, lexicon);
  const lex = byLexicon(input, lexicon, reading);
  return { lex, features: featuresOf(input, lexicon, reading, lex, known) };
}

/**
 * The request's clause: the lexicon's scores and phrases (classifyByLexicon) go with the customer's
 * words into the learned model (model.ts), whose calibrated probability is the confidence. Evidence:
 * the matched phrases and the model's strongest features. Without a model file, or with a lexicon of another version than the model was trained on, the lexicon decides.
 */
export function classify(request: ClassifierInput, lexicon: Lexicon = defaultLexicon(), model: Model | null = defaultModel()): ClassifierResult {
  const input = ownWords(request);
  const reading = read(input, lexicon);
  const lex = byLexicon(input, lexicon, reading);
  // The model learned how far to trust this lexicon's scores: with another lexicon (a test's, an operator's own) it does not apply.
  if (!model || model.lexiconVersion !== lexicon.version || reading.f.subject.tokens.length + reading.f.description.tokens.length === 0) return lex;
  const prediction = predict(
    model,
    featuresOf(input, lexicon, reading, lex, (f) => model.weights.index.has(f)),
  );
  // Nothing the lexicon or the model knows: the model's answer would be its prior, not evidence.
  if (!lex.clause && prediction.knownWords === 0) return lex;
  // The best clause and its probability; the "no clause" class only takes probability away from them.
  const probabilities = withDeclinesOnEvidence(prediction.probabilities, model.classes, lex.ranking);
  const order = probabilities
    .map((p, k) => ({ p, k }))
    .filter((o) => model.classes[o.k] !== NO_CLAUSE)
    .sort((a, b) => b.p - a.p);
  const best = order[0];
  const clause = model.classes[best.k];
  const learned: Evidence[] = prediction.contributions(best.k, MODEL_EVIDENCE).map((c) => ({
    clause,
    language: lex.language,
    term: `model:${c.feature}`,
    field: 'description',
    weight: round(c.weight, 2),
  }));
  const phrases = lex.evidence.filter((e) => e.clause === clause || lex.caveats.includes(e.clause));
  return {
    ...lex,
    clause,
    confidence: round(best.p),
    evidence: [...phrases, ...learned].slice(0, lexicon.settings.maxEvidence),
    ranking: order.slice(0, 5).map((o) => ({ clause: model.classes[o.k], score: round(o.p) })),
    outOfScope: round(outOfScopeOf(probabilities, model.classes)),
    modelVersion: model.version,
  };
}

/** How many of the model's strongest features are shown as evidence. */
const MODEL_EVIDENCE = 5;

/**
 * Scores every clause of 4.1 / 4.2 by the weighted lexicon terms found in the subject, the
 * description and (as a weak hint) the customer's topic; negative cues subtract. Confidence
 * combines the strength of the best score with its margin over the runner-up; excluded clauses
 * (which lead to an automatic decline) need a larger margin.
 */
export function classifyByLexicon(request: ClassifierInput, lexicon: Lexicon = defaultLexicon(), { caveats = true }: { caveats?: boolean } = {}): ClassifierResult {
  const input = ownWords(request);
  return byLexicon(input, lexicon, read(input, lexicon), caveats);
}

/** withCaveats false: the clause scores alone (the splitter weighs fragments; 4.4.x caveats are the whole request's). */
function byLexicon(input: ClassifierInput, lexicon: Lexicon, reading: Reading, withCaveats = true): ClassifierResult {
  const s = lexicon.settings;
  const language: Language = input.language ?? languageOfWords(`${input.subject ?? ''}\n${input.description ?? ''}`);
  const evidence: Evidence[] = [];
  const scores: ClauseScore[] = [];

  const topic = input.topic ? topicKey(input.topic) : '';
  // The topic is the customer's text: only the table's own keys count (never Object.prototype's).
  const topicClause = topic && Object.hasOwn(lexicon.topics, topic) ? lexicon.topics[topic] : undefined;
  // No word to match and no topic to go by ("> :: |" lines a splitter weighs by the thousand): nothing can score.
  const { subject, description, topic: topicWords } = reading.f;
  if (subject.tokens.length + description.tokens.length + topicWords.tokens.length === 0 && !topicClause)
    return { clause: null, confidence: 0, caveats: [], language, evidence: [], ranking: [], lexiconVersion: lexicon.version };

  // text = evidence from subject + description; hint = evidence from the customer's topic.
  const text = new Map<string, number>();
  const hint = new Map<string, number>();
  for (const clause of lexicon.clauses) {
    let t = 0;
    let h = 0;
    // a topic that names a known category is used through the topics table only (not twice)
    for (const hit of collectHits(clause.terms, reading, lexicon, !topicClause)) {
      const w = hit.term.weight * hit.value;
      if (hit.field === 'topic') h += w;
      else t += w;
      evidence.push({ clause: clause.id, language: hit.term.language, term: hit.term.text, field: hit.field, weight: round(w, 2) });
    }
    for (const hit of collectHits(clause.negative, reading, lexicon, false)) {
      const w = hit.term.weight * hit.value;
      t -= w;
      evidence.push({ clause: clause.id, language: hit.term.language, term: hit.term.text, field: hit.field, weight: -round(w, 2) });
    }
    if (topicClause === clause.id) {
      h += s.topicHintWeight;
      evidence.push({ clause: clause.id, language, term: `topic:${input.topic}`, field: 'topic', weight: s.topicHintWeight });
    }
    t = Math.max(0, t);
    text.set(clause.id, t);
    hint.set(clause.id, h);
    scores.push({ clause: clause.id, score: round(t + h) });
  }

  scores.sort((a, b) => b.score - a.score || a.clause.localeCompare(b.clause));
  // Confidence: the topic is a hint, it can at most double the text evidence of a clause and
  // never stands alone (topic-only → confidence 0 → unknown).
  const effective = (id: string): number => (text.get(id) ?? 0) + Math.min(hint.get(id) ?? 0, text.get(id) ?? 0);
  const top = scores[0];
  let clause: string | null = null;
  let confidence = 0;
  if (top && top.score > 0) {
    clause = top.clause;
    const eff = effective(top.clause);
    if (eff > 0) {
      const second = Math.max(0, ...scores.slice(1).map((x) => effective(x.clause)));
      const strength = 1 - Math.exp(-eff / s.confidenceScale);
      const margin = Math.max(0, (eff - second) / eff);
      const mw = isExcludedClause(clause) ? s.excludedMarginWeight : s.marginWeight;
      confidence = round(strength * (1 - mw + mw * margin));
    }
  }

  const caveats = withCaveats ? detectCaveats(reading, lexicon, evidence) : [];

  const shown = evidence
    .filter((e) => e.clause === clause || caveats.includes(e.clause) || e.weight < 0)
    .concat(evidence.filter((e) => !(e.clause === clause || caveats.includes(e.clause) || e.weight < 0)))
    .slice(0, s.maxEvidence);

  return {
    clause,
    confidence,
    caveats,
    language,
    evidence: shown,
    ranking: scores.filter((x) => x.score > 0).slice(0, 5),
    lexiconVersion: lexicon.version,
  };
}

function detectCaveats(reading: Reading, lexicon: Lexicon, evidence: Evidence[]): string[] {
  const out: string[] = [];
  for (const cav of lexicon.caveats) {
    let score = 0;
    const ev: Evidence[] = [];
    for (const h of collectHits(cav.terms, reading, lexicon, false)) {
      const w = h.term.weight * h.value;
      score += w;
      ev.push({ clause: cav.id, language: h.term.language, term: h.term.text, field: h.field, weight: round(w, 2) });
    }
    if (score >= lexicon.settings.caveatThreshold) {
      out.push(cav.id);
      evidence.push(...ev);
    }
  }
  return out.sort();
}

/**
 * Loads the lexicon and the model now rather than on the first request: reading and compiling them
 * takes ~0.8 s (a 6 MB model), which the first customer's request (or an SLA warning due 1.5 s
 * after it, in a test) should not wait for. Stages that classify or split call it at start-up.
 */
export function warmClassifier(): void {
  defaultLexicon();
  defaultModel();
}
