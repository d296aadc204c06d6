import { api, failure } from '@support/client/api';
import { countdown, tick } from '@support/client/countdown';
import { $, clear, el } from '@support/client/dom';
import { fmtClock } from '@support/client/format';
import { say, warn } from '@support/client/messages';
import { t } from './i18n';
import type { Agent } from './types';
import { row } from './widgets';

/**
 * The supervisors' view of a team (GET /v1/supervisor/teams/:team): counts, the open requests with
 * what a supervisor can do about each (release a lease, return a request held for an absent agent
 * to the team queue, reassign to an agent), and the agents with what they hold. Every action asks
 * for confirmation, says its result in the status line and draws the team again.
 */
interface Brief {
  id: string;
  subject: string;
  status: string;
  priority: number | null;
  assignee: string | null;
  slaDueAt: string | null;
  receivedAt: string;
  leaseExpiresAt?: string | null;
}
interface Overview {
  team: string;
  at: string;
  waiting: Brief[];
  heldForAgents: Brief[];
  beingWorked: Brief[];
  awaitingCustomer: number;
  slaAtRisk: { nextDeadline: string | null; requests: Brief[] };
  breached: Brief[];
  agents: { id: string; name: string; role: string; holds: Brief[] }[];
  truncated: boolean;
}
type State = 'waiting' | 'held' | 'worked';

let shown: Overview | null = null;
let busy = false;

const team = () => $<HTMLSelectElement>('sup-team');

export function isSupervisor(me: Agent | null): boolean {
  return !!me && me.role === 'supervisor';
}

/** Signed in: supervisors see the section with their teams; others never do. */
export function startSupervisor(me: Agent): void {
  const section = $('supervisor');
  section.hidden = !isSupervisor(me);
  if (section.hidden) return;
  const select = team();
  const chosen = select.value;
  clear(select);
  me.teams.forEach((x) => select.appendChild(el('option', { value: x.id, text: x.id })));
  if (me.teams.some((x) => x.id === chosen)) select.value = chosen;
  void loadTeam();
}

export function stopSupervisor(): void {
  shown = null;
  $('supervisor').hidden = true;
  clear($<HTMLTableElement>('sup-requests').tBodies[0]);
  clear($<HTMLTableElement>('sup-agents').tBodies[0]);
  clear($('sup-summary'));
}

export async function loadTeam(): Promise<void> {
  if (!team().value) return;
  try {
    const res = await api<Overview>('GET', '/v1/supervisor/teams/' + encodeURIComponent(team().value));
    shown = res.data;
    renderTeam();
  } catch (err) {
    warn(t('sup.loadFailed', { message: failure(err).message }));
  }
}

export function renderTeam(): void {
  const o = shown;
  if (!o) return;
  $('sup-updated').textContent = t('sup.updated', { team: o.team, time: fmtClock(o.at) }) + (o.truncated ? ' ' + t('sup.truncated') : '');
  const summary = clear($('sup-summary'));
  const next = o.slaAtRisk.nextDeadline;
  [
    row(t('sup.waiting'), String(o.waiting.length)),
    row(t('sup.held'), String(o.heldForAgents.length)),
    row(t('sup.worked'), String(o.beingWorked.length)),
    row(t('sup.awaitingCustomer'), String(o.awaitingCustomer)),
    row(t('sup.atRisk'), next ? el('span', null, [String(o.slaAtRisk.requests.length) + ' · ' + t('sup.next') + ' ', countdown(next)]) : '0'),
    row(t('sup.breached'), el('span', { className: o.breached.length ? 'overdue' : '', text: String(o.breached.length) })),
  ].forEach((pair) => pair.forEach((node) => summary.appendChild(node)));

  const risk = new Set(o.slaAtRisk.requests.map((r) => r.id));
  const late = new Set(o.breached.map((r) => r.id));
  const body = clear($<HTMLTableElement>('sup-requests').tBodies[0]);
  const lines: [Brief, State][] = [
    ...o.beingWorked.map((r) => [r, 'worked'] as [Brief, State]),
    ...o.heldForAgents.map((r) => [r, 'held'] as [Brief, State]),
    ...o.waiting.map((r) => [r, 'waiting'] as [Brief, State]),
  ];
  lines.forEach(([r, s]) => body.appendChild(requestRow(r, s, late.has(r.id) ? 'breached' : risk.has(r.id) ? 'atRisk' : null, o)));
  if (!lines.length) body.appendChild(el('tr', null, [el('td', { colspan: '6', className: 'hint', text: t('sup.nothingOpen') })]));

  const agents = clear($<HTMLTableElement>('sup-agents').tBodies[0]);
  o.agents.forEach((a) =>
    agents.appendChild(
      el('tr', null, [
        el('th', { scope: 'row', text: a.name + ' (' + a.id + ')' }),
        el('td', { text: t('sup.roles.' + a.role, { defaultValue: a.role }) }),
        el('td', null, [
          a.holds.length
            ? el(
                'ul',
                { className: 'holds' },
                a.holds.map((h) => el('li', { text: h.subject })),
              )
            : el('span', { className: 'hint', text: t('sup.holdsNothing') }),
        ]),
      ]),
    ),
  );
  tick();
}

