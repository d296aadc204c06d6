/** Times in the page's locale (the browser's unless the page sets one); spans as `1d 2h 03m 04s`. */

let locale: string | undefined;
let stamp: Intl.DateTimeFormat | null = null;
let clock: Intl.DateTimeFormat | null = null;

/** The locale of the page's dates and times (the desk's agent picks a language). */
export function setTimeLocale(tag: string | undefined): void {
  locale = tag;
  stamp = clock = null;
}

export function fmtTime(iso: string): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return String(iso);
  stamp = stamp || new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return stamp.format(d);
}

/** The time of day only (a lease's end, when the lists were updated). */
export function fmtClock(iso: string | Date): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return String(iso);
  clock = clock || new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  return clock.format(d);
}

export interface SpanUnits {
  d: string;
  h: string;
  m: string;
  s: string;
}

export function fmtSpan(ms: number, u: SpanUnits = { d: 'd', h: 'h', m: 'm', s: 's' }): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400),
    h = Math.floor((s % 86400) / 3600),
    m = Math.floor((s % 3600) / 60),
    sec = s % 60;
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  return (d ? d + u.d + ' ' : '') + (d || h ? h + u.h + ' ' : '') + two(m) + u.m + ' ' + two(sec) + u.s;
}
