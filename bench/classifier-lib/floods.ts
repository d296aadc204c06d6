/**
 * The longest submissions the contract takes (20,000 characters), written to cost the splitter and the classifier the most:
 * one phrase repeated, many short "Also, …?" lines, long lists of problems. What one such submission costs as the intake and
 * the classification stage handle it (rule 2.3 under the rules in force, then each request classified) is printed, best of
 * three, so that work growing faster than the text shows here (an unbounded re-read of the splitter's cost ~2 s once).
 */
import { DESCRIPTION_MAX_LENGTH } from '../../libs/contracts/src';
import { classify } from '../../libs/domain/src/classification';
import { splitSubmission } from '../../libs/domain/src/triage/split-submission';
import { rulesInForceNow } from './rules';

const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n');

export const FLOODS: Array<{ name: string; text: string }> = [
  { name: 'one phrase repeated', text: 'false positive detected as trojan '.repeat(600) },
  { name: '"Also, …?" lines', text: lines(1500, (i) => `Also, the scan crashes ${i}?`) },
  { name: 'list, one problem per item', text: lines(800, (i) => `- the scan crashes at step ${i}`) },
  { name: 'list, two problems alternating', text: lines(600, (i) => (i % 2 ? `- the scan crashes at step ${i}` : `- my licence key ${i} is refused`)) },
  { name: 'numbered list, long items', text: lines(600, (i) => `${(i % 98) + 1}. my licence key ${i} is not accepted anymore`) },
  // what a pattern that tries every way to cut a run, or searches the rest of the text from every place, chokes on
  { name: '"-- " signature delimiters', text: '-- \n'.repeat(5000) },
  { name: 'dots', text: '...'.repeat(6667) },
  { name: 'spaces before a word', text: `${' '.repeat(19_990)}Hello` },
  { name: 'unclosed "<!--"', text: '<!--'.repeat(5000) },
  { name: 'valediction and dots', text: `Regards, A${'.'.repeat(19_980)}?` },
  { name: 'an address that never closes', text: `1<${'a@'.repeat(9_990)}` },
  // found by a random search: an opening of word-less lines before a marker, re-read (and re-hashed) as it grew
  { name: 'marks without words, then "Secondly"', text: `${lines(7000, (i) => (i % 2 ? '' : '> :'))}\nSecondly, the scan crashes.` },
].map((f) => ({ ...f, text: f.text.slice(0, DESCRIPTION_MAX_LENGTH) }));

export interface FloodCost {
  name: string;
  chars: number;
  /** problems found, and requests made of them (at most MAX_SPLIT_PARTS: more are kept as one) */
  problems: number;
  requests: number;
  ms: number;
}

export function measureFloods(): FloodCost[] {
  const rules = rulesInForceNow();
  return FLOODS.map(({ name, text }) => {
    let best = Infinity;
    let split = splitSubmission(rules, { subject: 'x', description: text });
    for (let i = 0; i < 3; i++) {
      const started = process.cpuUsage();
      split = splitSubmission(rules, { subject: 'x', description: text });
      split.parts.forEach((p) => classify({ subject: p.subject, description: p.description }));
      const used = process.cpuUsage(started);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return { name, chars: text.length, problems: split.problemsDetected, requests: split.parts.length, ms: best };
  });
}
