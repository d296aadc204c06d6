import { detectLanguage, type Language, LANGUAGES, type Lexicon, splitProblems, type SplitPart } from '../classification';
import { fillTemplate, replyLanguage, type RuleSet, type SplitMode } from '../rules';

/** What intake does with a submission under rule 2.3 ("one problem – one request"). */
export interface SubmissionSplit {
  mode: SplitMode;
  /** The requests to store: one per problem in `split` mode, otherwise the submission as it is. */
  parts: SplitPart[];
  /** How many separate problems were found (1 when splitting is off or there is only one). */
  problemsDetected: number;
  /**
   * What the customer is told, in the reply language: the list of the requests registered
   * (`split`), or the request to submit one request per problem (`ask`). Null otherwise.
   */
  notice: string | null;
  /** The language the notice is written in. */
  language: Language;
}

const SUMMARY_MAX = 80;

/** The lines every part starts with: the intro the splitter copied into each part. */
function sharedIntro(parts: SplitPart[]): number {
  const lines = parts.map((p) => p.description.split('\n'));
  let n = 0;
  while (lines.every((l) => l.length > n + 1 && l[n] === lines[0][n])) n++;
  return n;
}

/** A short quote of each problem for the customer's list: its first sentence, shortened. */
function summaries(parts: SplitPart[]): string[] {
  const skip = sharedIntro(parts);
  return parts.map((p) => {
    const text = p.description.split('\n').slice(skip).join(' ').replace(/\s+/g, ' ').trim();
    const first = (text.match(/^.+?[.!?](?=\s|$)/u)?.[0] ?? text).trim();
    return first.length > SUMMARY_MAX ? `${first.slice(0, SUMMARY_MAX - 1).trimEnd()}…` : first;
  });
}

/**
 * At most this many requests from one submission. A message "of" more problems is a list of something else (files, log
 * lines, a pasted FAQ) or an attempt to flood the desk: one 20,000-character submission of 400 "Also, …?" paragraphs
 * made 400 requests. Such a submission is kept whole, and the customer is asked for one request per problem (`ask`),
 * with the first of them quoted.
 */
export const MAX_SPLIT_PARTS = 10;

/**
 * Rule 2.3 under the rules' `splitting` setting: `split` registers one request per problem and
 * tells the customer which; `ask` keeps one request and asks the customer to submit one request
 * per problem; `off` does neither (the splitter does not even run).
 */
export function splitSubmission(rules: RuleSet, input: SplitPart, language?: string | null, lexicon?: Lexicon): SubmissionSplit {
  const given = (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Language) : undefined;
  const lang = replyLanguage(given ?? detectLanguage(`${input.subject}\n${input.description}`));
  const single: SubmissionSplit = { mode: rules.splitting, parts: [input], problemsDetected: 1, notice: null, language: lang };
  if (rules.splitting === 'off') return single;
  const found = lexicon ? splitProblems(input, given, lexicon) : splitProblems(input, given);
  if (found.length < 2) return single;
  const capped = found.length > MAX_SPLIT_PARTS;
  const mode: SplitMode = capped ? 'ask' : rules.splitting;
  const quoted = summaries(found.slice(0, MAX_SPLIT_PARTS)).map((s, i) => (lang === 'ru' ? `${i + 1}) «${s}»` : `${i + 1}) “${s}”`));
  const list = [...quoted, ...(capped ? ['…'] : [])].join('; ');
  const key = mode === 'split' ? 'split' : 'ask-split';
  const notice = fillTemplate(rules.messages[lang][key], { count: String(found.length), list });
  return {
    mode,
    parts: mode === 'split' ? found : [input],
    problemsDetected: found.length,
    notice,
    language: lang,
  };
}
