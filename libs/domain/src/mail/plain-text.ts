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
