import { api, failure } from '@support/client/api';
import { latestOnly } from '@support/client/latest';
import { countdown, tick } from '@support/client/countdown';
import { $, clear, el } from '@support/client/dom';
import { fmtTime } from '@support/client/format';
import { warn } from '@support/client/messages';
import { openMine } from './actions';
import { language, t } from './i18n';
import { listQuery, nextDue } from './list-query';
import { state } from './state';
import type { Agent, MyRequest, RequestView } from './types';
import { badge, clauseTitle } from './widgets';

/**
 * The work list: the agent's teams' requests from GET /v1/requests (full-text search, filters,
 * order), a page at a time ("load more" follows the cursor). A row opens the request in the
 * request view, read-only unless the agent holds it. j / k (and the arrow keys inside the table)
 * move between rows; the live region under the form says how many are shown.
 */
type ListItem = Omit<RequestView, 'timeline'>;
interface Page {
  items: ListItem[];
  nextCursor: string | null;
}

const list = { items: [] as ListItem[], cursor: null as string | null, loading: false, searched: false };

const form = () => $<HTMLFormElement>('list-form');
const rows = () => Array.from(document.querySelectorAll<HTMLButtonElement>('#list-table tbody button[data-open]'));

function fields(): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form()).forEach((value, name) => {
    out[name] = String(value);
  });
  return out;
}

/** Only the latest load's answer is shown. */
const startLoad = latestOnly();

/** Loads the first page (`more`: the next page after the cursor) and announces how many are shown. */
export async function loadList(more = false): Promise<void> {
  if (more && list.loading) return;
  // A new search while one is loading supersedes it (the agent's latest words win); its answer is dropped.
  const latest = startLoad();
  list.loading = true;
  $<HTMLButtonElement>('list-more').disabled = true;
  // Screen readers (and the tests) can tell the rows shown are not yet the answer to the latest search.
  $('list-table').setAttribute('aria-busy', 'true');
  try {
    const res = await api<Page>('GET', listQuery(fields(), more ? list.cursor : null));
    if (!latest()) return;
    const focusAt = more ? list.items.length : -1;
    list.items = more ? list.items.concat(res.data.items) : res.data.items;
    list.cursor = res.data.nextCursor;
    list.searched = true;
    renderList();
    // After "load more" the focus goes to the first new row, so the keyboard continues there.
    if (focusAt >= 0 && rows()[focusAt]) rows()[focusAt].focus();
  } catch (err) {
    if (latest()) $('list-count').textContent = t('list.failed', { message: failure(err).message });
  } finally {
    if (latest()) {
      list.loading = false;
      $<HTMLButtonElement>('list-more').disabled = false;
      $('list-table').removeAttribute('aria-busy');
    }
  }
}

export function renderList(): void {
  if (!list.searched) return;
  const body = clear($<HTMLTableElement>('list-table').tBodies[0]);
  list.items.forEach((r) => body.appendChild(listRow(r)));
  if (!list.items.length) body.appendChild(el('tr', null, [el('td', { colspan: '8', className: 'hint', text: t('list.none') })]));
  $('list-more').hidden = !list.cursor;
  $('list-count').textContent = list.cursor ? t('list.countMore', { count: list.items.length }) : t('list.count', { count: list.items.length });
  tick();
}

function listRow(r: ListItem): HTMLTableRowElement {
  const clause = r.classification && r.classification.clause;
  const due = nextDue(r.sla);
  return el('tr', { dataset: { id: r.id } }, [
    el('th', { scope: 'row' }, [el('button', { type: 'button', className: 'link', dataset: { open: r.id }, text: r.subject || r.id, onclick: () => openRow(r) })]),
    el('td', null, [badge(r.status)]),
    el('td', { title: clause ? clauseTitle(r.rulesVersion, clause) : null, text: clause || '—' }),
    el('td', { className: 'num', text: r.priority === null || r.priority === undefined ? '—' : r.priority }),
    el('td', null, [due ? countdown(due) : '—']),
    el('td', { text: r.assignee || '—' }),
    el('td', { text: languageName(r.language) }),
    el('td', null, [el('time', { datetime: r.receivedAt, text: fmtTime(r.receivedAt) })]),
  ]);
}

/** Opens a row in the request view; a request the agent holds comes with its lease (from "my requests"), so the page keeps renewing it. */
async function openRow(r: ListItem): Promise<void> {
  const item: MyRequest = { id: r.id, subject: r.subject || r.id, status: r.status, team: r.team };
  if (r.status === 'assigned' && state.me && r.assignee === state.me.id) {
    try {
      const mine = await api<{ items?: MyRequest[] }>('GET', '/v1/agent/requests');
      item.leaseExpiresAt = (mine.data.items || []).find((m) => m.id === r.id)?.leaseExpiresAt;
    } catch (err) {
      warn(t('act.openFailed', { message: failure(err).message }));
      return;
    }
  }
  openMine(item);
}

function languageName(code: string | null | undefined): string {
  if (!code) return '—';
  try {
    return new Intl.DisplayNames([language()], { type: 'language' }).of(code) || code;
  } catch {
    return code;
  }
}

/** j / k: the next / previous row (from anywhere on the page: the first row when none has the focus). */
export function moveInList(step: 1 | -1): void {
  const buttons = rows();
  if (!buttons.length) return;
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = at < 0 ? (step > 0 ? 0 : buttons.length - 1) : Math.min(buttons.length - 1, Math.max(0, at + step));
  buttons[next].focus();
}

export function focusSearch(): void {
  const box = $<HTMLInputElement>('list-q');
  box.focus();
  box.select();
}

/** The filters the agent's teams and the rules give: team choices and clause suggestions (with titles), language names. */
export function fillChoices(me: Agent): void {
  const team = $<HTMLSelectElement>('list-team');
  const chosen = team.value;
  while (team.options.length > 1) team.remove(1);
  me.teams.forEach((x) => team.appendChild(el('option', { value: x.id, text: x.id })));
  team.value = me.teams.some((x) => x.id === chosen) ? chosen : '';
  const clauses = clear($('list-clauses'));
  const rules = state.config.rules[state.config.latest as string] || {};
  Object.keys(rules).forEach((id) => clauses.appendChild(el('option', { value: id, text: id + ' ' + clauseTitle(state.config.latest as string, id) })));
  Array.from($<HTMLSelectElement>('list-language').options).forEach((o) => {
    if (o.value) o.textContent = languageName(o.value);
  });
}

/** Signed in: the choices, then the first page. */
export function startList(me: Agent): void {
  fillChoices(me);
  void loadList();
}

export function stopList(): void {
  list.items = [];
  list.cursor = null;
  list.searched = false;
  clear($<HTMLTableElement>('list-table').tBodies[0]);
  $('list-count').textContent = '';
  $('list-more').hidden = true;
}

export function wireList(): void {
  form().addEventListener('submit', (ev) => {
    ev.preventDefault();
    void loadList();
  });
  $('list-more').addEventListener('click', () => void loadList(true));
  $('list-refresh').addEventListener('click', () => void loadList());
  $('list-clear').addEventListener('click', () => {
    const q = $<HTMLInputElement>('list-q').value;
    form().reset();
    $<HTMLInputElement>('list-q').value = q;
    void loadList();
  });
  // Inside the table the arrow keys move between rows too (Home / End: first / last).
  $('list-table').addEventListener('keydown', (ev) => {
    const buttons = rows();
    const at = buttons.indexOf(ev.target as HTMLButtonElement);
    if (at < 0 || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[ev.key];
    if (to === undefined) return;
    ev.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, to))].focus();
  });
}
