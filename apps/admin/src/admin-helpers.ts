import { NotFoundException } from '@nestjs/common';
import { InvalidInputError } from '@support/contracts';
import { type CalendarSpec, HIGHEST_PRIORITY, LOWEST_PRIORITY } from '@support/domain';
import { ID_PATTERN } from './reference.dto';

export const checkId = (id: string, field = 'id') => {
  if (!ID_PATTERN.test(id)) throw new InvalidInputError([{ field, messages: [`${field} must be 1–64 letters, digits, dot, dash or underscore`] }]);
  return id;
};

export const found = <T>(row: T | null | false, what: string): T => {
  if (!row) throw new NotFoundException(`${what} not found`);
  return row;
};

/** Problems from a domain validator (calendars, SLA plans) as a 400 naming the field. */
export const checkSpec = (field: string, problems: string[]) => {
  if (problems.length > 0) throw new InvalidInputError([{ field, messages: problems }]);
};

/** A reference to another record: the field, what it names, and whether that exists. */
export interface Reference {
  field: string;
  what: string;
  id: string;
  exists: boolean;
}

/**
 * References to records that do not exist: 422 naming each field and the missing record (a
 * licence for an unknown product or plan, a team on an unknown calendar, an agent in an unknown
 * team). Nothing is stored.
 */
export const checkReferences = (references: Reference[]) => {
  const missing = references.filter((r) => !r.exists);
  if (missing.length === 0) return;
  const byField = new Map<string, string[]>();
  for (const r of missing) byField.set(r.field, [...(byField.get(r.field) ?? []), `${r.what} "${r.id}" does not exist: create it first`]);
  throw new InvalidInputError(
    [...byField].map(([field, messages]) => ({ field, messages })),
    422,
  );
};

/**
 * Intervals whose end is not after their start. The calendar model reads such an interval as
 * crossing midnight, but on the admin API it is far more often a mistake (["18:00", "09:00"]):
 * a night shift is written as two intervals split at midnight (["22:00", "24:00"] and the next
 * day's ["00:00", "06:00"]; touching intervals are merged). Call after validateCalendar passed
 * (times are then "HH:MM", whose string order is their time order).
 */
export function reversedIntervals(spec: Pick<CalendarSpec, 'weekly' | 'overrides'>): string[] {
  const problems: string[] = [];
  const check = (intervals: [string, string][] | undefined, where: string) =>
    (intervals ?? []).forEach(([start, end], i) => {
      if (end <= start) problems.push(`${where}[${i}]: end ${end} is not after start ${start} (split an interval crossing midnight at 24:00)`);
    });
  for (const [day, intervals] of Object.entries(spec.weekly ?? {})) check(intervals, `weekly.${day}`);
  (spec.overrides ?? []).forEach((o, i) => check(o.intervals, `overrides[${i}].intervals`));
  return problems;
}

/** Priority levels an SLA plan has no target for, per table (every level a request can get needs one). */
export function missingPriorityLevels(plan: Record<string, unknown>): { field: string; messages: string[] }[] {
  const out: { field: string; messages: string[] }[] = [];
  for (const table of ['firstResponseMinutes', 'resolutionMinutes']) {
    const targets = plan[table] as Record<string, unknown>;
    const missing: number[] = [];
    for (let level = HIGHEST_PRIORITY; level <= LOWEST_PRIORITY; level++) if (!Object.hasOwn(targets, String(level))) missing.push(level);
    if (missing.length > 0) out.push({ field: table, messages: [`${table} has no target for priority ${missing.join(', ')}: every level ${HIGHEST_PRIORITY}..${LOWEST_PRIORITY} needs one`] });
  }
  return out;
}
