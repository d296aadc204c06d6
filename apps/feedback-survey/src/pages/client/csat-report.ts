/**
 * The CSAT report page's script (GET /reports/csat/app.js, bundled by esbuild): asks for the admin
 * key like a sign-in (kept in this tab's sessionStorage only), fetches GET /v1/reports/csat for
 * the chosen period and grouping, and draws it (chart.ts).
 */
import { caption, drawChart, fillTable } from './chart';
import type { CsatReport } from './report-types';

const KEY = 'csat-admin-key';
const $ = <T extends Element = HTMLElement>(id: string): T => document.getElementById(id) as unknown as T;
const input = (id: string) => $<HTMLInputElement>(id);

function showSignIn(message?: string): void {
  $('signin').hidden = false;
  $('report').hidden = true;
  $('signin-error').textContent = message || '';
  input('key').focus();
}

/** The last 30 days up to tomorrow, unless chosen. */
function defaults(): void {
  const to = new Date();
  to.setUTCDate(to.getUTCDate() + 1);
  const from = new Date();
  from.setUTCDate(from.getUTCDate() - 30);
  if (!input('from').value) input('from').value = from.toISOString().slice(0, 10);
  if (!input('to').value) input('to').value = to.toISOString().slice(0, 10);
}

function draw(data: CsatReport): void {
  drawChart($<SVGSVGElement>('chart'), data.groups);
  fillTable($<HTMLTableSectionElement>('rows'), data.groups, data.total);
  $('caption').textContent = caption(data);
}

function load(): void {
  const key = sessionStorage.getItem(KEY);
  if (!key) return showSignIn();
  $('signin').hidden = true;
  $('report').hidden = false;
  const q = new URLSearchParams({ from: input('from').value, to: input('to').value, groupBy: $<HTMLSelectElement>('groupBy').value });
  $('status').textContent = 'Loading…';
  fetch('/v1/reports/csat?' + q.toString(), { headers: { Authorization: 'Bearer ' + key } })
    .then((res) => {
      if (res.status === 401 || res.status === 403) {
        sessionStorage.removeItem(KEY);
        showSignIn('That key was not accepted. Please sign in with an administrator key.');
        return null;
      }
      return res.json().then((body: CsatReport & { message?: string }) => {
        if (!res.ok) throw new Error(body.message || 'HTTP ' + res.status);
        return body;
      });
    })
    .then((data) => {
      if (!data) return;
      draw(data);
      $('status').textContent = 'Updated ' + new Date().toLocaleTimeString();
      document.body.setAttribute('data-ready', 'true');
    })
    .catch((e: Error) => {
      $('status').textContent = 'Could not load the report: ' + e.message;
    });
}

$('signin-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const k = input('key').value.trim();
  if (!k) return showSignIn('Please enter the key.');
  sessionStorage.setItem(KEY, k);
  input('key').value = '';
  load();
});
$('filters').addEventListener('submit', (ev) => {
  ev.preventDefault();
  load();
});
$('signout').addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  showSignIn();
});
defaults();
load();
