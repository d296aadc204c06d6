import { MAIL_TEXT_READ_MAX } from '@support/domain';
import { htmlToText } from 'html-to-text';
import type { ParsedMail } from 'mailparser';

/**
 * HTML longer than this is not converted whole (mailparser's `maxHtmlLengthToParse`): 9 MB of paragraphs took 6.7 s of
 * the process. A customer's HTML mail is far shorter (Outlook's markup for 20,000 characters of text is ~100–200 KB).
 */
export const MAIL_HTML_PARSE_MAX = 256 * 1024;
/** Of a longer HTML body, its first characters are read: the customer's latest words come first, above the quoted history. */
const MAIL_HTML_HEAD = 64 * 1024;
/** As mailparser converts: no deeper than this many nested elements (its own guard against a stack overflow). */
const HTML_MAX_DEPTH = 1000;

/** How a received mail is parsed: no HTML version of the text (nothing reads it), and HTML converted to text within the bound above. */
export const MAIL_PARSE_OPTIONS = { skipTextToHtml: true, maxHtmlLengthToParse: MAIL_HTML_PARSE_MAX } as const;

/** What the customer wrote, as far as it is read (MAIL_TEXT_READ_MAX): the text part, or the HTML's text. */
export function mailText(mail: ParsedMail): string {
  const text = mail.text ?? '';
  const html = typeof mail.html === 'string' ? mail.html : '';
  if (text.trim() === '' && html.length > MAIL_HTML_PARSE_MAX) return htmlToText(html.slice(0, MAIL_HTML_HEAD), { limits: { maxDepth: HTML_MAX_DEPTH } }).slice(0, MAIL_TEXT_READ_MAX);
  return text.slice(0, MAIL_TEXT_READ_MAX);
}
