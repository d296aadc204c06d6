import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SHIPPED_RULES_FILE = join(__dirname, '../../config/rules/2022-04-07.json');

/** The shipped rules file as raw JSON, to derive other versions from. */
export const shippedRules = (): Record<string, any> => JSON.parse(readFileSync(SHIPPED_RULES_FILE, 'utf8'));

/** A rules directory of its own: one `<version>.json` per rule set given. */
export class RulesDir {
  readonly path = mkdtempSync(join(tmpdir(), 'rules-'));

  constructor(...ruleSets: Record<string, any>[]) {
    for (const set of ruleSets) this.write(set);
  }

  /** Drops a new version file into the directory (a deployment adding a rules version). */
  write(ruleSet: Record<string, any>): this {
    writeFileSync(join(this.path, `${ruleSet.version}.json`), JSON.stringify(ruleSet, null, 2));
    return this;
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
