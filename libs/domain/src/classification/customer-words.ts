import { withoutForwardHeaders } from './forward-header';
import { withoutGreeting } from './mail-greeting';
import { splitTail } from './mail-tail';
import { withoutTemplateNoise } from './template-noise';

/**
 * What the classifier reads of a message: the customer's own words, without the template and the
 * pasted logs around them (template-noise.ts), the signature and disclaimers under them
 * (mail-tail.ts), the greeting above them (mail-greeting.ts) and a forwarded mail's header
 * (forward-header.ts). The stored request keeps everything.
 */
export function customerWords(text: string): string {
  if (!text) return text;
  return withoutGreeting(withoutForwardHeaders(splitTail(withoutTemplateNoise(text)).body));
}
