import { el } from './dom';
import { fmtSpan, fmtTime } from './format';

/** How a countdown reads: the time left (negative: past), the span as text, the countdown's label (a page may say "breached by …" for one). */
export type CountdownWords = (leftMs: number, span: string, label: string) => string;
let words: CountdownWords = (left, span) => (left >= 0 ? 'in ' : 'overdue by ') + span;

/** A page's own words for its countdowns (the desk's are translated). */
export function setCountdownWords(w: CountdownWords): void {
  words = w;
}

/** A <time> that tick() keeps showing as "in …" / "overdue by …" (or the page's words). */
export function countdown(iso: string, label?: string): HTMLTimeElement {
  return el('time', { datetime: iso, className: 'countdown', dataset: { deadline: iso, label: label || '' } }, [fmtTime(iso)]);
}

/** Updates every countdown on the page (once a second while signed in, and after each render). */
export function tick(): void {
  const now = Date.now();
  document.querySelectorAll<HTMLElement>('[data-deadline]').forEach((node) => {
    const deadline = node.dataset.deadline as string;
    const at = Date.parse(deadline);
    if (isNaN(at)) return;
    const left = at - now;
    node.textContent = words(left, fmtSpan(left), node.dataset.label || '');
    node.title = fmtTime(deadline);
    node.classList.toggle('overdue', left < 0);
  });
}
