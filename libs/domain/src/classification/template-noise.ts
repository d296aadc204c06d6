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

/** A detection's words: kept from a log or a code block, the rest of which is dropped. */
const VERDICT = /trojan|virus|malware|worm|adware|riskware|ransom|heur|not-a-virus|pua|pup\b|exploit|backdoor|detect|quarantin|threat|infect|suspicious|blocked/iu;

const FENCE = /^\s*(?:```|~~~)/;
/** A heading, markdown or only bold words, perhaps with a colon; a template's are a few words ("### Steps to reproduce"), a customer's may say more. */
const HEADING = /^\s*(?:#{1,6}\s+(.*)|(?:\*\*|__)([^*_\n]{1,80})(?:\*\*|__)\s*(?::\s*)?)$/;
const HEADING_WORDS_MAX = 6;
const isTemplateHeading = (line: string): boolean => {
  const m = HEADING.exec(line);
  return !!m && (m[1] ?? m[2]).trim().split(/\s+/).length <= HEADING_WORDS_MAX;
};
/** A template's checklist item: a tick box and an affirmation ("- [x] I have searched the existing issues"), not a customer's own list of faults. */
const CHECKLIST_ITEM = /^\s*(?:(?:[-*+]|\d+\.)\s*)?\[[ xX✓]?\]\s*(?:i\b|i['’]|my\b|this (?:is|issue|bug)\b|я\b|es\b|ma\b|aš\b)/iu;
/** A template's placeholder: "[e.g. iOS]", "Go to '...'" (and "<!-- … -->" on one line: hasComment). */
const PLACEHOLDER = /\[e\.g\.|\be\.g\.\s*\[|'\.{3,}'|"\.{3,}"/iu;
/** "<!-- … -->" on one line (found with indexOf: the pattern `<!--.*-->` followed every unclosed "<!--" to the line's end). */
const hasComment = (line: string): boolean => {
  const open = line.indexOf('<!--');
  return open >= 0 && line.indexOf('-->', open + 4) >= 0;
};
/** The instructions of the issue templates most trackers start from. */
const INSTRUCTION =
  /a clear and concise description|steps to reproduce the behaviou?r|if applicable, add screenshots|add any other context about the problem|please complete the following information|tell us what (?:you expected|happened)|describe (?:the|your) (?:bug|issue|problem) (?:here|below|in detail)|before submitting|search(?:ed)? (?:the )?existing issues|^\s*\d+\.\s*see error\s*$/iu;
/**
 * A form's field with a short value ("OS: Windows 10 Pro", "Version: 21.3", "License: ABCDE-…", "Attached: report.zip"):
 * facts for the agent, not the problem, and "License:" or "OS:" read as a licence or an operating-system question.
 * A value that says something ("Licence key: ABCD-1234 is not accepted") is the customer's words.
 */
const FIELD =
  /^\s*(?:[-*]\s*)?(?:app |product |os |browser )?(?:product|version|build|os|operating system|platform|browser|device|licen[cs]e(?: key)?|key|attached|attachments?|продукт|версия|ос|лицензия|ключ|вложени[ея]|produkts|versija|licence|pielikum[si]|toode|versioon|litsents|manus(?:ed)?|produktas|licencija|priedai)\s*:\s*([^?]{0,40})$/iu;
const FIELD_VALUE_WORDS_MAX = 4;
const SAYS_SOMETHING = /(?:^|\s)(?:not|no|never|expired|не|нет|ne|nav|ei|neveikia|nedarbojas)(?=\s|$)/iu;
const isField = (line: string): boolean => {
  const value = FIELD.exec(line)?.[1];
  return value !== undefined && value.trim().split(/\s+/).length <= FIELD_VALUE_WORDS_MAX && !SAYS_SOMETHING.test(value);
};
/** A log or trace line: it starts with a date and time or a time, or is a stack frame. */
const LOG_LINE =
  /^\s*(?:\[?\d{4}[-/.]\d{2}[-/.]\d{2}[ T]\d{1,2}:\d{2}|\[?\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}[ ,]+\d{1,2}:\d{2}|\[?\d{1,2}:\d{2}:\d{2}[.,:\]\s]|at [\w$.<>/\\]+[:(]|File ".+", line \d+|0x[0-9a-f]{8,}|[A-Z][a-zA-Z]*(?:Exception|Error)(?::|\s+at\s))/u;

/** The text without its "<!-- … -->" comments (an unclosed one stays), in one pass: `/<!--[\s\S]*?-->/g` searched the rest of the text from every unclosed "<!--". */
function withoutHtmlComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    out += text.slice(from, open);
    from = close + 3;
  }
  return out + text.slice(from);
}

/** How many lines of a code block are read. */
const FENCED_LINES_READ = 6;

/** The text without template headings, instructions, checklists, HTML comments, logs, traces and long code blocks (as written when none; never empty when the text is not). */
export function withoutTemplateNoise(text: string): string {
  const withoutComments = withoutHtmlComments(text);
  const kept: string[] = [];
  let inFence = false;
  let fenced = 0;
  for (const line of withoutComments.split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      fenced = 0;
      continue;
    }
    // A code block's first lines are what the customer saw (an error text, a config); past them it is a pasted log.
    const noise = inFence
      ? (++fenced > FENCED_LINES_READ || LOG_LINE.test(line)) && !VERDICT.test(line)
      : LOG_LINE.test(line)
        ? !VERDICT.test(line)
        : isTemplateHeading(line) || isField(line) || CHECKLIST_ITEM.test(line) || PLACEHOLDER.test(line) || hasComment(line) || INSTRUCTION.test(line);
    if (!noise) kept.push(line);
  }
  const cleaned = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (cleaned === text.trim()) return text;
  return /[\p{L}\p{N}]/u.test(cleaned) ? cleaned : text;
}
