import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer } from './agents';
import { openPage, until } from './browser';
import { submission } from './reference-data';
import type { TestSystem } from './system';
import { waitFor } from './wait';

/** What the desk page tests (test/desk*.e2e-spec.ts) share: the system on a real port, the page, sign-in, queued requests. */

/** Listens on a free port and answers the base URL. */
export async function listen(sys: TestSystem): Promise<string> {
  await sys.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(sys.app.getHttpServer().address() as AddressInfo).port}`;
}

export async function requestView(sys: TestSystem, id: string) {
  return (await sys.http.get(`/v1/requests/${id}`).set(bearer(sys.adminKey)).expect(200)).body;
}

/** Submits a request and waits until it is queued (and, with `clocked`, its SLA clock computed). */
export async function queued(sys: TestSystem, overrides: Record<string, unknown>, clocked = false): Promise<{ id: string; token: string }> {
  const res = await sys.http.post('/v1/requests').set(bearer(sys.producerKey)).send(submission(overrides)).expect(202);
  const { id, customerToken } = res.body.requests[0];
  await waitFor(async () => {
    const v = await requestView(sys, id);
    return v.status === 'queued' && (!clocked || v.sla);
  }, `request ${id} to be queued`);
  return { id, token: customerToken };
}

/** The desk in a fresh page of its own (own storage), under its strict policy. */
export async function openDesk(browser: Browser, base: string, contexts: BrowserContext[], options: { width?: number; locale?: string } = {}): Promise<{ page: Page; problems: string[] }> {
  const { page, problems, headers } = await openPage(browser, `${base}/desk`, contexts, options.width, options.locale);
  if (!/script-src 'self'/.test(headers['content-security-policy'] || '')) throw new Error('the desk lost its script policy');
  return { page, problems };
}

// Plain JavaScript in the page: the tests are not compiled with the DOM types.
export const focused = (page: Page) => page.evaluate("document.activeElement ? document.activeElement.id || document.activeElement.tagName : ''") as Promise<string>;
export const blur = (page: Page) => page.evaluate('document.activeElement && document.activeElement.blur()');

/** Tabs forward until the element with `id` has the focus (at most `max` presses); answers its outline style. */
export async function tabTo(page: Page, id: string, max = 40): Promise<string> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === id) return page.evaluate('getComputedStyle(document.activeElement).outlineStyle') as Promise<string>;
  }
  throw new Error(`Tab never reached #${id} (last: ${await focused(page)})`);
}

/** Picks an option of the focused select with the arrow keys (as a keyboard user does), until its value is `value`. */
export async function arrowTo(page: Page, value: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate('document.activeElement && document.activeElement.value')) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`ArrowDown never reached the option ${value} (focus: ${await focused(page)})`);
}

export async function signIn(page: Page, key: string): Promise<void> {
  await page.locator('#agent-key').fill(key);
  await page.locator('#signin-form button[type=submit]').click();
  await until(page, '#who', /\S/);
  await page.locator('#desk').waitFor();
}
