import { html } from '@support/platform';
import { ASSETS, layout } from './layout';

/**
 * The CSAT report page: static markup; its script (client/csat-report.ts, bundled to
 * /reports/csat/app.js) asks for the admin key like a sign-in (kept in sessionStorage only),
 * fetches GET /v1/reports/csat and draws average score and response rate per group as inline
 * SVG bars, with the numbers in a table.
 */
export function csatReportPage(): string {
  return layout(
    'en',
    'Customer satisfaction (CSAT)',
    html`
<h1>Customer satisfaction</h1>
<section id="signin" hidden aria-labelledby="signin-title">
  <h2 id="signin-title">Sign in</h2>
  <form id="signin-form">
    <p><label class="block" for="key">Administrator key</label>
    <input id="key" name="key" type="password" autocomplete="current-password" required></p>
    <p id="signin-error" class="error" role="alert"></p>
    <button type="submit">Sign in</button>
  </form>
  <p class="hint">The key stays in this browser tab only (sessionStorage).</p>
</section>
<section id="report" hidden aria-labelledby="caption">
  <form id="filters" class="row">
    <label for="from">From <input id="from" name="from" type="date"></label>
    <label for="to">To <input id="to" name="to" type="date"></label>
    <label for="groupBy">Group by <select id="groupBy" name="groupBy"><option value="team">team</option><option value="segment">segment</option><option value="country">country</option></select></label>
    <button type="submit">Show</button>
    <button type="button" id="signout" class="linkish">Sign out</button>
  </form>
  <p id="status" class="hint" role="status" aria-live="polite"></p>
  <svg id="chart" role="img" aria-labelledby="caption" xmlns="http://www.w3.org/2000/svg"></svg>
  <table><caption id="caption">Satisfaction</caption>
    <thead><tr><th scope="col">Group</th><th scope="col">Sent</th><th scope="col">Answered</th><th scope="col">Response rate</th><th scope="col">Average score</th></tr></thead>
    <tbody id="rows"></tbody></table>
</section>`,
    { css: ASSETS.csatCss, js: ASSETS.csatJs },
  );
}
