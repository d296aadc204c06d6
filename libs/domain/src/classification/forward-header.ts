/**
 * A forwarded mail's opening: the separator ("---------- Forwarded message ---------", "Begin forwarded message:") and
 * the header lines under it ("From: …", "Date: …", "Subject: …", "To: …"). Under a long note the forwarded mail is
 * history and mail-tail.ts cuts it; under a short one ("FYI, see below") it is the request, read without its header.
 */
import { isHistorySeparator } from '../mail/reply-text';

const FORWARDED =
  /^\s*(?:-{2,}\s*(?:forwarded message|пересылаемое сообщение|pārsūtīt\p{L}* (?:ziņa|vēstule)|edastatud (?:kiri|sõnum)|persiųst\p{L}* laišk\p{L}*)\s*-{2,}|begin forwarded message:)\s*$/iu;
const HEADER_LINE =
  /^\s*(?:\*\*|\*)?(?:from|to|cc|bcc|date|sent|subject|reply-to|от|кому|копия|дата|отправлено|тема|no|kam|kopija|datums|nosūtīts|temats|saatja|kellele|kuupäev|teema|nuo|data|išsiųsta|tema)(?:\*\*|\*)?\s*:/iu;

/** Does a forwarded or earlier mail start at line `i`? */
export const opensForwardedMail = (lines: readonly string[], i: number): boolean => FORWARDED.test(lines[i]) || isHistorySeparator(lines, i);

/** The text without each forwarded mail's separator and the header lines right under it (as written when there is none). */
export function withoutForwardHeaders(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!opensForwardedMail(lines, i)) {
      kept.push(lines[i]);
      continue;
    }
    // Outlook's block starts with its first header line; a separator line stands above them (perhaps a blank line apart).
    if (!HEADER_LINE.test(lines[i])) i++;
    while (i < lines.length && !lines[i].trim()) i++;
    while (i < lines.length && HEADER_LINE.test(lines[i])) i++;
    i--;
  }
  const out = kept.join('\n').trim();
  return kept.length === lines.length || !/[\p{L}\p{N}]/u.test(out) ? text : out;
}
