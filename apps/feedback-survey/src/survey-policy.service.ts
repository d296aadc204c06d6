import { Inject, Injectable } from '@nestjs/common';
import { loadSurveyPolicy, type SurveyLanguage, type SurveyPolicy, type SurveyTextKey } from '@support/domain';
import { repoRoot, SETTINGS, type Settings } from '@support/platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads and validates the survey policy once at start (SURVEY_POLICY_FILE or config/surveys/policy.json). */
export function readSurveyPolicy(file: string): SurveyPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`survey policy ${file} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  return loadSurveyPolicy(raw, `survey policy ${file}`);
}

@Injectable()
export class SurveyPolicyService {
  readonly policy: SurveyPolicy;
  readonly file: string;

  constructor(@Inject(SETTINGS) settings: Settings) {
    this.file = settings.surveyPolicyFile ?? join(repoRoot(), 'config', 'surveys', 'policy.json');
    this.policy = readSurveyPolicy(this.file);
  }

  text(lang: SurveyLanguage, key: SurveyTextKey, values: Record<string, string> = {}): string {
    return this.policy.texts[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m);
  }

  isFeedbackType(id: string): boolean {
    return this.policy.feedbackTypes.some((t) => t.id === id);
  }
}
