import type { Lexicon } from './lexicon';
import { occursIn, type TextHeads } from './match';

/** The lexicon's context groups naming products: a security product (ours, whoever's name) and another vendor's. */
const SECURITY = 'security-product';
const THIRD_PARTY = 'third-party-product';
/** ... and what the customer says of switching it off: switched off, then nothing changed, or then it worked. */
const SWITCHED_OFF = 'switched-off';
const NO_CHANGE = 'no-change';
const WORKS_THEN = 'works-then';

/**
 * Who the message is about, as features for the model: is a security product named, is another vendor's
 * program or the OS named ("Chrome crashes after the update" is 4.2.7; "Kaspersky crashes after the
 * update" is 4.1.1): one feature for any of a group's many names, which single words cannot give.
 * Empty when the lexicon has no such groups. `heads`: the request's subject and description, indexed.
 */
export function productCues(heads: TextHeads, lexicon: Lexicon): string[] {
  const named = (group: string) => occursIn(lexicon.contexts[group] ?? [], heads);
  return [...(named(SECURITY) ? ['g:security'] : []), ...(named(THIRD_PARTY) ? ['g:third-party'] : []), ...outcomeCues(heads, lexicon)];
}

/**
 * Whose fault it is, told by switching the product off: "turned off real-time protection -> same", "касперского отключал — не
 * помогло" (another program's or the device's problem) against "if I exit it from the tray, Firefox opens normally" (ours). A
 * switch-off and an outcome in the same sentence or the next one; which clause each points to is the model's to learn.
 */
function outcomeCues(heads: TextHeads, lexicon: Lexicon): string[] {
  const off = sentencesWith(SWITCHED_OFF, heads, lexicon);
  if (off.every((found) => found.size === 0)) return [];
  const after = (group: string): boolean => {
    const found = sentencesWith(group, heads, lexicon);
    return off.some((sentences, t) => [...sentences].some((s) => found[t].has(s) || found[t].has(s + 1)));
  };
  return [...(after(NO_CHANGE) ? ['g:off-no-change'] : []), ...(after(WORKS_THEN) ? ['g:off-works'] : [])];
}

/** Per text, the sentences where a term of the group occurs. */
function sentencesWith(group: string, heads: TextHeads, lexicon: Lexicon): Array<Set<number>> {
  const terms = lexicon.contexts[group] ?? [];
  const candidates = heads.candidates(terms);
  return heads.texts.map((text) => new Set(candidates.flatMap((i) => text.sentencesOf(terms[i]))));
}
