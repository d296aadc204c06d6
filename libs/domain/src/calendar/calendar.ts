/**
 * Business calendars: pure business-hours arithmetic (no Nest, no I/O).
 *
 * A calendar is a time zone plus local wall-clock opening hours:
 *   - `weekly`: per weekday, a list of `[start, end]` intervals ("HH:MM"; "24:00" allowed as an end).
 *     An interval whose end <= start crosses midnight and ends on the next local day
 *     (["22:00","06:00"]; ["09:00","09:00"] is therefore 24 hours). A missing weekday is closed.
 *   - `holidays`: local dates ("YYYY-MM-DD") closed all day.
 *   - `overrides`: local dates whose hours replace the weekly hours (`[]` = closed).
 *
 * Rules (documented choices):
 *   - Precedence for a local date: override > holiday > weekly hours.
 *   - An interval belongs to the local date on which it STARTS: a holiday/override on date D replaces
 *     the intervals starting on D; the after-midnight tail of an interval that started on D-1 still
 *     applies on D.
 *   - Open time is half-open: [start, end). `isOpen(end)` is false.
 *   - Overlapping/touching open intervals (e.g. a midnight-crossing tail meeting the next day's hours)
 *     are merged; open time is never counted twice.
 *   - DST / wall times: a wall time W on a local date maps to the EARLIEST instant at which the local
 *     clock reads W or later. Hence
 *       * a wall time that does not exist (spring-forward gap; Europe/Riga 03:00–03:59 on the last
 *         Sunday of March) maps to the transition instant (04:00 summer time); an interval
 *         "02:00–05:00" that day has 2 real hours, and an interval lying wholly inside the gap
 *         ("03:00–03:30") has none;
 *       * a wall time that exists twice (fall-back; Riga 03:00–03:59 on the last Sunday of October)
 *         maps to its FIRST occurrence (summer time). An interval "02:00–05:00" that day has 4 real
 *         hours (the repeated hour is open), an interval "03:00–03:30" has 30 real minutes (only the
 *         first pass), an interval ending at "03:30" ends at the first 03:30.
 *   - Arithmetic is in milliseconds; minutes may be fractional.
 *   - Searches for the next open time give up after {@link SEARCH_HORIZON_DAYS} consecutive days
 *     without any open time ("the calendar never opens").
 *
 * Specs are validated on every call (invalid specs throw `InvalidCalendarError`); nothing is cached,
 * so a spec object may be changed between calls.
 */
import { IANAZone } from 'luxon';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** ["09:00", "18:00"], local wall-clock times. */
export type WallInterval = [string, string];

export interface CalendarOverride {
  date: string;
  intervals: WallInterval[];
}

export interface CalendarSpec {
  id?: string;
  timezone: string;
  weekly: Partial<Record<Weekday, WallInterval[]>>;
  holidays?: string[];
  overrides?: CalendarOverride[];
}

export interface OpenInterval {
  start: Date;
  end: Date;
}

/** Give up looking for open time after this many consecutive closed days. */
export const SEARCH_HORIZON_DAYS = 400;

const MIN_MS = 60_000;
const DAY_MS = 86_400_000;
const HORIZON_MS = SEARCH_HORIZON_DAYS * DAY_MS;

const FULL_DAY = Object.freeze([Object.freeze(['00:00', '24:00'])]) as unknown as WallInterval[];

/** Always open (24x7 plans). Times are in UTC; as every day is 00:00–24:00 the zone is irrelevant. */
export const ALWAYS_OPEN: CalendarSpec = Object.freeze({
  id: '24x7',
  timezone: 'UTC',
  weekly: Object.freeze({
    mon: FULL_DAY,
    tue: FULL_DAY,
    wed: FULL_DAY,
    thu: FULL_DAY,
    fri: FULL_DAY,
    sat: FULL_DAY,
    sun: FULL_DAY,
  }),
  holidays: Object.freeze([]),
  overrides: Object.freeze([]),
}) as unknown as CalendarSpec;