function requestRow(r: Brief, s: State, sla: 'breached' | 'atRisk' | null, o: Overview): HTMLTableRowElement {
  const others = o.agents.filter((a) => a.id !== r.assignee);
  const pick = el(
    'select',
    { id: 'sup-to-' + r.id, 'aria-label': t('sup.reassignTo', { subject: r.subject }) },
    others.map((a) => el('option', { value: a.id, text: a.name + ' (' + a.id + ')' })),
  );
  const action = (text: string, label: string, run: () => void) => el('button', { type: 'button', 'aria-label': label, text, onclick: run });
  const actions: HTMLElement[] = [];
  if (s === 'worked') actions.push(action(t('sup.release'), t('sup.releaseLabel', { subject: r.subject }), () => release(r)));
  if (s === 'held') actions.push(action(t('sup.return'), t('sup.returnLabel', { subject: r.subject }), () => returnToTeam(r)));
  if (others.length) actions.push(el('span', { className: 'reassign' }, [pick, action(t('sup.reassign'), t('sup.reassignLabel', { subject: r.subject }), () => reassign(r, pick.value))]));
  return el('tr', { dataset: { id: r.id } }, [
    el('th', { scope: 'row', text: r.subject }),
    el('td', null, [t('sup.states.' + s), s === 'worked' && r.leaseExpiresAt ? el('span', { className: 'hint', text: ' · ' + t('sup.leaseUntil', { time: fmtClock(r.leaseExpiresAt) }) }) : null]),
    el('td', { className: 'num', text: r.priority === null ? '—' : r.priority }),
    el('td', null, [
      r.slaDueAt ? countdown(r.slaDueAt, sla === 'breached' ? 'breached' : '') : '—',
      sla ? ' ' : null,
      sla ? el('span', { className: 'flag ' + sla, text: t('sup.flags.' + sla) }) : null,
    ]),
    el('td', { text: r.assignee || '—' }),
    el('td', null, [el('div', { className: 'row-actions' }, actions)]),
  ]);
}

/** Confirms, calls the API, announces the result and draws the team again; the focus goes to the section's heading (the row may be gone). */
async function act(question: string, path: string, body: unknown, done: string): Promise<void> {
  if (busy || !confirm(question)) return;
  busy = true;
  try {
    await api('POST', '/v1/supervisor/requests/' + path, body);
    await loadTeam();
    say(done);
    $('sup-h').focus();
  } catch (err) {
    warn(t('sup.failed', { message: failure(err).message }));
    await loadTeam();
  } finally {
    busy = false;
  }
}

const release = (r: Brief) =>
  act(t('sup.confirmRelease', { subject: r.subject, agent: r.assignee }), encodeURIComponent(r.id) + '/release', undefined, t('sup.released', { subject: r.subject, agent: r.assignee }));
const returnToTeam = (r: Brief) =>
  act(t('sup.confirmReturn', { subject: r.subject, agent: r.assignee }), encodeURIComponent(r.id) + '/return-to-team', undefined, t('sup.returned', { subject: r.subject, agent: r.assignee }));
const reassign = (r: Brief, to: string) =>
  act(t('sup.confirmReassign', { subject: r.subject, agent: to }), encodeURIComponent(r.id) + '/reassign', { agent: to }, t('sup.reassigned', { subject: r.subject, agent: to }));

export function wireSupervisor(): void {
  $('sup-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void loadTeam();
  });
  team().addEventListener('change', () => void loadTeam());
}
