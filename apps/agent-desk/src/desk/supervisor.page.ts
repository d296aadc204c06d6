import { html, type SafeHtml } from '@support/platform';

/**
 * The supervisors' section of the desk (shown only to agents with role `supervisor`; the script
 * fills it from GET /v1/supervisor/teams/:team): the team's counts, its open requests with the
 * actions release, return to team and reassign, and its agents with what they hold.
 */
export function supervisorMarkup(): SafeHtml {
  return html`<section id="supervisor" class="panel supervisor" aria-labelledby="sup-h" hidden>
      <h2 id="sup-h" tabindex="-1" data-i18n="sup.heading">Supervision</h2>
      <form id="sup-form" class="inline-form" novalidate>
        <label for="sup-team" data-i18n="sup.team">Team</label>
        <select id="sup-team" name="team"></select>
        <button type="submit" data-i18n="sup.show">Show</button>
      </form>
      <p id="sup-updated" class="hint"></p>
      <dl id="sup-summary" class="summary"></dl>
      <h3 id="sup-requests-h" data-i18n="sup.requests">Open requests</h3>
      <div class="table-wrap" role="region" aria-labelledby="sup-requests-h" tabindex="0">
        <table id="sup-requests" class="list-table">
          <caption class="sr-only" data-i18n="sup.requestsCaption">The team's requests waiting, held for an agent or being worked, with what you can do about each</caption>
          <thead>
            <tr>
              <th scope="col" data-i18n="list.subject">Subject</th>
              <th scope="col" data-i18n="sup.state">State</th>
              <th scope="col" class="num" data-i18n="list.priority">Priority</th>
              <th scope="col" data-i18n="list.slaDue">SLA due</th>
              <th scope="col" data-i18n="sup.agent">Agent</th>
              <th scope="col" data-i18n="sup.actions">Actions</th>
            </tr>
          </thead>
          <tbody></tbody>
        </table>
      </div>
      <h3 id="sup-agents-h" data-i18n="sup.agents">Agents</h3>
      <div class="table-wrap" role="region" aria-labelledby="sup-agents-h" tabindex="0">
        <table id="sup-agents" class="list-table">
          <caption class="sr-only" data-i18n="sup.agentsCaption">The team's agents and the requests each holds</caption>
          <thead><tr><th scope="col" data-i18n="sup.agent">Agent</th><th scope="col" data-i18n="sup.role">Role</th><th scope="col" data-i18n="sup.holds">Holds</th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
    </section>`;
}
