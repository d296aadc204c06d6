/** The rules the benches decide by: the version in force now, loaded as the system loads config/rules (RulesService). */
import { join } from 'path';
import { ruleSetInForce, type RuleSet } from '../../libs/domain/src/rules';
import { loadRuleSets } from '../../libs/platform/src/reference/rules.service';
import { repoRoot } from '../../libs/platform/src/reference/repo-root';

export function rulesInForceNow(): RuleSet {
  return ruleSetInForce(loadRuleSets(join(repoRoot(), 'config', 'rules')), new Date());
}
