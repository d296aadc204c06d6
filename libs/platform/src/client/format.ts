/** Times as the user's browser shows them; spans as `1d 2h 03m 04s`. */

export function fmtTime(iso: string): string {
  const d = new Date(iso);
  return isNaN(d.getTime()) ? String(iso) : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function fmtSpan(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400),
    h = Math.floor((s % 86400) / 3600),
    m = Math.floor((s % 3600) / 60),
    sec = s % 60;
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  return (d ? d + 'd ' : '') + (d || h ? h + 'h ' : '') + two(m) + 'm ' + two(sec) + 's';
}
