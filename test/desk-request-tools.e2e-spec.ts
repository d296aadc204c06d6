import type { Browser, BrowserContext } from 'playwright-core';
import { addAgent, bearer, claim } from './support/agents';
import { accessibilityProblems, launchChromium, screenshot, until } from './support/browser';
import { testDatabases } from './support/databases';
import { arrowTo, focused, listen, openDesk, queued, requestView, signIn, tabTo } from './support/desk';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/**
 * The request view's tools in Chromium: the reply draft starts from the rules' text and can be
 * edited, a macro replaces it and the reply records it; the customer panel lists the customer's
 * other requests; an internal note, a reclassification and a transfer done with the keyboard alone.
 */
jest.setTimeout(120_000);

describe('the request tools on the desk', () => {
  let sys: TestSystem;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    sys = await startSystem(testDatabases()[0], { LEASE_MS: '60000' });
    base = await listen(sys);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await sys?.stop();
  });

  it('drafts from the rules, fills a macro, records it on the reply, shows earlier requests, and notes, reclassifies and transfers by keyboard', async () => {
    const liga = { id: 'c-tools-1', email: 'liga@example.lv', country: 'LV', language: 'lv' };
    const macro = (
      await sys.http
        .post('/v1/admin/macros')
        .set(bearer(sys.adminKey))
        .send({ name: 'Lūgt failu', language: 'lv', clauses: ['4.1.2a'], body: 'Lūdzu, atsūtiet mums failu, ko Kaspersky izdzēsa.' })
        .expect(201)
    ).body;
    // An earlier request of the same customer, held by a colleague: not in the queue, but in the panel.
    const earlier = await queued(sys, { customer: liga, subject: 'Earlier: my tool was deleted', description: 'Kaspersky deleted my tool as a trojan, a false positive.' });
    const colleague = await addAgent(sys, 'tools-colleague', ['home-malware', 'home-lv']);
    expect((await claim(sys, colleague))?.request.id).toBe(earlier.id);
    const { id } = await queued(sys, { customer: liga, subject: 'Tools: a false positive again', description: 'Kaspersky deletes my program as a trojan again; it is a false positive.' });
    const agent = await addAgent(sys, 'tools-agent', ['home-malware', 'home-lv']);

    const { page, problems } = await openDesk(browser, base, contexts);
    await signIn(page, agent);
    await page.keyboard.press('c');
    await until(page, '#work-h', /Tools: a false positive again/);

    // The draft: the rules' self-service text (2.1) in the customer's language, editable.
    await waitFor(async () => /support\.kaspersky\.com\/consumer/.test(await page.locator('#reply-body').inputValue()), 'the draft from the rules');
    const draft = await page.locator('#reply-body').inputValue();
    expect(draft).toContain('Zināšanu bāze');
    expect(await page.locator('#reply-suggestion').inputValue()).toBe('self-service:home');
    await page.keyboard.press('r');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Labdien!');
    expect(await page.locator('#reply-body').inputValue()).toBe(draft + ' Labdien!');

    // The customer panel: the earlier request, the plan.
    await until(page, '#customer-body', /Earlier: my tool was deleted/);
    expect(await page.locator('#customer-body').innerText()).not.toContain('Tools: a false positive again');

    // Picking the macro replaces the message; the edited text goes out and the reply records the macro.
    await page.locator('#reply-suggestion').selectOption(`macro:${macro.id}`);
    expect(await page.locator('#reply-body').inputValue()).toBe(macro.body);
    await page.locator('#reply-body').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Paldies.');
    await page.keyboard.press('Control+Enter');
    await until(page, '#status', /Reply sent/);
    const replied = (await requestView(sys, id)).timeline.find((e: { event: string }) => e.event === 'request.replied');
    expect(replied.detail).toMatchObject({ body: `${macro.body} Paldies.`, suggestionId: `macro:${macro.id}`, agent: 'tools-agent' });
    expect(await page.locator('#reply-suggestion').inputValue()).toBe('');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'desk-request-tools.png');

    // Keyboard only from here: i goes to the internal note, Ctrl+Enter adds it, marked internal.
    await page.keyboard.press('Tab'); // out of the text box, onto the send button
    await page.keyboard.press('i');
    expect(await focused(page)).toBe('note-body');
    await page.keyboard.type('Customer sounded worried: check the file by hand.');
    await page.keyboard.press('Control+Enter');
    await until(page, '#notes', /Internal[\s\S]*Customer sounded worried/);
    await until(page, '#status', /Internal note added/);

    // Reclassify: Tab to the clause, arrows to 4.1.3, Tab to the reason, Enter.
    await tabTo(page, 'reclassify-clause');
    await arrowTo(page, '4.1.3');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('reclassify-reason');
    await page.keyboard.type('It is about the licence');
    await page.keyboard.press('Enter');
    await until(page, '#status', /Reclassified to 4\.1\.3/);
    const reclassified = await requestView(sys, id);
    expect(reclassified.classification.clause).toBe('4.1.3');

    // Transfer (the reclassification moved it to home-lv): Tab round to the team select, arrows to home-intl, the reason, Enter.
    await tabTo(page, 'transfer-team', 80);
    await arrowTo(page, 'home-intl');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('transfer-reason');
    await page.keyboard.type('English-speaking team asked for it');
    await page.keyboard.press('Enter');
    await until(page, '#status', /Transferred to home-intl/);
    const moved = await requestView(sys, id);
    expect(moved).toMatchObject({ team: 'home-intl', status: 'queued' });
    const events = moved.timeline.map((e: { event: string }) => e.event);
    expect(events).toEqual(expect.arrayContaining(['request.note-added', 'request.reclassified', 'request.transferred']));
    expect(moved.timeline.filter((e: { event: string }) => e.event === 'request.transferred').at(-1).detail).toMatchObject({ to: 'home-intl', reason: 'English-speaking team asked for it' });
    expect(problems).toEqual([]);
  });
});
