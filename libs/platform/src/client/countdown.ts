import { el } from './dom';
import { fmtSpan, fmtTime } from './format';

/** A <time> that tick() keeps showing as "in …" / "overdue by …". */
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
    node.textContent = left >= 0 ? 'in ' + fmtSpan(left) : 'overdue by ' + fmtSpan(left);
    node.title = fmtTime(deadline);
    node.classList.toggle('overdue', left < 0);
  });
}
