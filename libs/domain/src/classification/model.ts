import * as fs from 'fs';
import * as path from 'path';
import type { FeatureVector } from './features';
import { findLexiconFile } from './lexicon';

/**
 * The learned clause model (config/classifier/model.json, written by `npm run train:classifier`):
 * multinomial logistic regression over features.ts, with a temperature fitted on out-of-fold
 * predictions so that its probability is calibrated (the triage threshold keeps its meaning).
 * Weights are sparse: per feature, [class index, weight] pairs.
 */
/** The model's class for "no clause": a message with nothing to place (greeting, empty question). */
export const NO_CLAUSE = 'none';

export interface Model {
  version: string;
  /** the lexicon version whose scores the model was trained on */
  lexiconVersion: string;
  classes: string[];
  bias: number[];
  temperature: number;
  weights: FeatureWeights;
}

/**
 * The sparse weights, flat: feature i's [class, weight] pairs are classes[start[i]..start[i + 1]) and the same range of
 * weights. Read for every feature of every text: one number per feature in the map and contiguous arrays after it
 * (a pair of typed arrays per feature, 43,000 of them, cost ~40 % more per prediction in cache misses).
 */
export interface FeatureWeights {
  index: Map<string, number>;
  names: string[];
  start: Int32Array;
  classes: Uint16Array;
  weights: Float64Array;
}

export interface Prediction {
  probabilities: number[];
  /** how many of the text's word / pair / 4-gram features the model knows */
  knownWords: number;
  /** per class, the features that pushed it most (for the evidence on the timeline) */
  contributions(classIndex: number, n: number): Array<{ feature: string; weight: number }>;
}

function fail(msg: string): never {
  throw new Error(`Invalid classifier model: ${msg}`);
}

export function loadModel(json: unknown): Model {
  const m = json as Record<string, unknown>;
  if (!m || typeof m !== 'object') fail('expected an object');
  if (typeof m.version !== 'string' || typeof m.lexiconVersion !== 'string') fail('version and lexiconVersion are required');
  const classes = m.classes;
  if (!Array.isArray(classes) || classes.some((c) => typeof c !== 'string') || classes.length < 2) fail('classes must be a list of clause ids');
  const bias = m.bias;
  if (!Array.isArray(bias) || bias.length !== classes.length || bias.some((b) => typeof b !== 'number')) fail('bias must have one number per class');
  const temperature = m.temperature;
  if (typeof temperature !== 'number' || !(temperature > 0)) fail('temperature must be a positive number');
  if (!m.weights || typeof m.weights !== 'object') fail('weights must be an object');
  const entries = Object.entries(m.weights as Record<string, unknown>);
  const index = new Map<string, number>();
  const start: number[] = [0];
  const classOf: number[] = [];
  const weightOf: number[] = [];
  for (const [feature, pairs] of entries) {
    if (!Array.isArray(pairs)) fail(`weights of ${feature} must be [class, weight] pairs`);
    for (const p of pairs) {
      if (!Array.isArray(p) || !Number.isInteger(p[0]) || p[0] < 0 || p[0] >= classes.length || typeof p[1] !== 'number') fail(`bad weight ${JSON.stringify(p)} of ${feature}`);
      classOf.push(p[0]);
      weightOf.push(p[1]);
    }
    index.set(feature, start.length - 1);
    start.push(classOf.length);
  }
  const weights: FeatureWeights = {
    index,
    names: entries.map(([feature]) => feature),
    start: Int32Array.from(start),
    classes: Uint16Array.from(classOf),
    weights: Float64Array.from(weightOf),
  };
  return { version: m.version as string, lexiconVersion: m.lexiconVersion as string, classes: classes as string[], bias: bias as number[], temperature, weights };
}

export function predict(model: Model, x: FeatureVector): Prediction {
  const logits = [...model.bias];
  let knownWords = 0;
  const { index, names, start, classes, weights } = model.weights;
  // the features the model knows, with their values, kept for the evidence
  const known: number[] = [];
  for (const [f, value] of x) {
    const i = index.get(f);
    if (i === undefined) continue;
    known.push(i, value);
    if (isWordFeature(f)) knownWords++;
    for (let j = start[i]; j < start[i + 1]; j++) logits[classes[j]] += weights[j] * value;
  }
  const scaled = logits.map((l) => l / model.temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return {
    probabilities: exps.map((e) => e / sum),
    knownWords,
    contributions(k: number, n: number) {
      const out: Array<{ feature: string; weight: number }> = [];
      for (let q = 0; q < known.length; q += 2) {
        const i = known[q];
        const value = known[q + 1];
        for (let j = start[i]; j < start[i + 1]; j++) {
          if (classes[j] !== k) continue;
          if (weights[j] * value > 0) out.push({ feature: names[i], weight: weights[j] * value });
          break;
        }
      }
      return out.sort((a, b) => b.weight - a.weight).slice(0, n);
    },
  };
}

/** "w:…", "b:…", "c:…": a word, a word pair or a 4-gram (a character test: this runs for every feature of every text). */
export function isWordFeature(f: string): boolean {
  const c = f.charCodeAt(0);
  return f.charCodeAt(1) === 58 && (c === 119 || c === 98 || c === 99);
}

let cached: Model | null | undefined;

/** The shipped model, config/classifier/model.json beside the lexicon (loaded once); null when there is none. */
export function defaultModel(): Model | null {
  if (cached === undefined) {
    const file = path.join(path.dirname(findLexiconFile()), 'model.json');
    cached = fs.existsSync(file) ? loadModel(JSON.parse(fs.readFileSync(file, 'utf8'))) : null;
  }
  return cached;
}
