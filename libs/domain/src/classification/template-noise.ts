import { isAttribution } from '../mail/reply-text';
import { isField, isFieldAnswer, isFieldHeading } from './form-fields';
import { VERDICT } from './verdict';

/**
 * What a form or an issue template puts around the customer's words, and what they paste under
 * them: headings and instructions ("**Describe the bug**", "A clear and concise description of
 * what the bug is", "Steps to reproduce the behavior: 1. Go to '...'"), checklists, HTML comments,
 * form fields, logs, stack traces and the rest of a long code block. The labelling guide trims
 * these from the corpus by hand (LABELLING.md, "Trimming"), so the model never learnt to read
 * them, and on untrimmed text they swamp the words that decide: the real dev lines wrapped in
 * GitHub's default bug template were decided right 54 % of the time instead of 84 %
 * (bench/README.md). A line that names a verdict (a log's "Trojan.Win32.Agent detected") is the
 * customer's evidence and stays.
 */

const FENCE = /^\s*(?:```|~~~)/;
/** A heading, markdown or only bold words, perhaps with a colon; a template's are a few words ("### Steps to reproduce"), a customer's may say more. */
const HEADING = /^\s*(?:#{1,6}\s+(.*)|(?:\*\*|__)([^*_\n]{1,80})(?:\*\*|__)\s*(?::\s*)?)$/;
const HEADING_WORDS_MAX = 6;
/** An issue form's label may ask a longer question ("### What browsers are you seeing the problem on?"). */
const HEADING_QUESTION_WORDS_MAX = 14;
const headingText = (line: string): string | undefined => {
  const m = HEADING.exec(line);
  return m ? (m[1] ?? m[2]).trim() : undefined;
};
const isTemplateHeading = (line: string): boolean => {
  const label = headingText(line);
  if (label === undefined) return false;
  const words = label.split(/\s+/).length;
  return words <= HEADING_WORDS_MAX || (words <= HEADING_QUESTION_WORDS_MAX && /[?:]$/.test(label));
};
/** A template's checklist item: a tick box and an affirmation ("- [x] I have searched the existing issues"), not a customer's own list of faults. */
const CHECKLIST_ITEM = /^\s*(?:(?:[-*+]|\d+\.)\s*)?\[[ xX✓]?\]\s*(?:i\b|i['’]|my\b|this (?:is|issue|bug)\b|я\b|es\b|ma\b|aš\b)/iu;
/** A template's placeholder: "[e.g. iOS]", "Go to '...'", a list item of dots (and "<!-- … -->" on one line: hasComment). */
const PLACEHOLDER = /\[e\.g\.|\be\.g\.\s*\[|'\.{3,}'|"\.{3,}"|^\s*(?:[-*]|\d+\.)\s*(?:\.{2,}|…)\s*$/iu;
/** "<!-- … -->" on one line (found with indexOf: the pattern `<!--.*-->` followed every unclosed "<!--" to the line's end). */
const hasComment = (line: string): boolean => {
  const open = line.indexOf('<!--');
  return open >= 0 && line.indexOf('-->', open + 4) >= 0;
};
/** The instructions of the issue templates most trackers start from. */
const INSTRUCTION =
  /a clear and concise description|steps to reproduce the behaviou?r|if applicable, add screenshots|add any other context about the problem|please complete the following information|tell us what (?:you expected|happened)|describe (?:the|your) (?:bug|issue|problem) (?:here|below|in detail)|before submitting|search(?:ed)? (?:the )?existing issues|^\s*\d+\.\s*see error\s*$/iu;
/** An issue form's question answered with a word ("Does this issue occur when all extensions are disabled?: Yes"). */
const ANSWERED_QUESTION = /^\s*(?:[-*]\s*)?[^?\n]{3,150}\?\s*(?::\s*)?(?:yes|no|n\/a|none|not sure|да|нет|jā|nē|jah|ei|taip|ne)\.?\s*$/iu;
/** A system's note in brackets ("[Ticket created via email]", "[image: screenshot.png]"); a verdict in brackets is evidence. */
const BRACKETED_NOTE = /^\s*\[[^\]\n]{1,60}\]\s*$/u;
/** A horizontal rule, a pasted image, or an HTML tag that folds a log away ("<details>", "<summary>Log</summary>"). */
const MARKUP_LINE = /^\s*(?:[-_*=~]{3,}|!\[[^\]\n]{0,80}\]\([^)\s]{1,300}\)|<\/?(?:details|summary|br|p|div|img|sub|sup)\b[^<>\n]{0,200}>(?:[^<>\n]{0,40}<\/summary>)?)\s*$/iu;
/** What a form writes for a field left empty ("_No response_" on GitHub). */
const NO_RESPONSE = /^\s*_?no response_?\s*$/iu;
/**
 * A form's label on a line of its own ("Steps to Reproduce:", "Message:", "Текст обращения:"): what follows is the customer's.
 * Only a form's usual labels: a customer's own ("False detection:", "Two things:", "Bitdefender says:") tell what follows.
 */
const LABEL_ONLY = new RegExp(
  '^\\s*(?:(?:steps )?to reproduce|steps to reproduce(?: the (?:issue|problem|behaviou?r))?|how to reproduce|reproduction steps|' +
    '(?:expected|actual|observed) (?:behaviou?r|results?)|message|description|details|additional (?:info(?:rmation)?|context|details)|' +
    '(?:system |pc |machine )?specs|environment|system (?:info(?:rmation)?|specifications)|' +
    'текст (?:обращения|сообщения)|сообщение|описание|подробности|шаги (?:для|по) воспроизведени[юя]|ожидаемое поведение|фактическое поведение|' +
    'ziņojums|apraksts|sõnum|kirjeldus|pranešimas|aprašymas)\\s*:\\s*$',
  'iu',
);
/** A log or trace line: it starts with a date and time or a time, or is a stack frame. */
const LOG_LINE =
  /^\s*(?:\[?\d{4}[-/.]\d{2}[-/.]\d{2}[ T]\d{1,2}:\d{2}|\[?\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}[ ,]+\d{1,2}:\d{2}|\[?\d{1,2}:\d{2}:\d{2}[.,:\]\s]|at [\w$.<>/\\]+\s?[:(]|File ".+", line \d+|0x[0-9a-f]{8,}|[A-Z][a-zA-Z]*(?:Exception|Error)(?::|\s+at\s))/u;

/**
 * The text without what lies between `open` and `close` (an unclosed one stays), in one pass: `/<!--[\s\S]*?-->/g`
 * searched the rest of the text from every unclosed "<!--".
 */
function withoutBetween(text: string, open: string, close: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, from)) {
    const end = text.indexOf(close, at + open.length);
    if (end < 0) break;
    out += text.slice(from, at);
    from = end + close.length;
  }
  return out + text.slice(from);
}

/** Without "<!-- … -->" comments, and a forum's "[quote=…] … [/quote]": another person's words. */
const withoutCommentsAndQuotes = (text: string): string => withoutBetween(withoutBetween(withoutBetween(text, '<!--', '-->'), '[quote', '[/quote]'), '[QUOTE', '[/QUOTE]');

/** How many lines of a code block are read. */
const FENCED_LINES_READ = 6;

/** A line a form or template wrote, or a field of facts. */
const isFormLine = (line: string): boolean =>
  isField(line) ||
  CHECKLIST_ITEM.test(line) ||
  PLACEHOLDER.test(line) ||
  hasComment(line) ||
  INSTRUCTION.test(line) ||
  ANSWERED_QUESTION.test(line) ||
  NO_RESPONSE.test(line) ||
  MARKUP_LINE.test(line) ||
  (BRACKETED_NOTE.test(line) && !VERDICT.test(line)) ||
  LABEL_ONLY.test(line);

/** The text without template headings, instructions, checklists, HTML comments, logs, traces and long code blocks (as written when none; never empty when the text is not). */
export function withoutTemplateNoise(text: string): string {
  const withoutComments = withoutCommentsAndQuotes(text);
  const kept: string[] = [];
  let inFence = false;
  let fenced = 0;
  // Under a heading that names a field ("### Version"), until the next heading.
  let inFieldSection = false;
  const lines = withoutComments.split('\n');
  for (const [i, line] of lines.entries()) {
    // The patterns read the line from its first mark: a leading "\s*" would be retried at every one of 20,000 spaces.
    const bare = line.trimStart();
    if (FENCE.test(bare)) {
      inFence = !inFence;
      fenced = 0;
      continue;
    }
    const heading = !inFence && isTemplateHeading(bare);
    if (heading) inFieldSection = isFieldHeading(headingText(bare) ?? '');
    // A code block's first lines are what the customer saw (an error text, a config); past them it is a pasted log.
    const noise = inFence
      ? (++fenced > FENCED_LINES_READ || LOG_LINE.test(bare)) && !VERDICT.test(line)
      : // a mail client's attribution starts with a date and time too ("02.03.2026, 09:14, Support <…>:"); mail-tail.ts cuts the quote under it
        LOG_LINE.test(bare) && !isAttribution(lines, i)
        ? !VERDICT.test(line)
        : heading || isFormLine(bare) || (inFieldSection && isFieldAnswer(bare));
    if (!noise) kept.push(line);
  }
  const cleaned = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (cleaned === text.trim()) return text;
  return /[\p{L}\p{N}]/u.test(cleaned) ? cleaned : text;
}
