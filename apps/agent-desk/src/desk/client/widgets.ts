import { el } from '@support/client/dom';
import { badge as plainBadge, clauseList as titledClauseList } from '@support/client/widgets';
import { language, t } from './i18n';
import { state } from './state';

/** The desk's widgets in the agent's language: status badges, clause titles per rules version (from /desk/config.json). */
export { card, dl, row } from '@support/client/widgets';

export function badge(status: string): HTMLSpanElement {
  const b = plainBadge(status);
  b.textContent = t('status.' + status, { defaultValue: status });
  return b;
}

export function clauseTitle(version: string, id: string): string {
  const rules = state.config.rules[version] || state.config.rules[state.config.latest as string] || {};
  const c = rules[id];
  return c ? (c.titles && c.titles[language()]) || c.title : '';
}

export function clauseList(version: string, ids: string[] | null | undefined, className?: string): HTMLElement {
  if (!ids || !ids.length) return el('span', { text: t('request.none') });
  return titledClauseList(ids, (id) => clauseTitle(version, id), className);
}
