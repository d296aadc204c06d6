import type { Browser, BrowserContext } from 'playwright-core';
import { addAgent } from './support/agents';
import { accessibilityProblems, launchChromium, screenshot, until } from './support/browser';
import { testDatabases } from './support/databases';
import { blur, focused, listen, openDesk, queued, requestView, tabTo } from './support/desk';
import { startSystem, type TestSystem } from './support/system';

/**
 * The desk without a mouse: sign in, claim with `c`, the `?` list of shortcuts, resolve with `s`
 * and Ctrl+Enter; every action is reachable with Tab and shows where the focus is.
 */
jest.setTimeout(120_000);

describe('the desk by keyboard alone', () => {
  let sys: TestSystem;
  let browser: Browser;
  let base: string;
  let agent: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    sys = await startSystem(testDatabases()[0], { LEASE_MS: '60000' });
    base = await listen(sys);
    agent = await addAgent(sys, 'kira', ['home-malware', 'home-lv']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await sys?.stop();
  });

  it('signs in, claims with c, lists the shortcuts on ?, moves between requests with n, resolves with s and Ctrl+Enter; Tab reaches every action with a visible focus', async () => {
    const { id } = await queued(sys, { subject: 'Keyboard: a worm slipped through', description: 'A worm on my computer was not detected by Kaspersky. The antivirus missed the malware.' });
    const { id: second } = await queued(sys, { subject: 'Keyboard: the second one', description: 'A trojan on my laptop was not detected by Kaspersky. The antivirus missed the malware.' });
    const { page, problems } = await openDesk(browser, base, contexts);

    // The key field has the focus on arrival; after signing in, the claim button has it.
    expect(await focused(page)).toBe('agent-key');
    await page.keyboard.type(agent);
    await page.keyboard.press('Enter');
    await until(page, '#who', /Signed in as kira/);
    expect(await focused(page)).toBe('claim');

    // c claims; the focus moves to the request's heading.
    await page.keyboard.press('c');
    await until(page, '#work-h', /Keyboard: a worm slipped through/);
    expect(await focused(page)).toBe('work-h');
    await until(page, '#lease', /You hold this request/);

    // ? lists the shortcuts in a modal dialog; Escape closes it and the focus comes back.
    await page.keyboard.press('Shift+Slash');
    const help = page.locator('#keys-help');
    await help.waitFor({ state: 'visible' });
    const list = await help.innerText();
    for (const words of [/c\s+Claim the next request/, /r\s+Write a reply/, /s\s+Write the resolution summary/, /n\s+Open the next of my requests/, /\?\s+Show this list/]) expect(list).toMatch(words);
    expect(await focused(page)).toBe('keys-close');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'desk-keys-help.png');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('work-h');

    // Single keys do nothing while typing: r goes to the reply box (its draft is a suggested reply), where "c" is just a letter.
    await page.keyboard.press('r');
    expect(await focused(page)).toBe('reply-body');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('ccc');
    expect(await page.locator('#reply-body').inputValue()).toBe('ccc');
    await page.locator('#reply-body').fill('');

    // Every action is reachable with Tab, and the focus shows.
    for (const control of ['claim', 'refresh', 'keys', 'reply-body', 'resolve-summary', 'release']) {
      await blur(page);
      expect(await tabTo(page, control)).not.toBe('none');
    }

    // Ask for information with Tab and Enter (the request waits for the customer, still one of mine); c claims the second; n goes between them.
    await blur(page);
    await page.keyboard.press('r');
    await page.keyboard.type('Please send us the scan report.');
    await tabTo(page, 'ask-info', 3);
    await page.keyboard.press('Enter');
    await until(page, '#req-meta', /awaiting-customer/);
    // The reply buttons are off now (the request waits for the customer): the focus is on the request's heading, not lost.
    expect(await focused(page)).toBe('work-h');
    await page.keyboard.press('c');
    await until(page, '#work-h', /Keyboard: the second one/);
    await until(page, '#mine', /Keyboard: a worm slipped through[\s\S]*Keyboard: the second one|Keyboard: the second one[\s\S]*Keyboard: a worm slipped through/);
    await page.keyboard.press('n');
    await until(page, '#work-h', /Keyboard: a worm slipped through/);
    await page.keyboard.press('n');
    await until(page, '#work-h', /Keyboard: the second one/);
    await until(page, '#lease', /You hold this request/);

    // s goes to the resolution summary; Ctrl+Enter resolves.
    await blur(page);
    await page.keyboard.press('s');
    expect(await focused(page)).toBe('resolve-summary');
    await page.keyboard.type('Worm removed, by keyboard.');
    await page.keyboard.press('Control+Enter');
    await until(page, '#req-meta', /resolved/);
    await until(page, '#status', /Resolved/);
    expect(await focused(page)).toBe('work-h');
    expect((await requestView(sys, second)).status).toBe('resolved');
    expect((await requestView(sys, id)).status).toBe('awaiting-customer');

    // The shortcuts can be turned off (remembered): then c does nothing.
    await page.keyboard.press('Shift+Slash');
    await help.waitFor({ state: 'visible' });
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('keys-on');
    await page.keyboard.press('Space');
    expect(await page.evaluate("localStorage.getItem('desk.shortcuts')")).toBe('off');
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await page.waitForTimeout(300);
    expect(await page.locator('#status').innerText()).toMatch(/Resolved/);
    expect(problems).toEqual([]);
  });
});