export class InvalidCalendarError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid calendar: ${problems.join('; ')}`);
    this.name = 'InvalidCalendarError';
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing and validation
// ---------------------------------------------------------------------------------------------

/** Minutes range on a local day; `e` may exceed 1440 for midnight-crossing intervals. */
interface MinuteRange {
  s: number;
  e: number;
}

const TIME_RE = /^(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "HH:MM" → minutes since midnight; "24:00" only when `allow24`. null when malformed. */
export function parseWallTime(value: unknown, allow24 = false): number | null {
  if (typeof value !== 'string') return null;
  const m = TIME_RE.exec(value);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0 && allow24) return 1440;
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** "YYYY-MM-DD" → days since 1970-01-01, or null when not a real calendar date. */
export function parseLocalDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

const zoneValidity = new Map<string, boolean>();

function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.length === 0) return false;
  let ok = zoneValidity.get(tz);
  if (ok === undefined) {
    ok = IANAZone.isValidZone(tz); // costly (builds an Intl formatter): memoised
    if (zoneValidity.size > 10_000) zoneValidity.clear();
    zoneValidity.set(tz, ok);
  }
  return ok;
}

function describe(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Parses one interval list; pushes problems; returns ranges (possibly partial when invalid). */
function parseIntervals(list: unknown, path: string, problems: string[]): MinuteRange[] {
  if (!Array.isArray(list)) {
    problems.push(`${path} must be a list of ["HH:MM","HH:MM"] intervals`);
    return [];
  }
  const ranges: MinuteRange[] = [];
  list.forEach((iv, i) => {
    const p = `${path}[${i}]`;
    if (!Array.isArray(iv) || iv.length !== 2) {
      problems.push(`${p} must be a pair ["HH:MM","HH:MM"], got ${describe(iv)}`);
      return;
    }
    const s = parseWallTime(iv[0], false);
    const e = parseWallTime(iv[1], true);
    if (s === null) problems.push(`${p}: start ${describe(iv[0])} is not a valid HH:MM time (00:00–23:59)`);
    if (e === null) problems.push(`${p}: end ${describe(iv[1])} is not a valid HH:MM time (00:00–24:00)`);
    if (s === null || e === null) return;
    ranges.push({ s, e: e <= s ? e + 1440 : e });
  });
  return ranges;
}

function fmt(min: number): string {
  const m = ((min % 1440) + 1440) % 1440;
  const h = Math.floor(m / 60);
  return `${String(h).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function checkOverlaps(ranges: MinuteRange[], path: string, problems: string[]): void {
  const sorted = [...ranges].sort((a, b) => a.s - b.s || a.e - b.e);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.s < prev.e) {
      problems.push(`${path}: intervals ${fmt(prev.s)}–${fmt(prev.e)} and ${fmt(cur.s)}–${fmt(cur.e)} overlap`);
    }
  }
}

interface CompiledCalendar {
  zone: IANAZone;
  /** index 0 = Monday … 6 = Sunday */
  weekly: MinuteRange[][];
  holidays: Set<number>;
  overrides: Map<number, MinuteRange[]>;
  alwaysOpen: boolean;
}

function compileUnchecked(spec: unknown, problems: string[]): CompiledCalendar | null {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    problems.push('calendar must be an object with timezone, weekly, holidays and overrides');
    return null;
  }
  const s = spec as Record<string, unknown>;
  if (s['id'] !== undefined && typeof s['id'] !== 'string') problems.push('id must be a string');

  const tzOk = isTimeZone(s['timezone']);
  if (!tzOk) {
    problems.push(`timezone ${describe(s['timezone'])} is not a known IANA time zone (e.g. "Europe/Riga")`);
  }

  const weekly: MinuteRange[][] = WEEKDAYS.map(() => []);
  const w = s['weekly'];
  if (w === null || typeof w !== 'object' || Array.isArray(w)) {
    problems.push('weekly must be an object keyed by mon, tue, wed, thu, fri, sat, sun');
  } else {
    for (const key of Object.keys(w)) {
      const idx = WEEKDAYS.indexOf(key as Weekday);
      const value = (w as Record<string, unknown>)[key];
      if (idx < 0) {
        problems.push(`weekly.${key} is not a weekday (use mon, tue, wed, thu, fri, sat, sun)`);
        continue;
      }
      if (value === undefined) continue;
      weekly[idx] = parseIntervals(value, `weekly.${key}`, problems);
      checkOverlaps(weekly[idx]!, `weekly.${key}`, problems);
    }
    // A midnight-crossing interval must not run into the next day's hours.
    WEEKDAYS.forEach((day, idx) => {
      const nextIdx = (idx + 1) % 7;
      for (const r of weekly[idx]!) {
        if (r.e <= 1440) continue;
        const tailEnd = r.e - 1440;
        for (const n of weekly[nextIdx]!) {
          if (n.s < tailEnd) {
            problems.push(`weekly.${day}: interval ${fmt(r.s)}–${fmt(r.e)} runs past midnight into ` + `weekly.${WEEKDAYS[nextIdx]} interval ${fmt(n.s)}–${fmt(n.e)}`);
          }
        }
      }
    });
  }

  const holidays = new Set<number>();
  const h = s['holidays'];
  if (h !== undefined && h !== null) {
    if (!Array.isArray(h)) {
      problems.push('holidays must be a list of "YYYY-MM-DD" dates');
    } else {
      h.forEach((d, i) => {
        const day = parseLocalDate(d);
        if (day === null) problems.push(`holidays[${i}]: ${describe(d)} is not a valid date (YYYY-MM-DD)`);
        else holidays.add(day);
      });
    }
  }

  const overrides = new Map<number, MinuteRange[]>();
  const o = s['overrides'];
  if (o !== undefined && o !== null) {
    if (!Array.isArray(o)) {
      problems.push('overrides must be a list of { date, intervals }');
    } else {
      o.forEach((ov, i) => {
        const p = `overrides[${i}]`;
        if (ov === null || typeof ov !== 'object' || Array.isArray(ov)) {
          problems.push(`${p} must be an object { date, intervals }`);
          return;
        }
        const rec = ov as Record<string, unknown>;
        const day = parseLocalDate(rec['date']);
        if (day === null) problems.push(`${p}.date: ${describe(rec['date'])} is not a valid date (YYYY-MM-DD)`);
        const ranges = parseIntervals(rec['intervals'], `${p}.intervals`, problems);
        checkOverlaps(ranges, `${p}.intervals`, problems);
        if (day === null) return;
        if (overrides.has(day)) problems.push(`${p}.date: ${String(rec['date'])} has more than one override`);
        overrides.set(day, ranges);
      });
    }
  }

  if (problems.length === 0) {
    const anyWeekly = weekly.some((d) => d.length > 0);
    const anyOverride = [...overrides.values()].some((d) => d.length > 0);
    if (!anyWeekly && !anyOverride) problems.push('calendar has no opening hours at all');
  }
  if (problems.length > 0 || !tzOk) return null;

  const alwaysOpen = holidays.size === 0 && overrides.size === 0 && weekly.every((d) => d.some((r) => r.s === 0 && r.e >= 1440));
  return { zone: IANAZone.create(s['timezone'] as string), weekly, holidays, overrides, alwaysOpen };
}

