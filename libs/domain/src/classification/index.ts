/**
 * Request classification (support rules 4.1 / 4.2 / 4.4) and problem splitting (rule 2.3).
 * Pure domain code: no Nest, no database, no Redis. The lexicon is data (config/classifier/lexicon.json).
 */
export type { Language, Evidence, ClauseScore, ClassifierInput, ClassifierResult, SplitPart, Field } from './types';
export { LANGUAGES } from './types';
export { detectLanguage } from './language';
export { classify, classifyByLexicon, warmClassifier, DEFAULT_CONFIDENCE_THRESHOLD, isExcludedClause, isIncludedClause } from './classify';
export { splitProblems } from './split';
export { loadLexicon, defaultLexicon, findLexiconFile } from './lexicon';
export type { Lexicon, LexiconSettings, ClauseEntry, CaveatEntry, CompiledTerm } from './lexicon';
export { fold, tokenize } from './normalise';
export { loadModel, defaultModel, isWordFeature, predict, NO_CLAUSE } from './model';
export type { Model, Prediction } from './model';
export { extractFeatures, MIN_NORM_FEATURES } from './features';
export { productCues } from './cues';
export { modelFeatures } from './classify';
export { outOfScopeOf, withDeclinesOnEvidence } from './decline-evidence';
export type { FeatureVector } from './features';
