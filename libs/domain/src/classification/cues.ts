import type { Lexicon } from './lexicon';
import { occursIn, type TextHeads } from './match';

/** The lexicon's context groups naming products: a security product (ours, whoever's name) and another vendor's. */
const SECURITY = 'security-product';
const THIRD_PARTY = 'third-party-product';

/**
 * Who the message is about, as features for the model: is a security product named, is another vendor's
 * program or the OS named ("Chrome crashes after the update" is 4.2.7; "Kaspersky crashes after the
 * update" is 4.1.1): one feature for any of a group's many names, which single words cannot give.
 * Empty when the lexicon has no such groups. `heads`: the request's subject and description, indexed.
 */
export function productCues(heads: TextHeads, lexicon: Lexicon): string[] {
  const named = (group: string) => occursIn(lexicon.contexts[group] ?? [], heads);
  return [...(named(SECURITY) ? ['g:security'] : []), ...(named(THIRD_PARTY) ? ['g:third-party'] : [])];
}
