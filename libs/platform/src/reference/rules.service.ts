import { Inject, Injectable } from '@nestjs/common';
import { loadRuleSet, type RuleSet, ruleSetInForce } from '@support/domain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS, type Settings } from '../settings';

/** Loads every rules version from RULES_DIR (config/rules) at start (a bad file stops the process). */
export function loadRuleSets(dir: string): RuleSet[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new Error(`no rules files in ${dir}`);
  return files.map((file) => loadRuleSet(JSON.parse(readFileSync(join(dir, file), 'utf8')), join(dir, file)));
}

/** The support rules, all versions: a request is judged by the one in force when it was received. */
@Injectable()
export class RulesService {
  readonly versions: RuleSet[];

  constructor(@Inject(SETTINGS) settings: Settings) {
    this.versions = loadRuleSets(settings.rulesDir);
  }

  inForce(at: Date): RuleSet {
    return ruleSetInForce(this.versions, at);
  }

  /** The version a request recorded; a version removed from config is a configuration error. */
  byVersion(version: string): RuleSet {
    const set = this.versions.find((v) => v.version === version);
    if (!set) throw new Error(`rules version ${version} is not loaded (config/rules)`);
    return set;
  }

  /** The version a request is judged by: the one it recorded when it was received. */
  of(request: { id: string; rulesVersion: string | null }): RuleSet {
    if (!request.rulesVersion) throw new Error(`request ${request.id} records no rules version`);
    return this.byVersion(request.rulesVersion);
  }

  /** A clause's English title in a version, or null when the version or the clause is not known. */
  clauseTitle(version: string, id: string): string | null {
    return this.versions.find((v) => v.version === version)?.clauses[id]?.title.en ?? null;
  }
}
