import { type Child, el } from './dom';

/** Small building blocks of the pages' request views: clause lists with titles, status badges, cards, definition lists. */

/** Clause ids, each with its title when `titleOf` knows one. */
export function clauseList(ids: string[] | null | undefined, titleOf: (id: string) => string, className?: string): HTMLElement {
  if (!ids || !ids.length) return el('span', { text: 'none' });
  return el(
    'ul',
    { className: 'clauses' + (className ? ' ' + className : '') },
    ids.map((id) => {
      const title = titleOf(id);
      return el('li', null, [el('span', { className: 'clause-id', text: id }), title ? ' ' : null, title ? el('span', { text: title }) : null]);
    }),
  );
}

export function badge(status: string): HTMLSpanElement {
  return el('span', { className: 'badge s-' + status, text: status });
}

export type Row = [HTMLElement, HTMLElement];

export function row(label: string, value: Child | undefined): Row {
  return [el('dt', { text: label }), el('dd', null, [value === null || value === undefined || value === '' ? '—' : value])];
}

export function dl(rows: Row[]): HTMLDListElement {
  const node = el('dl');
  rows.forEach((r) => r.forEach((c) => node.appendChild(c)));
  return node;
}

/** A card with a heading (h3 unless `level` says otherwise). */
export function card(title: string, body: Child[], level: 'h2' | 'h3' | 'h4' = 'h3'): HTMLElement {
  return el('section', { className: 'card' }, [el(level, { text: title }) as Child].concat(body));
}
