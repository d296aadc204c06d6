import { api } from '@support/client/api';
import { $, clear, el } from '@support/client/dom';
import { fmtTime } from '@support/client/format';
import { warn } from '@support/client/messages';
import { act } from './actions';
import { t } from './i18n';
import { holding } from './lease';
import { loadSuggestions } from './suggestions';
import { state } from './state';
import type { RequestView } from './types';
import { clauseTitle } from './widgets';

/**
 * Triage on the open request (the agents' API of triage.controller.ts): internal notes (any
 * request of the agent's teams), transfer to another team with a reason, and reclassify to a
 * clause standard support includes (a queued request, or one the agent holds).
 */
interface TeamSummary {
  id: string;
  segment: string;
}

let teams: TeamSummary[] | null = null;

/** May the agent move the request (transfer, reclassify)? As the API: queued, or claimed by them. */
const movable = (r: RequestView | null): boolean => !!r && (r.status === 'queued' || holding());

/** Enables the forms for what the agent may do now (called with the other controls' update). */
export function updateTriage(): void {
  const r = state.current;
  document.querySelectorAll<HTMLButtonElement | HTMLTextAreaElement>('#note-form button, #note-body').forEach((c) => {
    c.disabled = !r || state.busy;
  });
  document
    .querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>(
      '#transfer-form button, #transfer-form select, #transfer-form input, #reclassify-form button, #reclassify-form select, #reclassify-form input',
    )
    .forEach((c) => {
      c.disabled = !movable(r) || state.busy;
    });
  $('triage-note').textContent = r && !movable(r) ? t('triage.onlyNotes') : '';
}

/** Notes (marked internal), the team and clause choices: drawn with the request. */
export function renderTriage(r: RequestView): void {
  const list = clear($('notes'));
  const notes = (r.timeline || []).filter((e) => e.event === 'request.note-added');
  notes.forEach((e) => {
    const d = (e.detail || {}) as { agent?: string; body?: string };
    list.appendChild(
      el('li', { className: 'note' }, [
        el('span', { className: 'badge internal', text: t('triage.internal') }),
        ' ',
        el('span', { className: 'detail', text: t('triage.by', { agent: d.agent || '—', time: fmtTime(e.at) }) }),
        el('p', { className: 'quote', text: d.body || '' }),
      ]),
    );
  });
  if (!notes.length) list.appendChild(el('li', { className: 'hint', text: t('triage.noNotes') }));
  renderTeams(r);
  renderClauses(r);
  updateTriage();
}

function keep(select: HTMLSelectElement, fill: () => void): void {
  const before = select.value;
  clear(select);
  fill();
  if (Array.from(select.options).some((o) => o.value === before)) select.value = before;
}

function renderTeams(r: RequestView): void {
  const select = $<HTMLSelectElement>('transfer-team');
  keep(select, () => {
    select.appendChild(el('option', { value: '', text: t('triage.chooseTeam') }));
    (teams || []).filter((x) => x.id !== r.team && (!r.segment || x.segment === r.segment)).forEach((x) => select.appendChild(el('option', { value: x.id, text: x.id })));
  });
}

/** The clauses standard support includes (4.1) in the request's rules version, except its own. */
function renderClauses(r: RequestView): void {
  const select = $<HTMLSelectElement>('reclassify-clause');
  const rules = state.config.rules[r.rulesVersion] || {};
  const own = r.classification ? r.classification.clause : null;
  keep(select, () => {
    select.appendChild(el('option', { value: '', text: t('triage.chooseClause') }));
    Object.keys(rules)
      .filter((id) => rules[id].kind === 'included' && id !== own)
      .forEach((id) => select.appendChild(el('option', { value: id, text: id + ' ' + clauseTitle(r.rulesVersion, id) })));
  });
}

/** The teams to transfer to (GET /v1/agent/teams), once per session. */
export function loadTeams(): void {
  if (teams) return;
  api<{ items: TeamSummary[] }>('GET', '/v1/agent/teams')
    .then((res) => {
      teams = res.data.items;
      if (state.current) renderTeams(state.current);
    })
    .catch(() => {
      teams = null; // tried again with the next request
    });
}

/** A required text: warns and focuses the field when it is blank. */
function filled(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, problem: string): string | null {
  const v = field.value.trim();
  if (v) return v;
  warn(t(problem));
  field.focus();
  return null;
}

export function wireTriage(): void {
  const note = $<HTMLTextAreaElement>('note-body');
  $('note-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const body = filled(note, 'triage.noteFirst');
    if (body) act('/notes', { body }, () => (note.value = ''), t('triage.noted'));
  });
  $('transfer-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const team = filled($<HTMLSelectElement>('transfer-team'), 'triage.teamFirst');
    const reason = team && filled($<HTMLInputElement>('transfer-reason'), 'triage.teamFirst');
    if (team && reason) act('/transfer', { team, reason }, () => ($<HTMLInputElement>('transfer-reason').value = ''), t('triage.transferred', { team }));
  });
  $('reclassify-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const clause = filled($<HTMLSelectElement>('reclassify-clause'), 'triage.clauseFirst');
    const reason = clause && filled($<HTMLInputElement>('reclassify-reason'), 'triage.clauseFirst');
    if (clause && reason)
      act(
        '/reclassify',
        { clause, reason },
        () => {
          $<HTMLInputElement>('reclassify-reason').value = '';
          // A new clause: the rules' suggestion changes with it.
          if (state.current) loadSuggestions(state.current);
        },
        t('triage.reclassified', { clause }),
      );
  });
}
