import { type Child, el } from './dom';
import { state } from './state';

/** Small building blocks of the request view: clause lists with titles, status badges, cards. */

export function clauseTitle(version: string, id: string): string {
  const rules = state.config.rules[version] || state.config.rules[state.config.latest as string] || {};
  const c = rules[id];
  return c ? c.title : '';
}

function clauseItem(version: string, id: string): HTMLLIElement {
  const title = clauseTitle(version, id);
  return el('li', null, [el('span', { className: 'clause-id', text: id }), title ? ' ' : null, title ? el('span', { text: title }) : null]);
}

export function clauseList(version: string, ids: string[] | null | undefined, className?: string): HTMLElement {
  if (!ids || !ids.length) return el('span', { text: 'none' });
  return el(
    'ul',
    { className: 'clauses' + (className ? ' ' + className : '') },
    ids.map((id) => clauseItem(version, id)),
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

export function card(title: string, body: Child[]): HTMLElement {
  return el('section', { className: 'card' }, [el('h3', { text: title }) as Child].concat(body));
}
