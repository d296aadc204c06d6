import type { FeedbackType, SurveyLanguage } from '@support/domain';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c] as string);
}

const STYLE = `
  *{box-sizing:border-box} body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1b1f24}
  main{max-width:40rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
  h1{font-size:1.5rem;margin-top:0} fieldset{border:1px solid #c8ced6;border-radius:6px;margin:0 0 1.25rem;padding:.75rem 1rem}
  legend{font-weight:600;padding:0 .25rem} .choice{display:block;margin:.25rem 0} .scores{display:flex;gap:.5rem;flex-wrap:wrap}
  .scores label{display:inline-flex;align-items:center;gap:.25rem;border:1px solid #c8ced6;border-radius:4px;padding:.35rem .75rem;cursor:pointer}
  .hint{color:#4a5561;font-size:.9rem} textarea{width:100%;min-height:6rem;font:inherit;padding:.5rem;border:1px solid #8a96a3;border-radius:4px}
  label.block{display:block;font-weight:600;margin-bottom:.25rem}
  button{font:inherit;background:#0b5cad;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;cursor:pointer}
  :focus-visible{outline:3px solid #f0a500;outline-offset:2px} .error{color:#a30000;font-weight:600}
`;

function layout(lang: string, title: string, body: string, extraStyle = ''): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}${extraStyle}</style></head>
<body><main>${body}</main></body></html>`;
}

export interface FormTexts {
  title: string;
  intro: string;
  typeLegend: string;
  scoreLegend: string;
  scoreLow: string;
  scoreHigh: string;
  commentLabel: string;
  submit: string;
}

/**
 * The survey form (rule 7.1): feedback type, a 1–5 score and a comment, in the customer's
 * language. Plain HTML that posts to /surveys/:token (no script needed); every value is escaped;
 * radio groups are fieldsets with legends, every control has a label, all of it keyboard-usable.
 */
export function surveyFormPage(lang: SurveyLanguage, token: string, texts: FormTexts, types: FeedbackType[], error?: string): string {
  const typeChoices = types
    .map((t, i) => `<label class="choice"><input type="radio" name="feedbackType" value="${escapeHtml(t.id)}" required> ${escapeHtml(t.labels[lang])}</label>`)
    .join('\n');
  const scores = [1, 2, 3, 4, 5]
    .map((n) => `<label><input type="radio" name="score" value="${n}" required> ${n}${n === 1 ? ` <span class="hint">(${escapeHtml(texts.scoreLow)})</span>` : n === 5 ? ` <span class="hint">(${escapeHtml(texts.scoreHigh)})</span>` : ''}</label>`)
    .join('\n');
  return layout(lang, texts.title, `
<h1>${escapeHtml(texts.title)}</h1>
<p>${escapeHtml(texts.intro)}</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/surveys/${encodeURIComponent(token)}">
  <fieldset><legend>${escapeHtml(texts.typeLegend)}</legend>
${typeChoices}
  </fieldset>
  <fieldset><legend>${escapeHtml(texts.scoreLegend)}</legend>
  <div class="scores">
${scores}
  </div>
  </fieldset>
  <p><label class="block" for="comment">${escapeHtml(texts.commentLabel)}</label>
  <textarea id="comment" name="comment" maxlength="2000"></textarea></p>
  <button type="submit">${escapeHtml(texts.submit)}</button>
</form>`);
}

/** A one-message page: thanks, expired, already answered, not valid. */
export function messagePage(lang: string, title: string, message: string): string {
  return layout(lang, title, `<h1>${escapeHtml(title)}</h1>\n<p role="status">${escapeHtml(message)}</p>`);
}

/**
 * The CSAT report page: asks for the admin key like a sign-in (kept in sessionStorage only),
 * fetches GET /v1/reports/csat and draws average score and response rate per group as inline
 * SVG bars, with the numbers in a table. All data goes in through textContent, never as HTML.
 */
export function csatReportPage(): string {
  const script = `
