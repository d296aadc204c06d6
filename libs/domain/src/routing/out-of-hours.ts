import type { AcknowledgedDetail } from '@support/contracts';
import { type CalendarSpec, isOpen, nextOpening } from '../calendar';
import { fillTemplate, replyLanguage, type RuleSet } from '../rules';
import type { Language } from '../classification';

import { DateTime } from 'luxon';

const LOCALES: Record<Language, string> = { en: 'en-GB', lv: 'lv-LV', ru: 'ru-RU', et: 'et-EE', lt: 'lt-LT' };

/**
 * Rule 2.2: a request that arrives while its team is closed is acknowledged with when the team
 * opens, in the customer's language and the team's time zone. Null while the team is open.
 */
export function outOfHoursNotice(rules: RuleSet, calendar: CalendarSpec | null, language: string | null, at: Date): AcknowledgedDetail | null {
  if (!calendar || isOpen(calendar, at)) return null;
  const opensAt = nextOpening(calendar, at);
  if (!opensAt) return null;
  const lang = replyLanguage(language);
  const local = DateTime.fromJSDate(opensAt, { zone: calendar.timezone }).setLocale(LOCALES[lang]);
  const message = fillTemplate(rules.messages[lang]['out-of-hours'], {
    opensAt: local.toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY),
    timezone: calendar.timezone,
  });
  return { opensAt: opensAt.toISOString(), timezone: calendar.timezone, message, clauses: ['2.2'] };
}
