import type { Browser, BrowserContext } from 'playwright-core';
import { addAgent, bearer } from './support/agents';
import { accessibilityProblems, launchChromium, screenshot, until } from './support/browser';
import { testDatabases } from './support/databases';
import { listen, openDesk, queued, requestView, signIn } from './support/desk';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/**
 * The desk's SLA card in Chromium on a paid request: counting down, first response met by a
 * reply, both targets met and the clock stopped on resolving, and "stopped" when the plan goes.
 */
jest.setTimeout(120_000);

const HOME_TEAMS = ['home-lv', 'home-ee', 'home-malware', 'home-intl', 'home-triage'];
const all = (minutes: number) => ({ '1': minutes, '2': minutes, '3': minutes });
const licence = (customerId: string, supportPlan: string | null) => ({ productCode: 'kav', customerId, status: 'active', validUntil: '2030-12-31', kind: 'commercial', supportPlan });
const paid = (customerId: string, licenceKey: string) => ({ customer: { id: customerId, email: `${customerId}@example.lv`, country: 'LV', language: 'en' }, licenceKey });

describe("the desk's SLA card in Chromium", () => {
  let sys: TestSystem;
  let browser: Browser;
  let base: string;
  let agent: string;
  const contexts: BrowserContext[] = [];
  const admin = (path: string, body: object) => sys.http.put(path).set(bearer(sys.adminKey)).send(body).expect(200);

  beforeAll(async () => {
    sys = await startSystem(testDatabases()[0], { LEASE_MS: '60000' });
    base = await listen(sys);
    await admin('/v1/admin/sla-plans/desk-plan', { hours: '24x7', firstResponseMinutes: all(60), resolutionMinutes: all(240), warnAtPercent: 80 });
    await admin('/v1/admin/licences/LIC-DESK-1', licence('c-3001', 'desk-plan'));
    await admin('/v1/admin/licences/LIC-DESK-2', licence('c-3002', 'desk-plan'));
    agent = await addAgent(sys, 'sla-agent', HOME_TEAMS);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await sys?.stop();
  });

  it('counts down, says met after the reply and the resolution, and stops counting', async () => {
    const { id } = await queued(sys, { ...paid('c-3001', 'LIC-DESK-1'), subject: 'Paid: scanner misses a worm' }, true);
    const { page, problems } = await openDesk(browser, base, contexts);
    await signIn(page, agent);
    await page.locator('#claim').click();
    await until(page, '#work-h', /Paid: scanner misses a worm/);
    const running = await until(page, '#details', /First response\s+in 59m \d\ds/);
    expect(running).toMatch(/Plan\s+desk-plan/);
    expect(running).toMatch(/Resolution\s+in 3h 59m/);
    expect(running).toMatch(/Clock\s+running/);

    await page.locator('#reply-body').fill('We are looking at it.');
    await page.locator('#reply-form button[value=answer]').click();
    const replied = await until(page, '#details', /First response\s+met at/);
    // Still the agent's: the focus is back on the button they sent with.
    expect(await page.evaluate('document.activeElement && document.activeElement.value')).toBe('answer');
    expect(replied).toMatch(/Resolution\s+in 3h 5\dm/);

    await page.locator('#resolve-summary').fill('Worm removed.');
    await page.locator('#resolve-form button[type=submit]').click();
    const resolved = await until(page, '#details', /Resolution\s+met at/);
    expect(resolved).toMatch(/First response\s+met at/);
    expect(resolved).toMatch(/Clock\s+stopped \(resolved\)/);
    // Stopped: nothing in the card counts any more.
    const card = page.locator('#details section.card', { hasText: 'Response times (SLA)' });
    expect(await card.locator('[data-deadline]').count()).toBe(0);
    const before = await card.innerText();
    await page.waitForTimeout(1500);
    expect(await card.innerText()).toBe(before);
    // The SLA worker agrees: both targets met, no breach.
    const done = await waitFor(async () => {
      const v = await requestView(sys, id);
      return v.sla?.resolvedAt ? v : null;
    }, 'the clock to stop');
    expect(done.sla.breaches).toEqual([]);
    await screenshot(page, 'desk-sla-met.png');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('says stopped (no paid plan) when the plan is removed from an open request', async () => {
    const { id } = await queued(sys, { ...paid('c-3002', 'LIC-DESK-2'), subject: 'Paid: plan goes away' }, true);
    const { page, problems } = await openDesk(browser, base, contexts);
    await signIn(page, agent);
    await page.locator('#claim').click();
    await until(page, '#details', /First response\s+in/);
    await admin('/v1/admin/licences/LIC-DESK-2', licence('c-3002', null));
    await waitFor(async () => (await requestView(sys, id)).sla === null, 'the clock to go');
    await page.getByRole('button', { name: 'Open Paid: plan goes away' }).click();
    const stopped = await until(page, '#details', /First response\s+stopped \(no paid plan\)/);
    expect(stopped).toMatch(/Resolution\s+stopped \(no paid plan\)/);
    await sys.http.post(`/v1/requests/${id}/resolve`).set(bearer(agent)).send({ summary: 'done' }).expect(200);
    expect(problems).toEqual([]);
  });
});
