/** Shared types of the request classifier (pure domain: no Nest, no I/O besides the lexicon loader). */
export type Language = 'en' | 'lv' | 'ru' | 'et' | 'lt';
export const LANGUAGES: readonly Language[] = ['en', 'lv', 'ru', 'et', 'lt'];

export type Field = 'subject' | 'description' | 'topic';

/** One piece of matched evidence, shown on the request timeline so a person can see why. */
export interface Evidence {
  clause: string;
  language: Language;
  term: string;
  field: Field;
  weight: number;
}

export interface ClauseScore {
  clause: string;
  score: number;
}

export interface ClassifierInput {
  subject: string;
  description: string;
  topic?: string;
  language?: Language;
}

export interface ClassifierResult {
  /** best clause id of 4.1.x / 4.2.x, null when nothing matched */
  clause: string | null;
  /** 0..1, calibrated so that DEFAULT_CONFIDENCE_THRESHOLD is meaningful */
  confidence: number;
  /** subset of 4.4.1..4.4.6, sorted */
  caveats: string[];
  /** given or detected */
  language: Language;
  /** what matched (bounded) */
  evidence: Evidence[];
  /** top few clauses with scores */
  ranking: ClauseScore[];
  /**
   * The model's probability that the problem is outside standard support, whichever exclusion (4.2.x) it is: the
   * excluded clauses' probabilities together, conditioned like the confidence. Absent when the lexicon decided alone.
   */
  outOfScope?: number;
  /** the `version` of the lexicon that classified it (config/classifier/lexicon.json), recorded like the rules version */
  lexiconVersion: string;
  /** the `version` of the learned model (config/classifier/model.json) when one took part */
  modelVersion?: string;
}

export interface SplitPart {
  subject: string;
  description: string;
}
