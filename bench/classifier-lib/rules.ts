/** The shipped rules the benches decide by (the pipeline decides by the version in force; the latest is the one in force now). */
import * as fs from 'fs';
import * as path from 'path';
import { findLexiconFile } from '../../libs/domain/src/classification';
import { loadRuleSet, type RuleSet } from '../../libs/domain/src/rules';

export function latestRules(): RuleSet {
  const dir = path.join(path.dirname(path.dirname(findLexiconFile())), 'rules');
  const sets = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => loadRuleSet(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f));
  return sets.sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom)).at(-1)!;
}
