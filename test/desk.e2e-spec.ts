import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { addAgent, bearer, claim } from './support/agents';
import { accessibilityProblems, launchChromium, screenshot, until } from './support/browser';
import { testDatabases } from './support/databases';
import { listen, openDesk as openDeskPage, queued as queuedRequest, requestView, signIn } from './support/desk';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/**
 * The agents' page (GET /desk) in headless Chromium: a whole case worked through the page, with
 * the real system listening on a real port. Needs Debian's `chromium` (.ci/run installs it).
 */
// Long enough that a renewal (every third) survives a loaded CI machine; the test waits past it once.
const LEASE_MS = 6000;
const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

jest.setTimeout(120_000);

describe("the agents' page in Chromium", () => {
  let sys: TestSystem;
  let browser: Browser;
  let base: string;
  let dana: string;
  let ben: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    sys = await startSystem(testDatabases()[0], { LEASE_MS: String(LEASE_MS), REMINDER_AFTER_MS: '600000', AUTO_CLOSE_AFTER_MS: '1200000' });
    base = await listen(sys);
    dana = await addAgent(sys, 'dana', ['home-malware', 'home-lv']);
    ben = await addAgent(sys, 'ben', ['home-malware']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await sys?.stop();
  });

  const queued = (overrides: Record<string, unknown>) => queuedRequest(sys, overrides);
  const view = (id: string) => requestView(sys, id);
  const openDesk = () => openDeskPage(browser, base, contexts);

  it('is a public page with a strict policy; its script and styles come from the same origin', async () => {
    const page = await sys.http.get('/desk').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(page.text).not.toMatch(/<script>|<style>|style="/); // nothing inline
    expect(page.text).toContain('<script src="/desk/app.js" defer></script>');
    const script = await sys.http.get('/desk/app.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    // The served script is esbuild's bundle of client/*.ts (npm run build), one self-contained file.
    expect(script.text).toBe(readFileSync(join(__dirname, '../dist/client/desk/app.js'), 'utf8'));
    expect(script.text).not.toMatch(/^\s*(import|export)\s/m);
    expect((await sys.http.get('/desk/app.css').expect(200)).headers['content-type']).toMatch(/text\/css/);
    const config = (await sys.http.get('/desk/config.json').expect(200)).body;
    expect(config.leaseMs).toBe(LEASE_MS);
    expect(config.rules['2022-04-07']['4.4.5'].title).toMatch(/information needed/);
  });

  it('works a whole case: sign in, queues, claim, decisions, ask for information, customer answers, claim again, resolve', async () => {
    const subject = 'Virus not detected on the office laptop';
    const { id, token } = await queued({
      subject,
      description: `My computer is infected with a trojan that Kaspersky did not detect. The antivirus missed the malware. The laptop was already infected before I installed Kaspersky. ${XSS}`,
    });
    const { page, problems } = await openDesk();

    // Sign in; the team counts.
    await signIn(page, dana);
    await until(page, '#queues', /home-malware\s+1\s+0/);
    await until(page, '#queues', /home-lv\s+0\s+0/);
    expect(await page.evaluate("sessionStorage.getItem('desk.agentKey')")).toBe(dana);

    // Claim next: the request with its decisions, clause ids and timeline.
    await page.getByRole('button', { name: 'Claim next request' }).click();
    await until(page, '#work-h', new RegExp(subject));
    await until(page, '#status', /Claimed/);
    const details = await until(page, '#details', /Routed to a team/);
    expect(details).toMatch(/Status\s+assigned/);
    expect(details).toMatch(/Segment\s+home/);
    expect(details).toMatch(/Team\s+home-malware/);
    expect(details).toMatch(/Rules version\s+2022-04-07/);
    expect(details).toMatch(/Decision\s+supported/);
    expect(details).toMatch(/4\.5a\s+Home & mobile software is supported regardless of licence status/);
    expect(details).toMatch(/4\.1\.2b\s+Malware the software did not detect/);
    expect(details).toMatch(/Scope\s+included/);
    expect(details).toMatch(/Confidence\s+\d+%/);
    expect(details).toMatch(/Caveats \(4\.4\)\s+4\.4\.1 Installed on an infected device/); // a caveat, with its meaning
    expect(details).toMatch(/No response-time clock/); // sla is null for an unpaid request
    expect(details).toMatch(/Received[\s\S]*Eligibility decided[\s\S]*Classified[\s\S]*Routed to a team[\s\S]*Claimed/);
    await until(page, '#lease', /You hold this request/);

    // Customer text is shown as text, never run.
    expect(details).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('#details img, #details script').count()).toBe(0);

    // The page keeps the lease: well past its length, nobody else can claim the request.
    await page.waitForTimeout(LEASE_MS * 1.6);
    expect(await claim(sys, ben)).toBeNull();
    expect((await view(id)).assignee).toBe('dana');

    // Ask for information: the request waits for the customer.
    await page.getByLabel('Message to the customer').fill('Please send us the report of the scan (Settings → Reports → Save).');
    await page.getByRole('button', { name: 'Ask for information' }).click();
    await until(page, '#req-meta', /awaiting-customer/);
    await until(page, '#status', /Asked the customer for information/);
    await until(page, '#details', /Waiting for the customer[\s\S]*\[cooperation\]/);
    await until(page, '#act-note', /Waiting for the customer/);
    expect(await page.getByRole('button', { name: 'Ask for information' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Resolve' }).isEnabled()).toBe(true);
    const waiting = await view(id);
    expect(waiting.status).toBe('awaiting-customer');
    expect(waiting.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'request.replied', detail: expect.objectContaining({ kind: 'information-request' }) })]));
    await until(page, '#mine', /awaiting-customer/);

    // The customer answers (with their token): the request comes back to dana.
    await sys.http.post(`/v1/requests/${id}/customer-replies`).set(bearer(token)).send({ body: 'Here is the report: Trojan.Win32.Agent found in C:\\Temp <b>bold?</b>' }).expect(202);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await until(page, '#returning', /Coming back to you: 1 request/);
    await page.getByRole('button', { name: 'Claim next request' }).click();
    await until(page, '#req-meta', /assigned/);
    const again = await until(page, '#details', /Customer replied/);
    expect(again).toContain('Here is the report: Trojan.Win32.Agent found in C:\\Temp <b>bold?</b>');
    expect(again).toMatch(/Agent replied[\s\S]*Asked for information[\s\S]*Please send us the report/);
    await until(page, '#lease', /You hold this request/);

    await screenshot(page, 'desk.png');

    expect(await accessibilityProblems(page)).toEqual([]);

    // Resolve with a summary.
    await page.getByLabel('Resolution summary').fill('Trojan removed with the Virus Removal Tool; signature added.');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await until(page, '#req-meta', /resolved/);
    await until(page, '#details', /Resolved[\s\S]*Trojan removed with the Virus Removal Tool/);
    await until(page, '#lease', /^$/);
    const resolved = await view(id);
    expect(resolved.status).toBe('resolved');
    expect(resolved.timeline.map((e: { event: string }) => e.event)).toEqual(
      expect.arrayContaining(['request.assigned', 'request.replied', 'request.awaiting-customer', 'request.customer-replied', 'request.resolved']),
    );

    // Nothing else waits; sign out forgets the key.
    await page.getByRole('button', { name: 'Claim next request' }).click();
    await until(page, '#status', /Nothing waiting in your queues/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Agent key').waitFor();
    expect(await page.evaluate("sessionStorage.getItem('desk.agentKey')")).toBeNull();
    expect(problems).toEqual([]);
  });

  it('counts the SLA down live, and says clearly when the lease has lapsed', async () => {
    const { id } = await queued({ subject: 'Scanner misses a worm', description: 'A worm on my computer was not detected by Kaspersky. The antivirus missed the malware.' });
    const { page, problems } = await openDesk();
    await signIn(page, dana);
    // The SLA clocks are another part's work: give this claim the shape they will have.
    const firstDue = new Date(Date.now() + 90 * 60_000).toISOString();
    const resolutionDue = new Date(Date.now() - 5 * 60_000).toISOString();
    await page.route('**/v1/agent/claims', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.request.sla = { plan: 'business-priority', firstResponseDueAt: firstDue, resolutionDueAt: resolutionDue, paused: false, breaches: [] };
      await route.fulfill({ response: res, json: body });
    });
    await page.getByRole('button', { name: 'Claim next request' }).click();
    await until(page, '#work-h', /Scanner misses a worm/);
    const first = await until(page, '#details', /First response\s+in 1h 29m \d\ds/);
    expect(first).toMatch(/Plan\s+business-priority/);
    expect(first).toMatch(/Resolution\s+breached by 0?5m/);
    expect(first).toMatch(/Clock\s+running/);
    const before = await page.locator('#details [data-deadline]').first().innerText();
    // Live: the countdown changes by itself (waited for with a deadline, not a fixed pause: a loaded machine may skip a tick).
    await waitFor(async () => (await page.locator('#details [data-deadline]').first().innerText()) !== before, 'the countdown to tick', 10_000, 100);

    // The lease lapses (here: the server answers the renewal with 409): the page says so and stops offering actions.
    await page.route('**/v1/agent/claims/*/renew', (route) =>
      route.fulfill({ status: 409, json: { statusCode: 409, message: 'the lease has lapsed: the request went back to its queue', error: 'Conflict' } }),
    );
    await until(page, '#alert', /Lease lapsed: this request went back to its queue/, LEASE_MS * 2);
    await until(page, '#lease', /Lease lapsed/);
    expect(await page.getByRole('button', { name: 'Send reply' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Release to the team queue' }).isDisabled()).toBe(true);
    await until(page, '#act-note', /claim the request again/);
    // And for real: the lease BullMQ holds lapses too, and the request goes to the next agent.
    const next = await waitFor(() => claim(sys, ben), 'the lapsed lease to free the request', LEASE_MS * 4, 200);
    expect(next.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/release`).set(bearer(ben)).expect(200);
    expect(problems).toEqual([]);
  });
});