(function () {
  var KEY = 'csat-admin-key';
  var $ = function (id) { return document.getElementById(id); };
  var SVG = 'http://www.w3.org/2000/svg';
  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function showSignIn(message) {
    $('signin').hidden = false; $('report').hidden = true;
    $('signin-error').textContent = message || '';
    $('key').focus();
  }
  function defaults() {
    var to = new Date(); to.setUTCDate(to.getUTCDate() + 1);
    var from = new Date(); from.setUTCDate(from.getUTCDate() - 30);
    if (!$('from').value) $('from').value = from.toISOString().slice(0, 10);
    if (!$('to').value) $('to').value = to.toISOString().slice(0, 10);
  }
  function draw(data) {
    var svg = $('chart');
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var groups = data.groups;
    var rowH = 44, left = 170, width = 560, top = 30;
    var h = top + Math.max(1, groups.length) * rowH + 20;
    svg.setAttribute('viewBox', '0 0 ' + (left + width + 130) + ' ' + h);
    svg.setAttribute('height', String(h));
    svg.appendChild(el('text', { x: left, y: 18, 'class': 'axis' }, 'average score (1–5)  ·  response rate'));
    for (var t = 1; t <= 5; t++) {
      var x = left + (t / 5) * width;
      svg.appendChild(el('line', { x1: x, x2: x, y1: top - 6, y2: h - 16, 'class': 'grid' }));
      svg.appendChild(el('text', { x: x, y: h - 2, 'text-anchor': 'middle', 'class': 'axis' }, String(t)));
    }
    if (groups.length === 0) svg.appendChild(el('text', { x: left, y: top + 24 }, 'No surveys were sent in this period.'));
    groups.forEach(function (g, i) {
      var y = top + i * rowH;
      svg.appendChild(el('text', { x: left - 10, y: y + 18, 'text-anchor': 'end', 'class': 'label' }, g.key === null ? '(none)' : String(g.key)));
      var avg = g.averageScore || 0;
      var bar = el('rect', { x: left, y: y + 4, height: 18, width: Math.max(0, (avg / 5) * width), 'class': 'bar' });
      bar.appendChild(el('title', {}, (g.key === null ? '(none)' : String(g.key)) + ': average ' + (g.averageScore === null ? 'n/a' : g.averageScore)));
      svg.appendChild(bar);
      svg.appendChild(el('rect', { x: left, y: y + 25, height: 8, width: Math.max(0, g.responseRate * width), 'class': 'rate' }));
      svg.appendChild(el('text', { x: left + Math.max(0, (avg / 5) * width) + 6, y: y + 18, 'class': 'value' }, g.averageScore === null ? 'n/a' : g.averageScore.toFixed(2)));
      svg.appendChild(el('text', { x: left + Math.max(0, g.responseRate * width) + 6, y: y + 34, 'class': 'small' }, Math.round(g.responseRate * 100) + '% answered'));
    });
    var body = $('rows');
    while (body.firstChild) body.removeChild(body.firstChild);
    groups.concat([Object.assign({ total: true }, data.total)]).forEach(function (g) {
      var tr = document.createElement('tr');
      [g.total ? 'Total' : (g.key === null ? '(none)' : String(g.key)), g.sent, g.answered, Math.round(g.responseRate * 1000) / 10 + '%', g.averageScore === null ? 'n/a' : g.averageScore.toFixed(2)].forEach(function (v, j) {
        var td = document.createElement(j === 0 ? 'th' : 'td');
        if (j === 0) td.setAttribute('scope', 'row');
        td.textContent = String(v);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    $('caption').textContent = 'Satisfaction by ' + data.groupBy + ', ' + data.from.slice(0, 10) + ' to ' + data.to.slice(0, 10);
  }
  function load() {
    var key = sessionStorage.getItem(KEY);
    if (!key) return showSignIn();
    $('signin').hidden = true; $('report').hidden = false;
    var q = new URLSearchParams({ from: $('from').value, to: $('to').value, groupBy: $('groupBy').value });
    $('status').textContent = 'Loading…';
    fetch('/v1/reports/csat?' + q.toString(), { headers: { Authorization: 'Bearer ' + key } }).then(function (res) {
      if (res.status === 401 || res.status === 403) { sessionStorage.removeItem(KEY); showSignIn('That key was not accepted. Please sign in with an administrator key.'); return null; }
      return res.json().then(function (body) {
        if (!res.ok) throw new Error(body.message || ('HTTP ' + res.status));
        return body;
      });
    }).then(function (data) {
      if (!data) return;
      draw(data);
      $('status').textContent = 'Updated ' + new Date().toLocaleTimeString();
      document.body.setAttribute('data-ready', 'true');
    }).catch(function (e) { $('status').textContent = 'Could not load the report: ' + e.message; });
  }
  $('signin-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var k = $('key').value.trim();
    if (!k) return showSignIn('Please enter the key.');
    sessionStorage.setItem(KEY, k); $('key').value = '';
    load();
  });
  $('filters').addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
  $('signout').addEventListener('click', function () { sessionStorage.removeItem(KEY); showSignIn(); });
  defaults();
  load();
})();`;
  const style = `
  main{max-width:56rem} .row{display:flex;gap:1rem;flex-wrap:wrap;align-items:flex-end;margin-bottom:1rem}
  .row label{display:flex;flex-direction:column;font-weight:600;font-size:.9rem} input,select{font:inherit;padding:.35rem;border:1px solid #8a96a3;border-radius:4px}
  svg{width:100%;height:auto;display:block;margin:1rem 0} .bar{fill:#0b5cad} .rate{fill:#7fb3e6} .grid{stroke:#dde2e8}
  .axis,.small{font-size:12px;fill:#4a5561} .label{font-size:14px;fill:#1b1f24} .value{font-size:13px;font-weight:600;fill:#1b1f24}
  table{border-collapse:collapse;width:100%} th,td{border-bottom:1px solid #dde2e8;padding:.4rem;text-align:right} th[scope=row],thead th:first-child{text-align:left}
  caption{text-align:left;font-weight:600;margin-bottom:.5rem} .linkish{background:none;color:#0b5cad;padding:0;text-decoration:underline}`;
  return layout('en', 'Customer satisfaction (CSAT)', `
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
</section>
<script>${script}</script>`, style);
}