/** Human-readable problems with a calendar spec; [] when it is valid. */
export function validateCalendar(spec: unknown): string[] {
  const problems: string[] = [];
  compileUnchecked(spec, problems);
  return problems;
}

function compile(cal: CalendarSpec): CompiledCalendar {
  const problems: string[] = [];
  const c = compileUnchecked(cal, problems);
  if (!c) throw new InvalidCalendarError(problems);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Zone arithmetic
// ---------------------------------------------------------------------------------------------

const HOUR_MS = 3_600_000;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * UTC offset of `zone` at `ts`, in ms. Memoised per clock hour when the offset is the same at both
 * ends of the hour (a pure cache: real zones never change offset twice within one hour).
 */
function offsetMs(zone: IANAZone, ts: number): number {
  let cache = offsetCache.get(zone.name);
  if (!cache) offsetCache.set(zone.name, (cache = new Map()));
  const bucket = Math.floor(ts / HOUR_MS);
  const hit = cache.get(bucket);
  if (hit !== undefined) return hit;
  const o = zone.offset(ts) * MIN_MS;
  const a = zone.offset(bucket * HOUR_MS) * MIN_MS;
  const b = zone.offset((bucket + 1) * HOUR_MS - 1) * MIN_MS;
  if (a === o && b === o) {
    if (cache.size > 200_000) cache.clear();
    cache.set(bucket, o);
  }
  return o;
}

/** Local calendar day (days since 1970-01-01) of an instant. */
function localDay(zone: IANAZone, ts: number): number {
  return Math.floor((ts + offsetMs(zone, ts)) / DAY_MS);
}

/**
 * The earliest instant whose local wall-clock reading is >= `wall` (local time expressed as ms
 * since 1970-01-01T00:00 local). Gap → transition instant; repeated time → first occurrence.
 */
function wallToInstant(zone: IANAZone, wall: number): number {
  const oBefore = offsetMs(zone, wall - DAY_MS);
  const oAfter = offsetMs(zone, wall + DAY_MS);
  let best: number | null = null;
  for (const o of oBefore === oAfter ? [oBefore] : [oBefore, oAfter]) {
    const t = wall - o;
    if (offsetMs(zone, t) === o && (best === null || t < best)) best = t;
  }
  if (best !== null) return best;
  // In a gap: the wall time is skipped. Find the transition instant T (first instant with a
  // different offset) in (wall - oAfter, wall - oBefore].
  let lo = wall - Math.max(oBefore, oAfter);
  let hi = wall - Math.min(oBefore, oAfter);
  const oLo = offsetMs(zone, lo);
  if (offsetMs(zone, hi) === oLo) return hi; // should not happen; stay monotone anyway
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(zone, mid) === oLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function rangesForDay(c: CompiledCalendar, day: number): MinuteRange[] {
  const o = c.overrides.get(day);
  if (o) return o;
  if (c.holidays.has(day)) return [];
  return c.weekly[weekdayIndex(day)]!;
}

/** Raw (unmerged, unclipped) open intervals in ms for the intervals starting on local `day`. */
function dayIntervals(c: CompiledCalendar, day: number, out: [number, number][]): void {
  for (const r of rangesForDay(c, day)) {
    const start = wallToInstant(c.zone, day * DAY_MS + r.s * MIN_MS);
    const end = wallToInstant(c.zone, day * DAY_MS + r.e * MIN_MS);
    if (end > start) out.push([start, end]);
  }
}

/** Merged open intervals clipped to [from, to), in ms. */
function openIntervalsMs(c: CompiledCalendar, from: number, to: number): [number, number][] {
  if (!(to > from)) return [];
  if (c.alwaysOpen) return [[from, to]];
  const raw: [number, number][] = [];
  // D-1 for midnight-crossing tails, D+1 for zones that fall back across midnight.
  const d0 = localDay(c.zone, from) - 1;
  const d1 = localDay(c.zone, to) + 1;
  for (let d = d0; d <= d1; d++) dayIntervals(c, d, raw);
  raw.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s0, e0] of raw) {
    const s = Math.max(s0, from);
    const e = Math.min(e0, to);
    if (e <= s) continue;
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * Open intervals from `from` onwards, in growing chunks (pieces may be split at chunk borders).
 * Stops after HORIZON_MS without any open time.
 */
function* iterateOpen(c: CompiledCalendar, from: number): Generator<[number, number]> {
  if (c.alwaysOpen) {
    yield [from, Number.POSITIVE_INFINITY];
    return;
  }
  let cursor = from;
  let lastOpen = from;
  let chunkDays = 2;
  while (cursor - lastOpen <= HORIZON_MS) {
    const to = cursor + chunkDays * DAY_MS;
    for (const iv of openIntervalsMs(c, cursor, to)) {
      yield iv;
      lastOpen = iv[1];
    }
    cursor = to;
    chunkDays = Math.min(chunkDays * 2, 32);
  }
}

function toMs(d: Date, name: string): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${name} must be a valid Date`);
  return t;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export function isOpen(cal: CalendarSpec, at: Date): boolean {
  const t = toMs(at, 'at');
  return openIntervalsMs(compile(cal), t, t + 1).length > 0;
}

/** `at` itself when open; otherwise the next opening; null when none within the search horizon. */
export function nextOpening(cal: CalendarSpec, at: Date): Date | null {
  const t = toMs(at, 'at');
  for (const [s] of iterateOpen(compile(cal), t)) return new Date(s);
  return null;
}

/** Like {@link addWorkingMinutes} but in ms and returning null when the calendar never opens. */
export function addWorkingMs(cal: CalendarSpec, start: Date, ms: number): Date | null {
  const t = toMs(start, 'start');
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`working time must be a finite number >= 0, got ${ms}`);
  let remaining = Math.round(ms);
  for (const [s, e] of iterateOpen(compile(cal), t)) {
    const len = e - s;
    if (remaining <= len) return new Date(s + remaining);
    remaining -= len;
  }
  return null;
}

/**
 * The instant at which `minutes` of open time have elapsed since `start` (ms precision; fractional
 * minutes allowed). A start in closed time begins at the next opening; 0 minutes → `nextOpening`.
 * Reaching the total exactly at a closing time returns that closing time (not the next opening).
 * Throws a RangeError when the calendar does not open within the search horizon.
 */
export function addWorkingMinutes(cal: CalendarSpec, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`);
  }
  const r = addWorkingMs(cal, start, minutes * MIN_MS);
  if (!r) throw new RangeError(`calendar has no open time within ${SEARCH_HORIZON_DAYS} days`);
  return r;
}

/** Open time in [from, to) in ms; 0 when to <= from. */
export function workingMsBetween(cal: CalendarSpec, from: Date, to: Date): number {
  let sum = 0;
  for (const [s, e] of openIntervalsMs(compile(cal), toMs(from, 'from'), toMs(to, 'to'))) sum += e - s;
  return sum;
}

/** Open minutes in [from, to) (fractional, ms precision); 0 when to <= from. */
export function workingMinutesBetween(cal: CalendarSpec, from: Date, to: Date): number {
  return workingMsBetween(cal, from, to) / MIN_MS;
}

/** Merged open intervals within [from, to), clipped to it, in order. */
export function openIntervals(cal: CalendarSpec, from: Date, to: Date): OpenInterval[] {
  return openIntervalsMs(compile(cal), toMs(from, 'from'), toMs(to, 'to')).map(([s, e]) => ({
    start: new Date(s),
    end: new Date(e),
  }));
}
