import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addAgent, bearer, claim } from './support/agents';
import { axeViolations } from './support/axe';
import { accessibilityProblems, launchChromium, until } from './support/browser';
import { testDatabases } from './support/databases';
import { listen, openDesk, queued, requestView, signIn } from './support/desk';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/**
 * The desk's work list in headless Chromium: full-text search by a word of the description, a
 * request of another team never shows, the filters narrow, "load more" follows the cursor, and
 * all of it by keyboard alone; at phone width without sideways scrolling.
 */
jest.setTimeout(180_000);

// Plain JavaScript in the page: the tests are not compiled with the DOM types.
const focused = (page: Page) => page.evaluate("document.activeElement ? document.activeElement.id || document.activeElement.textContent : ''") as Promise<string>;
const subjects = async (page: Page) => (await page.locator('#list-table tbody th').allInnerTexts()).map((s) => s.trim());

describe.each(testDatabases())('the work list on %s', (db) => {
  let sys: TestSystem;
  let browser: Browser;
  let base: string;
  let agent: string;
  let home: { id: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    sys = await startSystem(db, { LEASE_MS: '60000' });
    base = await listen(sys);
    home = await queued(sys, {
      customer: { id: 'c-list-1', email: 'liga@example.lv', country: 'LV', language: 'lv' },
      subject: 'Kļūdaini atzīts vīruss',
      description: 'Kaspersky izdzēsa manu programmu ziedkāposts kā trojan, bet tas ir false positive.',
    });
    // Another team's request with the same word: a business licence routes it elsewhere.
    await queued(sys, {
      customer: { id: 'acme-admin', email: 'it@acme.example', country: 'LV', language: 'en' },
      companyId: 'acme',
      licenceKey: 'LIC-ACME-KESB',
      product: { code: 'kesb', version: '12' },
      subject: 'Endpoint agent flags our build tool',
      description: 'Kaspersky Endpoint Security deletes our ziedkāposts build tool as a trojan; it is a false positive.',
    });
    // 21 more in the home team: one more than a page of the list.
    await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        queued(sys, { subject: `Paged false positive ${String(i).padStart(2, '0')}`, description: `Kaspersky deletes my tool lapa${i} as a trojan; it is a false positive. Token pagingword.` }),
      ),
    );
    const team = (await requestView(sys, home.id)).team;
    agent = await addAgent(sys, 'wl-desk', [team]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await sys?.stop();
  });

  it("lists the team's requests, finds one by a word of its description, never shows another team's, and the filters narrow", async () => {
    const { page, problems } = await openDesk(browser, base, contexts, { width: 1280 });
    await signIn(page, agent);
    await until(page, '#list-count', /20 requests shown; more can be loaded/);
    expect(await subjects(page)).not.toContain('Endpoint agent flags our build tool');

    await page.locator('#list-q').fill('ziedkāposts');
    await page.locator('#list-form button[type=submit]').first().click();
    await until(page, '#list-count', /^1 request shown\.$/);
    expect(await subjects(page)).toEqual(['Kļūdaini atzīts vīruss']);
    const row = await page.locator('#list-table tbody tr').first().innerText();
    expect(row).toMatch(/queued[\s\S]*4\.1\.2a[\s\S]*Latvian/);
    // Not even by the other team's own words.
    await page.locator('#list-q').fill('Endpoint build tool');
    await page.locator('#list-q').press('Enter');
    await until(page, '#list-count', /^0 requests shown\.$/);
    await until(page, '#list-table tbody', /No request matches/);

    // Filters: language narrows the 22 to the Latvian one; a claimed request by status and assignee.
    await page.locator('#list-q').fill('');
    await page.locator('#list-filters summary').click();
    await page.locator('#list-language').selectOption('lv');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await until(page, '#list-count', /^1 request shown\.$/);
    expect(await subjects(page)).toEqual(['Kļūdaini atzīts vīruss']);
    await page.locator('#list-language').selectOption('');
    const claimed = await claim(sys, agent);
    await page.locator('#list-status').selectOption('assigned');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await until(page, '#list-count', /^1 request shown\.$/);
    const claimedSubject = (await requestView(sys, claimed!.request.id)).subject;
    expect(await subjects(page)).toEqual([claimedSubject]);
    await page.locator('#list-assignee').fill('someone-else');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await until(page, '#list-count', /^0 requests shown\.$/);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await until(page, '#list-count', /20 requests shown; more can be loaded/);
    expect(await page.locator('#list-status').inputValue()).toBe('');
    await sys.http.post(`/v1/requests/${claimed!.request.id}/release`).set(bearer(agent)).expect(200);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('by keyboard alone: / to search, Enter, j / k and the arrows between rows, load more, Enter opens the request read-only; at phone width', async () => {
    const { page, problems } = await openDesk(browser, base, contexts, { width: 390 });
    await signIn(page, agent);
    await until(page, '#list-count', /more can be loaded/);
    await page.evaluate('document.activeElement && document.activeElement.blur()');

    await page.keyboard.press('/');
    expect(await focused(page)).toBe('list-q');
    await page.keyboard.type('pagingword');
    await page.keyboard.press('Enter');
    // The first page before the search may show the same rows: wait for the search's own answer (the list is busy until it is drawn).
    await waitFor(async () => (await page.locator('#list-table').getAttribute('aria-busy')) === null, 'the search to be answered');
    await until(page, '#list-count', /^20 requests shown; more can be loaded\.$/);
    expect((await subjects(page)).every((s) => s.startsWith('Paged'))).toBe(true);
    // In the search box j is a letter; out of it (Tab to the button), j / k move between rows.
    await page.keyboard.press('Tab');
    await page.keyboard.press('j');
    const first = await focused(page);
    expect(first).toMatch(/^Paged false positive \d\d$/);
    await page.keyboard.press('j');
    const second = await focused(page);
    expect(second).not.toBe(first);
    await page.keyboard.press('k');
    expect(await focused(page)).toBe(first);
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe(second);
    await page.keyboard.press('End');
    const last = await focused(page);

    // Load more: the 21st request, and the focus on it.
    for (let i = 0; i < 5 && (await focused(page)) !== 'list-more'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('list-more');
    await page.keyboard.press('Enter');
    await until(page, '#list-count', /^21 requests shown\.$/);
    expect(await page.locator('#list-more').isHidden()).toBe(true);
    const added = await focused(page);
    expect(added).toMatch(/^Paged false positive \d\d$/);
    expect(new Set((await subjects(page)).filter((s) => s.startsWith('Paged'))).size).toBe(21);
    expect([first, second, last]).not.toContain(added);

    // Enter opens it: read-only (not claimed), the focus on its heading.
    await page.keyboard.press('Enter');
    await until(page, '#work-h', new RegExp(added));
    expect(await focused(page)).toBe('work-h');
    await until(page, '#act-note', /View only: this request is queued/);
    expect(await page.locator('#reply-body').isDisabled()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
