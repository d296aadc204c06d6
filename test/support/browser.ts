import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { waitFor } from './wait';

/**
 * Headless Chromium for the page tests (/desk, /portal, /admin/outbox): Debian's `chromium`
 * (.ci/run installs it), driven by playwright-core; the checks every page test shares.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Screenshots of the page tests (kept by CI, ignored by git). */
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH. The page tests cannot run without it.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** Collects the page's script errors and console errors (a CSP violation is one); 4xx loads the page expects are not problems. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return problems;
}

/** Waits until the element's visible text matches, and answers it. */
export async function until(page: Page, selector: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  let last = '';
  await waitFor(
    async () => {
      last = await page
        .locator(selector)
        .first()
        .innerText({ timeout: 1000 })
        .catch(() => '');
      return pattern.test(last);
    },
    `${selector} to show ${pattern} (it shows: ${JSON.stringify(last.slice(0, 400))})`,
    timeoutMs,
    100,
  ).catch((e: Error) => {
    throw new Error(`${e.message}\nlast text of ${selector}: ${last.slice(0, 1500)}`);
  });
  return last;
}

/** A full-page screenshot at test/artifacts/<name> (`name` may hold a folder: `screenshots/x.png`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(dirname(join(ARTIFACTS, name)), { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
}

/** A screenshot of one element (a section of the page) at test/artifacts/<name>. */
export async function sectionScreenshot(page: Page, selector: string, name: string): Promise<void> {
  mkdirSync(dirname(join(ARTIFACTS, name)), { recursive: true });
  await page.locator(selector).screenshot({ path: join(ARTIFACTS, name) });
}

/** Runs in the page (plain JavaScript: the tests are not compiled with the DOM types). */
const A11Y_CHECK = `(() => {
  const problems = [];
  const visible = (e) => e.getClientRects().length > 0;
  document.querySelectorAll('input, textarea, select').forEach((c) => {
    if (c.type === 'hidden') return;
    const named = (c.labels && [...c.labels].some((l) => l.textContent.trim())) || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
    if (!named) problems.push('control without a label: ' + c.outerHTML.slice(0, 120));
  });
  document.querySelectorAll('button, [role=button], a[href]').forEach((b) => {
    if (!visible(b) && b.tagName !== 'A') return;
    const name = (b.getAttribute('aria-label') || b.textContent || '').trim();
    if (!name) problems.push('control without a name: ' + b.outerHTML.slice(0, 120));
  });
  document.querySelectorAll('iframe').forEach((f) => {
    if (!(f.getAttribute('title') || '').trim()) problems.push('frame without a title: ' + f.outerHTML.slice(0, 120));
  });
  if (document.querySelectorAll('h1').length !== 1) problems.push('the page should have exactly one h1');
  if (!document.querySelector('main')) problems.push('no main landmark');
  if (!document.documentElement.lang) problems.push('no lang on html');
  if (LIVE && !document.querySelector('[role=status][aria-live], [role=status]')) problems.push('no live region for status messages');
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  if (ids.length !== new Set(ids).size) problems.push('duplicate ids');
  if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('the page scrolls sideways (' + document.documentElement.scrollWidth + ' px wide in a ' + window.innerWidth + ' px window)');
  return problems;
})()`;

/**
 * Every form control has a label, every button and link a name, every frame a title; one h1, a
 * main landmark, a lang, unique ids, no sideways scrolling; `live`: a status live region.
 */
export async function accessibilityProblems(page: Page, { live = true } = {}): Promise<string[]> {
  return page.evaluate(A11Y_CHECK.replace('LIVE', String(live))) as Promise<string[]>;
}

/**
 * A fresh page (its own context: own sessionStorage) at `url`, in the browser language `locale`, watching for script errors and CSP
 * violations; the context goes into `contexts` for the test to close. Fails unless the page answers 200.
 */
export async function openPage(
  browser: Browser,
  url: string,
  contexts: BrowserContext[],
  width = 1360,
  locale = 'en-GB',
): Promise<{ page: Page; problems: string[]; headers: Record<string, string> }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale, timezoneId: 'Europe/Riga' });
  contexts.push(context);
  const page = await context.newPage();
  const problems = watchProblems(page);
  const res = await page.goto(url);
  if (res?.status() !== 200) throw new Error(`${url} answered ${res?.status()}`);
  return { page, problems, headers: res.headers() };
}
