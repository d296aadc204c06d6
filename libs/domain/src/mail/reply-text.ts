import { plainText } from './plain-text';

/**
 * The new text of a reply mail, without the history it quotes: everything from the first
 * attribution or separator line on (the mail the customer answered), and every line quoted with
 * `>` (inline answers between quotes stay). Mail clients' forms in English, Latvian and Russian:
 *
 *   On Mon, 1 Dec 2026 at 10:00, Support <support@example.com> wrote:     (Gmail, Apple Mail, Thunderbird; may wrap)
 *   2026. gada 1. dec., plkst. 10:00, Support <support@example.com> rakstīja:
 *   1 дек. 2026 г., в 10:00, Support <support@example.com> написал(а):  / ... пишет:
 *   пн, 1 дек. 2026 г. в 10:00, Support <support@example.com>:            (Gmail ru)
 *   -----Original Message----- / -----Sākotnējā ziņa----- / -----Исходное сообщение-----
 *   ________________________________  then From:/No:/От: ... Sent:/Nosūtīts:/Отправлено: ...   (Outlook)
 */
const ATTRIBUTION = /(wrote|rakstīja|написал|написала|написал\(а\)|пишет)\s*:\s*$/i;
/** How far into the line the attribution's date (a digit) and then its address may start. */
const ATTRIBUTION_REACH = 200;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const ADDRESS = /^[^<>\s]+@[^<>\s]+$/;
/**
 * "… 10:00, Support <support@example.com>:" (a date, then an address in angle brackets, then a colon, within the first
 * 400 characters): the pattern `^.{0,200}\d.{0,200}<[^<>\s]+@[^<>\s]+>\s*:\s*$`, read by hand, because that pattern
 * reached one "<" in up to 40,000 ways and followed each to the end of the line (~0.9 s for "1<a@a@…" in one message).
 */
function isAddressAttribution(line: string): boolean {
  const end = line.trimEnd();
  if (!end.endsWith(':')) return false;
  const gt = end.slice(0, -1).trimEnd().length - 1;
  if (gt < 0 || end[gt] !== '>') return false;
  const lt = line.lastIndexOf('<', gt - 1);
  if (lt < 0 || !ADDRESS.test(line.slice(lt + 1, gt))) return false;
  // no line break before the "<", and a digit at most 200 characters in with the "<" at most 200 characters after it
  if (LINE_BREAK.test(line.slice(0, lt))) return false;
  const from = Math.max(0, lt - 1 - ATTRIBUTION_REACH);
  const to = Math.min(lt - 1, ATTRIBUTION_REACH);
  for (let d = from; d <= to; d++) if (line.charCodeAt(d) >= 48 && line.charCodeAt(d) <= 57) return true;
  return false;
}
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(original message|sākotnējā ziņa|sākotnējais ziņojums|исходное сообщение|пересылаемое сообщение)\s*-{2,}\s*$/i;
const RULE = /^\s*_{10,}\s*$/;
const HEADER_FROM = /^\s*\*?(from|no|от|sender|sūtītājs)\*?\s*:\s*\S/i;
const HEADER_SENT = /^\s*\*?(sent|date|nosūtīts|datums|отправлено|дата)\*?\s*:\s*\S/i;
const QUOTED = /^\s*>/;

/** Is line `i` a mail client's attribution of the quoted mail ("On …, Support <…> wrote:", possibly wrapped over two lines)? */
export function isAttribution(lines: readonly string[], i: number): boolean {
  const line = lines[i];
  if (isAddressAttribution(line)) return true;
  if (ATTRIBUTION.test(line) && line.trim().length < 400) return true;
  // "On ..., Support <...>" wrapped before "wrote:".
  const next = lines[i + 1] ?? '';
  return /^\s*(on|am|le)\s/i.test(line) && ATTRIBUTION.test(next) && next.trim().length < 40;
}

/** Does a separator start the history at line `i` ("-----Original Message-----", Outlook's header block)? */
export function isHistorySeparator(lines: readonly string[], i: number): boolean {
  const line = lines[i];
  if (ORIGINAL_MESSAGE.test(line)) return true;
  // Outlook's header block: From:, then Sent:/Date: within the next lines (after an optional ____ rule).
  if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 4).some((l) => HEADER_SENT.test(l))) return true;
  return RULE.test(line) && lines.slice(i + 1, i + 3).some((l) => HEADER_FROM.test(l));
}

/**
 * A helpdesk's marker over its own mail, which the reply is written above ("##- Please type your reply above this line -##",
 * "-- Reply above this line --"): everything under it is the history.
 */
const REPLY_MARKER =
  /(?:reply|respond|answer|type your (?:reply|response)|write your (?:reply|response)) above this line|do not (?:write|reply|type) below this line|(?:ответ(?:ьте)?|введите ответ|напишите ответ) выше этой (?:строки|линии)|atbild\p{L}* virs šīs (?:līnijas|rindas)|vasta\p{L}* selle rea kohale|atsakykite virš šios eilutės/iu;
const REPLY_MARKER_LINE_MAX = 100;
export const isReplyMarker = (line: string): boolean => line.length <= REPLY_MARKER_LINE_MAX && REPLY_MARKER.test(line);

/** Does the history start at line `i` (an attribution, a separator or a helpdesk's reply marker)? */
const startsHistory = (lines: readonly string[], i: number): boolean => isAttribution(lines, i) || isHistorySeparator(lines, i) || isReplyMarker(lines[i]);

export function replyText(text: string): string {
  const lines = plainText(text).replace(/\r\n?/g, '\n').split('\n');
  const cut = lines.findIndex((_, i) => startsHistory(lines, i));
  return (cut < 0 ? lines : lines.slice(0, cut))
    .filter((line) => !QUOTED.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
