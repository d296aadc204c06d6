import { isExcludedClause } from './clause-kind';

/**
 * An automatic decline cites what the customer wrote: the model may pick an excluded clause (4.2.x)
 * only when the lexicon found a phrase of that clause in the text (another vendor's program for 4.2.7,
 * "please add" for 4.2.1 …). Public posts that name a third party taught the model words such as "the
 * update fails"; written to us about our product, such a message is ours (4.1.1), not a decline.
 * The other clauses' probabilities are conditioned on that: divided by what remains.
 */
export function withDeclinesOnEvidence(probabilities: readonly number[], classes: readonly string[], lexiconRanking: ReadonlyArray<{ clause: string; score: number }>): number[] {
  const evidenced = new Set(lexiconRanking.filter((r) => r.score > 0).map((r) => r.clause));
  const kept = probabilities.map((p, k) => (isExcludedClause(classes[k]) && !evidenced.has(classes[k]) ? 0 : p));
  const sum = kept.reduce((a, b) => a + b, 0);
  return sum > 0 ? kept.map((p) => p / sum) : [...probabilities];
}

/** The probability that a problem is out of scope at all, whichever exclusion (ClassifierResult.outOfScope): the excluded clauses' together. */
export function outOfScopeOf(probabilities: readonly number[], classes: readonly string[]): number {
  return probabilities.reduce((sum, p, k) => (isExcludedClause(classes[k]) ? sum + p : sum), 0);
}
