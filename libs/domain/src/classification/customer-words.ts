import { splitTail } from './mail-tail';
import { withoutTemplateNoise } from './template-noise';

/**
 * What the classifier reads of a message: the customer's own words, without the template and the
 * pasted logs around them (template-noise.ts) and the signature and disclaimers under them
 * (mail-tail.ts). The stored request keeps everything.
 */
export function customerWords(text: string): string {
  if (!text) return text;
  return splitTail(withoutTemplateNoise(text)).body;
}
