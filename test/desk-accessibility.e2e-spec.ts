import type { Browser, BrowserContext } from 'playwright-core';
import { addAgent, claim } from './support/agents';
import { axeViolations } from './support/axe';
import { accessibilityProblems, launchChromium, sectionScreenshot, until } from './support/browser';
import { testDatabases } from './support/databases';
import { listen, openDesk, queued, requestView, signIn } from './support/desk';
import { startSystem, type TestSystem } from './support/system';

/**
 * axe-core on every state of the desk (sign-in, work list, an open request, the supervisors'
 * section) at desktop and phone width: no serious or critical violation. The screenshots of the
 * list, the request and the supervisor view at both widths land in test/artifacts/screenshots/.
 */
jest.setTimeout(150_000);

describe('the desk under axe-core', () => {
  let sys: TestSystem;
  let browser: Browser;
  let base: string;
  let sup: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    sys = await startSystem(testDatabases()[0], { LEASE_MS: '60000' });
    base = await listen(sys);
    const first = await queued(sys, { subject: 'Axe: a trojan not detected', description: 'A trojan on my laptop was not detected by Kaspersky. The antivirus missed the malware.' });
    const team = (await requestView(sys, first.id)).team;
    sup = await addAgent(sys, 'axe-sup', [team], 'supervisor');
    const other = await addAgent(sys, 'axe-agent', [team]);
    await queued(sys, { subject: 'Axe: false positive', description: 'Kaspersky deletes my own program as a trojan; it is a false positive.' });
    await queued(sys, { subject: 'Axe: another false positive', description: 'Kaspersky deletes my game as a trojan; it is a false positive.' });
    await queued(sys, { subject: 'Axe: worked by another agent', description: 'Kaspersky deletes my editor as a trojan; it is a false positive.' });
    // The other agent holds one (the supervisor sees a lease to release), the rest wait.
    expect(await claim(sys, other)).not.toBeNull();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await sys?.stop();
  });

  it.each([1280, 390])('sign-in, list, request and supervisor view at %i px: no serious or critical violation', async (width) => {
    const { page, problems } = await openDesk(browser, base, contexts, { width });
    expect(await axeViolations(page)).toEqual([]);
    await signIn(page, sup);
    await until(page, '#list-count', /requests shown/);
    await until(page, '#sup-summary', /Being worked\s+1/);
    expect(await axeViolations(page)).toEqual([]);
    await sectionScreenshot(page, '#list', `screenshots/desk-list-${width}.png`);
    await sectionScreenshot(page, '#supervisor', `screenshots/desk-supervisor-${width}.png`);

    await page.locator('#claim').click();
    await until(page, '#lease', /You hold this request/);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await sectionScreenshot(page, '#work', `screenshots/desk-request-${width}.png`);
    await page.locator('#release').click();
    await until(page, '#req-meta', /queued/);
    expect(problems).toEqual([]);
  });
});
