import type { ProductVersion } from './reference-data';

/**
 * The catalogue entry for a submitted version: the entry whose version is the longest dotted
 * prefix of it ("21.3.10" matches "21.3" before "21"; "210" does not match "21").
 */
export function matchVersion(versions: ProductVersion[], submitted: string): ProductVersion | null {
  let best: ProductVersion | null = null;
  for (const entry of versions) {
    const isPrefix = submitted === entry.version || submitted.startsWith(`${entry.version}.`);
    if (isPrefix && (!best || entry.version.length > best.version.length)) best = entry;
  }
  return best;
}

/** True when a date-only or instant "until" value still covers the moment `at` (dates are inclusive). */
export function coversInstant(until: string | null, at: Date): boolean {
  if (until === null) return true;
  const end = /^\d{4}-\d{2}-\d{2}$/.test(until) ? Date.parse(`${until}T23:59:59.999Z`) : Date.parse(until);
  return Number.isFinite(end) && at.getTime() <= end;
}
