/**
 * Characters of a mail's text, or of its subject, that are read at all. A request keeps at most 20,000 and a reply as
 * many; the contract lets a mail be 10 MB, and reading a 9 MB text whole (control characters, quoted history) held
 * the mail-in process for ~7 s.
 */
export const MAIL_TEXT_READ_MAX = 100_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** C0 controls but tab, line feed and carriage return, and DEL. */
const isControl = (code: number) => (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;

/**
 * Text from a mail as the database and the pages can take it: no NUL or other control characters
 * (tab and line breaks stay), no lone UTF-16 surrogates (replaced). A mail may carry anything, and
 * PostgreSQL refuses a NUL in text: the mail would be answered 451 and retried for ever.
 */
export function plainText(text: string): string {
  let out = '';
  for (const char of text.replace(LONE_SURROGATE, '\uFFFD')) if (!isControl(char.charCodeAt(0))) out += char;
  return out;
}
