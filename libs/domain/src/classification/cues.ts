import type { Lexicon } from './lexicon';
import { TermsByHead, TextIndex } from './match';

/** The lexicon's context groups naming products: a security product (ours, whoever's name) and another vendor's. */
const SECURITY = 'security-product';
const THIRD_PARTY = 'third-party-product';

/**
 * Who the message is about, as features for the model: is a security product named, is another vendor's
 * program or the OS named ("Chrome crashes after the update" is 4.2.7; "Kaspersky crashes after the
 * update" is 4.1.1): one feature for any of a group's many names, which single words cannot give. Empty when the lexicon has no such groups.
 */
export function productCues(subject: string, description: string, lexicon: Lexicon): string[] {
  const security = lexicon.contexts[SECURITY];
  const thirdParty = lexicon.contexts[THIRD_PARTY];
  if (!security || !thirdParty) return [];
  const texts = [new TextIndex(subject, lexicon.settings), new TextIndex(description, lexicon.settings)];
  const named = (terms: typeof security) =>
    TermsByHead.of(terms)
      .candidates(texts)
      .some((t) => texts.some((x) => x.match(t, 1) > 0));
  const ours = named(security);
  const theirs = named(thirdParty);
  return [...(ours ? ['g:security'] : []), ...(theirs ? ['g:third-party'] : [])];
}
