import { html, type SafeHtml } from '@support/platform';

/** The statuses a team's request can be in once routed (the list's status filter). */
const STATUSES = ['queued', 'assigned', 'awaiting-customer', 'resolved', 'closed'];
/** The orders of GET /v1/requests (`sort`), with their catalogue keys. */
const SORTS: [string, string, string][] = [
  ['-receivedAt', 'list.sortNewest', 'Newest first'],
  ['receivedAt', 'list.sortOldest', 'Oldest first'],
  ['slaDue', 'list.sortSlaSoonest', 'SLA due soonest'],
  ['-slaDue', 'list.sortSlaLatest', 'SLA due latest'],
  ['priority', 'list.sortPriorityFirst', 'Priority 1 first'],
  ['-priority', 'list.sortPriorityLast', 'Priority 9 first'],
];

const option = (value: string, key: string, text: string) => html`<option value="${value}" data-i18n="${key}">${text}</option>`;
const field = (id: string, key: string, label: string, control: SafeHtml) => html`<div class="field"><label for="${id}" data-i18n="${key}">${label}</label>${control}</div>`;

/**
 * The work list's static markup (the desk's script fills it from GET /v1/requests): a search form
 * with the API's filters and orders, a table of the agent's teams' requests, "load more" by cursor,
 * and a live region that says how many requests are shown.
 */
export function workListMarkup(): SafeHtml {
  return html`<section id="list" class="panel list" aria-labelledby="list-h">
      <h2 id="list-h" data-i18n="list.heading">Work list</h2>
      <form id="list-form" role="search" aria-labelledby="list-h" novalidate>
        <div class="search-row">
          <label for="list-q" data-i18n="list.search">Search subject and description</label>
          <input id="list-q" name="q" type="search" maxlength="200" autocomplete="off" aria-keyshortcuts="/" aria-describedby="list-q-hint">
          <button type="submit" class="primary" data-i18n="list.apply">Search</button>
        </div>
        <p id="list-q-hint" class="hint" data-i18n="list.searchHint">Every word must occur. Press / to come back here.</p>
        <details id="list-filters" class="filters">
          <summary data-i18n="list.filters">Filters and order</summary>
          <div class="filter-grid">
            ${field('list-status', 'list.status', 'Status', html`<select id="list-status" name="status">${option('', 'list.any', 'Any')}${STATUSES.map((s) => option(s, `status.${s}`, s))}</select>`)}
            ${field('list-team', 'list.team', 'Team', html`<select id="list-team" name="team">${option('', 'list.anyTeam', 'All my teams')}</select>`)}
            ${field('list-clause', 'list.clause', 'Clause', html`<input id="list-clause" name="clause" type="text" maxlength="32" list="list-clauses" autocomplete="off"><datalist id="list-clauses"></datalist>`)}
            ${field(
              'list-priority',
              'list.priority',
              'Priority',
              html`<select id="list-priority" name="priority">${option('', 'list.any', 'Any')}${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((p) => html`<option value="${p}">${p}</option>`)}</select>`,
            )}
            ${field('list-sla', 'list.slaDueBefore', 'SLA due before', html`<input id="list-sla" name="slaDueBefore" type="datetime-local">`)}
            ${field('list-assignee', 'list.assignee', 'Assignee (agent id)', html`<input id="list-assignee" name="assignee" type="text" maxlength="64" autocomplete="off">`)}
            ${field('list-language', 'list.language', 'Language', html`<select id="list-language" name="language">${option('', 'list.any', 'Any')}${['en', 'lv', 'ru', 'et', 'lt'].map((l) => html`<option value="${l}">${l}</option>`)}</select>`)}
            ${field('list-customer', 'list.customer', 'Customer (id, e-mail or company)', html`<input id="list-customer" name="customer" type="text" maxlength="254" autocomplete="off">`)}
            ${field('list-sort', 'list.sort', 'Order', html`<select id="list-sort" name="sort">${SORTS.map(([value, key, text]) => option(value, key, text))}</select>`)}
          </div>
          <div class="buttons"><button type="submit" data-i18n="list.applyFilters">Apply filters</button><button id="list-clear" type="button" data-i18n="list.clear">Clear filters</button></div>
        </details>
      </form>
      <p id="list-count" class="count" role="status" aria-live="polite"></p>
      <div class="table-wrap" role="region" aria-labelledby="list-h" tabindex="0">
        <table id="list-table" class="list-table" aria-describedby="list-keys">
          <caption class="sr-only" data-i18n="list.caption">Your teams' requests; open one to read it</caption>
          <thead>
            <tr>
              <th scope="col" data-i18n="list.subject">Subject</th>
              <th scope="col" data-i18n="list.status">Status</th>
              <th scope="col" data-i18n="list.clause">Clause</th>
              <th scope="col" class="num" data-i18n="list.priority">Priority</th>
              <th scope="col" data-i18n="list.slaDue">SLA due</th>
              <th scope="col" data-i18n="list.assigneeColumn">Assignee</th>
              <th scope="col" data-i18n="list.languageColumn">Language</th>
              <th scope="col" data-i18n="list.received">Received</th>
            </tr>
          </thead>
          <tbody></tbody>
        </table>
      </div>
      <p id="list-keys" class="hint" data-i18n="list.keysHint">j / k or the arrow keys move between requests; Enter opens one.</p>
      <div class="buttons"><button id="list-more" type="button" hidden data-i18n="list.more">Load more</button><button id="list-refresh" type="button" data-i18n="list.refresh">Reload the list</button></div>
    </section>`;
}
