import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addAgent, bearer, claim } from './support/agents';
import { axeViolations } from './support/axe';
import { accessibilityProblems, launchChromium, until } from './support/browser';
import { testDatabases } from './support/databases';
import { listen, openDesk, queued, requestView, signIn } from './support/desk';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/**
 * The supervisors' section of the desk in headless Chromium: a team's waiting, held and worked
 * requests and its agents; release a lease, return a request held for an absent agent to the team
 * queue, reassign, each confirmed and announced; an agent who is not a supervisor never sees it.
 */
jest.setTimeout(150_000);

const row = (page: Page, subject: string) => page.locator('#sup-requests tbody tr', { has: page.locator('th', { hasText: subject }) });

describe.each(testDatabases())('the supervisor view on %s', (db) => {
  let sys: TestSystem;
  let browser: Browser;
  let base: string;
  let sup: string;
  let ag: string;
  let here: string;
  const contexts: BrowserContext[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sys = await startSystem(db, { LEASE_MS: '60000' });
    base = await listen(sys);
    const worked = await queued(sys, { subject: 'Sup: being worked', description: 'Kaspersky deletes my program as a trojan; it is a false positive.' });
    const team = (await requestView(sys, worked.id)).team;
    sup = await addAgent(sys, 'sup-desk', [team], 'supervisor');
    ag = await addAgent(sys, 'ag-away', [team]);
    here = await addAgent(sys, 'ag-here', [team]);
    ids.worked = worked.id;
    expect((await claim(sys, ag))?.request.id).toBe(worked.id);
    // Held for ag-away: claimed, asked the customer, the customer answered.
    const held = await queued(sys, { subject: 'Sup: held for its agent', description: 'Kaspersky deletes my tool as a trojan; it is a false positive.' });
    ids.held = held.id;
    const second = await claim(sys, ag);
    expect(second?.request.id).toBe(held.id);
    await sys.http.post(`/v1/requests/${held.id}/replies`).set(bearer(ag)).send({ body: 'Which file?', waitForCustomer: true }).expect(200);
    await sys.http.post(`/v1/requests/${held.id}/customer-replies`).set(bearer(held.token)).send({ body: 'This one.' }).expect(202);
    await waitFor(async () => (await requestView(sys, held.id)).status === 'queued', 'the held request to queue for its agent');
    ids.waiting = (await queued(sys, { subject: 'Sup: waiting', description: 'Kaspersky deletes my game as a trojan; it is a false positive.' })).id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await sys?.stop();
  });

  it('shows the team, releases a lease, returns a held request and reassigns one, each confirmed and announced', async () => {
    const { page, problems } = await openDesk(browser, base, contexts, { width: 1280 });
    const questions: string[] = [];
    let answer = true;
    page.on('dialog', (d) => {
      questions.push(d.message());
      void (answer ? d.accept() : d.dismiss());
    });
    await signIn(page, sup);
    await until(page, '#sup-summary', /Waiting\s+1[\s\S]*Held for an agent\s+1[\s\S]*Being worked\s+1/);
    expect(await row(page, 'Sup: being worked').innerText()).toMatch(/being worked[\s\S]*ag-away/);
    expect(await row(page, 'Sup: held for its agent').innerText()).toMatch(/held for its agent[\s\S]*ag-away/);
    expect(await row(page, 'Sup: waiting').innerText()).toMatch(/waiting/);
    await until(page, '#sup-agents', /ag-away[\s\S]*Sup: being worked[\s\S]*Sup: held for its agent/);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // Dismissed: nothing happens.
    answer = false;
    await page.getByRole('button', { name: 'Release the lease on “Sup: being worked”' }).click();
    expect(questions).toEqual(['End ag-away’s lease on “Sup: being worked”? It goes back to the team queue.']);
    expect((await requestView(sys, ids.worked)).status).toBe('assigned');

    answer = true;
    await page.getByRole('button', { name: 'Release the lease on “Sup: being worked”' }).click();
    await until(page, '#status', /Released “Sup: being worked” from ag-away: back in the team queue/);
    expect(await requestView(sys, ids.worked)).toMatchObject({ status: 'queued', assignee: null });
    await until(page, '#sup-summary', /Waiting\s+2[\s\S]*Held for an agent\s+1[\s\S]*Being worked\s+0/);
    expect(await page.evaluate('document.activeElement.id')).toBe('sup-h');

    await page.getByRole('button', { name: 'Return to team: “Sup: held for its agent”' }).click();
    await until(page, '#status', /“Sup: held for its agent” returned from ag-away to the team queue/);
    expect(await requestView(sys, ids.held)).toMatchObject({ status: 'queued', assignee: null });
    await until(page, '#sup-summary', /Waiting\s+3[\s\S]*Held for an agent\s+0/);

    await page.getByRole('combobox', { name: 'Reassign “Sup: waiting” to' }).selectOption('ag-here');
    await page.getByRole('button', { name: 'Reassign “Sup: waiting”' }).click();
    await until(page, '#status', /“Sup: waiting” reassigned to ag-here/);
    expect(await requestView(sys, ids.waiting)).toMatchObject({ status: 'queued', assignee: 'ag-here' });
    expect(await row(page, 'Sup: waiting').innerText()).toMatch(/held for its agent[\s\S]*ag-here/);
    expect(questions.slice(1)).toEqual([
      'End ag-away’s lease on “Sup: being worked”? It goes back to the team queue.',
      'Return “Sup: held for its agent” from ag-away to the team queue?',
      'Give “Sup: waiting” to ag-here?',
    ]);
    // ag-here claims it first: it waits in their own queue.
    expect((await claim(sys, here))?.request.id).toBe(ids.waiting);
    expect(problems).toEqual([]);
  });

  it('an agent who is not a supervisor never sees the section', async () => {
    const { page, problems } = await openDesk(browser, base, contexts, { width: 390 });
    await signIn(page, ag);
    await until(page, '#list-count', /shown/);
    expect(await page.locator('#supervisor').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });
});
