/**
 * What mail clients and companies append to every message: the signature (after a valediction or
 * "-- "), "Sent from my iPhone" and legal disclaimers. They are not the request, and they mislead
 * a reader of words: a Latvian or Estonian mail with an English disclaimer reads as English, and
 * "This e-mail has been scanned for viruses and malware" reads as a detection. A quoted earlier mail
 * ("On …, Support <…> wrote:" and its "> " lines, or all under "-----Original Message-----", Outlook's
 * "From: … Sent: …" or a helpdesk's "reply above this line") goes too: it is our answer or someone else's words.
 */
import { isAttribution, isReplyMarker } from '../mail/reply-text';
import { opensForwardedMail } from './forward-header';

/** A closing phrase in en/ru/lv/et/lt, at the start of a line. */
const VALEDICTION = new RegExp(
  '^(?:' +
    [
      '(?:best|kind|warm|warmest|many thanks and|thanks and|thanks &|with kind|with best)?\\s*regards',
      'br',
      'cheers',
      'sincerely(?: yours)?',
      'yours (?:sincerely|faithfully|truly)',
      'best(?: wishes)?',
      'all the best',
      'respectfully',
      'thanks?(?: you)?(?: very much| so much| a lot| again| in advance| for (?:your|any) (?:help|assistance|support)| for your time)*',
      'many thanks',
      'с уважением',
      'с наилучшими пожеланиями',
      'всего доброго',
      'всего хорошего',
      '(?:заранее )?(?:спасибо|благодарю)(?: заранее| за помощь| за ответ)*',
      'ar cieņu',
      'ar labākajiem vēlējumiem',
      'cieņā',
      'visu labu',
      'paldies(?: jau iepriekš| par palīdzību)*',
      'lugupidamisega',
      'parimate soovidega',
      'parimat',
      'tervitades',
      'tervitustega',
      '(?:tänan|aitäh)(?: ette| abi eest)*',
      'pagarbiai',
      'su pagarba',
      'geriausi linkėjimai',
      'linkėjimai',
      '(?:iš anksto )?(?:ačiū|dėkoju)(?: iš anksto| už pagalbą)*',
    ].join('|') +
    ')(?=$|[\\s,.!])',
  'iu',
);
/** What may follow it on the line: nothing, or a name after a comma ("Regards, John Miller"), not a sentence ("Thanks, the scan still fails"). */
const AFTER_VALEDICTION = /^[\s.!]*(?:,\s*(?:\p{Lu}[\p{L}'.-]*)(?:\s+\p{Lu}[\p{L}'.-]*){0,2}[\s.!]*|,?\s*)$/u;
/** A valediction with a name or three is a short line; a longer one is the customer's (and would cost the patterns above their square). */
const VALEDICTION_LINE_MAX = 120;

const isValediction = (line: string): boolean => {
  if (line.length > VALEDICTION_LINE_MAX) return false;
  const m = VALEDICTION.exec(line.trim());
  return !!m && AFTER_VALEDICTION.test(line.trim().slice(m[0].length));
};

/** "-- " (RFC 3676) and its common look-alikes ("---", a dash). */
const SIGNATURE_DELIMITER = /^\s*(?:-{2,3}|—|–)\s*$/u;

/** A mail client's footer line. */
const CLIENT_FOOTER = /^\s*(?:sent (?:from|with|via) .{1,40}|get outlook for .{1,20}|отправлено (?:с|из|через) .{1,40}|nosūtīts (?:no|ar) .{1,40}|saadetud .{1,40}|išsiųsta (?:iš|su) .{1,40})\s*$/iu;

/**
 * A legal or mail-gateway disclaimer: a virus-scan stamp or the print-saving plea, or a long
 * paragraph under a legal heading or about confidentiality and the addressee. The length keeps a
 * customer's own sentence ("the mail never reached the intended recipient") from looking like one.
 */
const STAMP =
  /(?:this|the) (?:e-?mail|message)(?: and any attachments?)? (?:has been|was|have been|were) (?:scanned|checked|screened)|(?:this|the) (?:e-?mail|message) was sent (?:from|via|using|through) (?:a|the|our) (?:contact|web|online|support|feedback) form|virus[- ]free\.?\s*(?:www\.)?(?:avast|avg)|avast\.com\/sig|avg\.com\/email|consider the environment before printing|think before you print|(?:письмо|сообщение) проверено (?:антивирусом|на вирусы)/iu;
const CONFIDENTIAL = /confidential|privileged|конфиденциал|konfidenciāl|konfidentsiaal|konfidencial/iu;
const ADDRESSEE = /intended (?:solely |only )?(?:for|recipient)|addressee|notify the sender|received (?:this|it) in error|адресат|получател|adresāt|saņēmēj|adressaat|saaja|adresat|gavėj/iu;
const LEGAL_HEADING = /^\W*(?:disclaimer|legal notice|confidentiality notice|important notice|privacy notice|уведомление о конфиденциальности|atruna|lahtiütlus)(?!\p{L})/iu;
const THIS_MESSAGE =
  /(?:this|the information (?:contained )?in this) (?:e-?mail|message|communication|transmission)|это (?:сообщение|письмо)|šis (?:e-pasts|ziņojums)|see (?:e-kiri|kiri|sõnum)|šis (?:laiškas|el\. laiškas|pranešimas)/iu;
const DISCLAIMER_MIN = 120;

