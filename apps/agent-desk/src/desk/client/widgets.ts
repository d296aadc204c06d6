import { clauseList as titledClauseList } from '@support/client/widgets';
import { state } from './state';

/** The desk's clause titles: per rules version, from /desk/config.json. */
export { badge, card, dl, row } from '@support/client/widgets';

export function clauseTitle(version: string, id: string): string {
  const rules = state.config.rules[version] || state.config.rules[state.config.latest as string] || {};
  const c = rules[id];
  return c ? c.title : '';
}

export function clauseList(version: string, ids: string[] | null | undefined, className?: string): HTMLElement {
  return titledClauseList(ids, (id) => clauseTitle(version, id), className);
}