const isDisclaimer = (paragraph: string): boolean =>
  STAMP.test(paragraph) || (paragraph.length >= DISCLAIMER_MIN && (LEGAL_HEADING.test(paragraph) || (ADDRESSEE.test(paragraph) && (CONFIDENTIAL.test(paragraph) || THIS_MESSAGE.test(paragraph)))));

/** A signature block: a few lines of a name, a title, a company, a phone, an address, a web address. */
const SIGNATURE_LINE_MAX = 80;
const SIGNATURE_LINES_MAX = 10;

const SIGNATURE_WORDS_MAX = 7;
/** A name, a title, a company, a phone: short, and not a sentence of the story ("I tried compiling it myself but no luck."). */
const isSignatureLine = (line: string): boolean => {
  const t = line.trim();
  // words, not the digits of a phone or the bars between a company and its address
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return t.length <= SIGNATURE_LINE_MAX && words <= SIGNATURE_WORDS_MAX && !/\?$/.test(t) && !(words >= 4 && /[.!]$/.test(t));
};

interface Paragraph {
  /** Index of its first line. */
  from: number;
  lines: string[];
}

function paragraphsOf(lines: readonly string[]): Paragraph[] {
  const out: Paragraph[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const last = out[out.length - 1];
    if (last && last.from + last.lines.length === i) last.lines.push(line);
    else out.push({ from: i, lines: [line] });
  });
  return out;
}

const isQuoted = (line: string): boolean => /^\s*>/.test(line);

/** Above a forwarded mail, fewer words of the customer's own ("FYI, see below") leave the forwarded text as the request. */
const OWN_WORDS_ABOVE_FORWARD_MIN = 8;
const wordsIn = (lines: readonly string[]): number => lines.reduce((n, l) => n + (l.match(/\p{L}+/gu)?.length ?? 0), 0);

/**
 * Where a quoted earlier mail starts: an attribution with only quoted lines after it ("> " alone may be
 * the customer's own list, and "You wrote: > … And what about …" answers between the quotes).
 */
function quotedHistoryStart(lines: readonly string[]): number {
  // (the last line with words, and the last such line not quoted: one pass, not one per candidate line)
  const lastWhere = (keep: (line: string) => boolean): number => {
    for (let i = lines.length - 1; i >= 0; i--) if (keep(lines[i])) return i;
    return -1;
  };
  const lastWritten = lastWhere((l) => !!l.trim());
  const lastUnquoted = lastWhere((l) => !!l.trim() && !isQuoted(l));
  const quotedToTheEnd = (i: number) => lastWritten > i && lastUnquoted <= i;
  const attributed = lines.findIndex((_, i) => isAttribution(lines, i) && (quotedToTheEnd(i) || quotedToTheEnd(i + 1)));
  // A separator's history is not quoted line by line; what is above it must say something, or the customer only forwarded it ("see below").
  const opened = lines.findIndex((_, i) => opensForwardedMail(lines, i));
  const separated = opened >= 0 && wordsIn(lines.slice(0, opened)) >= OWN_WORDS_ABOVE_FORWARD_MIN ? opened : -1;
  // A helpdesk's "reply above this line": the reply is above it, however short.
  const marked = lines.findIndex(isReplyMarker);
  const starts = [attributed, separated, marked].filter((i) => i >= 0);
  return starts.length ? Math.min(...starts) : lines.length;
}

/**
 * The line at which the appended tail starts (the number of lines when there is none): a quoted
 * earlier mail, and above it, walking back from the end: disclaimers, client footers and a block after "-- " always go; a block of
 * short lines goes only when a valediction opens it or a block above it, so a last paragraph of
 * short sentences about the problem stays.
 */
function tailStart(lines: readonly string[]): number {
  const end = quotedHistoryStart(lines);
  const paragraphs = paragraphsOf(lines.slice(0, end));
  let cut = end;
  for (let p = paragraphs.length - 1; p >= 0; p--) {
    const { from, lines: ls } = paragraphs[p];
    if (isDisclaimer(ls.join(' ')) || ls.every((l) => CLIENT_FOOTER.test(l))) {
      cut = from;
      continue;
    }
    // Within the paragraph: a delimiter or a valediction followed only by signature lines.
    // (only the last lines can open a signature: tried first, so that 5,000 "--" lines are not each followed to the end)
    const opener = ls.findIndex((l, i) => ls.length - i <= SIGNATURE_LINES_MAX && (SIGNATURE_DELIMITER.test(l) || isValediction(l)) && ls.slice(i + 1).every(isSignatureLine));
    if (opener >= 0) {
      cut = from + opener;
      if (opener > 0) break;
      continue;
    }
    // Client footer lines ending a paragraph of the customer's text.
    let footer = ls.length;
    while (footer > 0 && CLIENT_FOOTER.test(ls[footer - 1])) footer--;
    if (footer < ls.length) {
      cut = from + footer;
      break;
    }
    // Short lines (a name, a title, a phone) count only if a valediction or a delimiter opens them above.
    if (ls.length > SIGNATURE_LINES_MAX || !ls.every(isSignatureLine)) break;
  }
  return cut;
}

/** A message split where its appended tail starts: `body + tail` is the text; `tail` is '' when there is none, or when nothing would be left above it. */
export function splitTail(text: string): { body: string; tail: string } {
  const lines = text.split('\n');
  const start = tailStart(lines);
  if (start >= lines.length) return { body: text, tail: '' };
  const body = lines.slice(0, start).join('\n').trimEnd();
  return /[\p{L}\p{N}]/u.test(body) ? { body, tail: text.slice(body.length) } : { body: text, tail: '' };
}
