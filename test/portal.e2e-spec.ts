import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addAgent, bearer, claim } from './support/agents';
import { axeViolations } from './support/axe';
import { accessibilityProblems, launchChromium, openPage, screenshot, until } from './support/browser';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { business, policyFile, resolve, submitQueued, surveyIn, view } from './support/surveys';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/**
 * The company portal (GET /portal, rule 7.2) in headless Chromium at a phone's width, with the
 * real system on a real port: sign in with the company key, the company's requests with clause,
 * outcome and deadlines, a conversation read and answered, a survey answered; another company's
 * request never shows, a wrong key is refused. Needs Debian's `chromium` (.ci/run installs it).
 */
jest.setTimeout(150_000);

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

describe('the company portal in Chromium', () => {
  let sys: TestSystem;
  let browser: Browser;
  let base: string;
  let acmeKey: string;
  let globexKey: string;
  let ana: string;
  const ids = { waiting: '', resolved: '', globex: '' };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const policy = policyFile({ delay: '300ms', samplingRate: 1, tokenLifetime: '1h' });
    sys = await startSystem(testDatabases()[0], { SURVEY_POLICY_FILE: policy, REMINDER_AFTER_MS: '600000', AUTO_CLOSE_AFTER_MS: '1200000' });
    await sys.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sys.app.getHttpServer().address() as AddressInfo).port}`;
    ana = await addAgent(sys, 'ana', ['business-baltics']);
    const company = async (id: string, name: string) => (await sys.http.put(`/v1/admin/companies/${id}`).set(bearer(sys.adminKey)).send({ name, country: 'LV' }).expect(201)).body.key;
    acmeKey = await company('acme', 'Acme SIA');
    globexKey = await company('globex', 'Globex AS');

    // Acme: one request waiting for the company's answer, one resolved with its survey sent.
    const waiting = await submitQueued(sys, { ...business('c-acme-1', 1), description: `The endpoint agent crashes every hour and the update fails with an error. ${XSS}` });
    ids.waiting = waiting.id;
    const claimed = await waitFor(() => claim(sys, ana), 'a claim');
    expect(claimed.request.id).toBe(ids.waiting);
    await sys.http
      .post(`/v1/requests/${ids.waiting}/replies`)
      .set(bearer(ana))
      .send({ body: 'Please send us the agent log (Settings → Logs → Save).', waitForCustomer: true, kind: 'information-request' })
      .expect(200);
    ids.resolved = (await submitQueued(sys, business('c-acme-2', 2))).id;
    await resolve(sys, ana, ids.resolved);
    await surveyIn(sys, ids.resolved, ['sent']);
    // Globex (an expired licence): its request must never show to Acme.
    const res = await sys.http
      .post('/v1/requests')
      .set(bearer(sys.producerKey))
      .send(
        submission({
          customer: { id: 'c-globex-1', email: 'g@globex.lv', country: 'LV', language: 'en' },
          companyId: 'globex',
          licenceKey: 'LIC-GLOBEX-KESB',
          product: { code: 'kesb', version: '12' },
          subject: 'Globex confidential: update fails',
          description: 'The update of the endpoint agent fails with an error every night.',
        }),
      )
      .expect(202);
    ids.globex = res.body.requests[0].id;
    await waitFor(async () => (await view(sys, ids.globex)).eligibility !== null, 'the globex request to be checked');

    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await sys?.stop();
  });

  /** The portal at a phone's width, in a fresh page of its own. */
  const openPortal = () => openPage(browser, `${base}/portal`, contexts, 390);

  async function signIn(page: Page, key: string) {
    await page.getByLabel('Company key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('is a public page with a strict policy; its script and styles come from the same origin', async () => {
    const page = await sys.http.get('/portal').expect(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(page.text).not.toMatch(/<script>|<style>|style="/);
    expect(page.text).toContain('<script src="/portal/app.js" defer></script>');
    const script = await sys.http.get('/portal/app.js').expect(200);
    expect(script.text).toBe(readFileSync(join(__dirname, '../dist/client/portal/app.js'), 'utf8'));
    expect((await sys.http.get('/portal/app.css').expect(200)).headers['content-type']).toMatch(/text\/css/);
  });

  it('tells the company who it is, and nobody else', async () => {
    expect((await sys.http.get('/v1/company/me').set(bearer(acmeKey)).expect(200)).body).toEqual({ id: 'acme', name: 'Acme SIA', country: 'LV' });
    await sys.http.get('/v1/company/me').set(bearer(ana)).expect(403);
    await sys.http.get('/v1/company/me').set(bearer('com_not-a-key')).expect(401);
    await sys.http.get('/v1/company/me').expect(401);
  });

  it('refuses a wrong key and a key of another kind', async () => {
    const { page, problems } = await openPortal();
    await signIn(page, 'com_this-is-not-a-key');
    await until(page, '#alert', /That key was not accepted/);
    expect(await page.locator('#portal').isHidden()).toBe(true);
    await signIn(page, ana);
    await until(page, '#alert', /That key is not a company key/);
    expect(await page.evaluate("sessionStorage.getItem('portal.companyKey')")).toBeNull();
    expect(problems).toEqual([]);
  });

  it("shows the company's requests, opens one, answers it, and answers a survey; another company's request never shows", async () => {
    const { page, problems } = await openPortal();
    expect(await axeViolations(page)).toEqual([]); // the sign-in form
    await signIn(page, acmeKey);
    await until(page, '#who', /Signed in for Acme SIA \(acme\)/);

    // The list: both Acme requests with status, clause and title, and the premium plan's deadlines; never Globex's.
    const list = await until(page, '#requests', /Agent crash #1[\s\S]*Agent crash #2|Agent crash #2[\s\S]*Agent crash #1/);
    expect(list).toMatch(/awaiting-customer/);
    expect(list).toMatch(/resolved/);
    expect(list).toMatch(/Clause 4\.1\.1 The software working incorrectly/);
    expect(list).toMatch(/Agent crash #1[\s\S]*\(clock paused while we wait for you\)/);
    expect(list).not.toMatch(/Globex/);
    expect(await page.locator('#requests li').count()).toBe(2);
    // Not through the API either, with the key the page holds: 404, as if it did not exist.
    const peek = await page.evaluate(`fetch('/v1/requests/${ids.globex}', { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('portal.companyKey') } }).then((r) => r.status)`);
    expect(peek).toBe(404);

    // Open the waiting request: the customer's view only (no team, agent, confidence), the conversation, an answer.
    await page.getByRole('button', { name: 'Open Agent crash #1' }).click();
    await until(page, '#request-h', /Agent crash #1/);
    const details = await until(page, '#details', /Clause\s+4\.1\.1 The software working incorrectly/);
    expect(details).toMatch(/Status\s+awaiting-customer Waiting for your answer/);
    expect(details).toMatch(/First response due\s+answered/);
    expect(details).toMatch(/Plan\s+premium/);
    expect(details).toMatch(/Clock\s+paused while we wait for your answer/);
    expect(details).toMatch(/Resolution due\s+set again when you answer/);
    expect(details).not.toMatch(/ana|business-baltics|Confidence|Priority/);
    const talk = await until(page, '#conversation', /Asks you for information[\s\S]*Please send us the agent log/);
    expect(talk).toContain(XSS); // customer text as text, never run
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('#conversation img, #conversation script').count()).toBe(0);
    await until(page, '#reply-hint', /waiting for your answer/);
    await screenshot(page, 'portal-request.png');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Your answer').fill('Here is the log: agent.log shows <b>error 0x80070005</b> at 03:00.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await until(page, '#status', /Answer sent/);
    await until(page, '#conversation', /Your company · Your message[\s\S]*error 0x80070005/);
    const answered = await view(sys, ids.waiting);
    expect(answered.status).not.toBe('awaiting-customer');
    expect(answered.timeline).toEqual(
      expect.arrayContaining([expect.objectContaining({ event: 'request.customer-replied', detail: expect.objectContaining({ body: expect.stringContaining('error 0x80070005') }) })]),
    );
    // The answer restarts the premium plan's clock (the SLA app, asynchronously): the list shows the deadline counting down.
    await waitFor(async () => (await view(sys, ids.waiting)).sla?.resolutionDueAt, 'the resolution deadline to be set again');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await until(page, '#requests', /Agent crash #1[\s\S]*Resolution due in \d/);

    // Feedback (7.2): the resolved request's survey, answered once.
    const feedback = await until(page, '#surveys', /Your request “Agent crash #2”/);
    expect(feedback).toMatch(/Asked of c-acme-2/);
    const form = page.locator('form.survey').first();
    await form.getByRole('radio', { name: '4 satisfied' }).check();
    await form.getByLabel('What is your feedback about?').selectOption('speed');
    await form.getByLabel('Comment (optional)').fill('Quick and clear, thank you.');
    await screenshot(page, 'portal-feedback.png');
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await until(page, '#status', /Thank you: your feedback was sent/);
    await until(page, '#surveys', /No feedback asked of you right now/);
    const survey = await surveyIn(sys, ids.resolved, ['answered']);
    expect(survey).toMatchObject({ score: 4, feedbackType: 'speed', comment: 'Quick and clear, thank you.' });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // Sign out forgets the key.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Company key').waitFor();
    expect(await page.evaluate("sessionStorage.getItem('portal.companyKey')")).toBeNull();
    expect(problems).toEqual([]);
  });

  it("shows Globex only Globex's request: declined (an expired licence), with the clauses cited and their titles, taking no answers", async () => {
    const globex = await view(sys, ids.globex);
    expect(globex).toMatchObject({ companyId: 'globex', status: 'declined' });
    const { page, problems } = await openPortal();
    await signIn(page, globexKey);
    await until(page, '#who', /Globex AS/);
    const list = await until(page, '#requests', /Globex confidential/);
    expect(list).not.toMatch(/Agent crash/);
    expect(list).toMatch(/Outcome: Limited support \(4\.5b/);
    await page.getByRole('button', { name: 'Open Globex confidential: update fails' }).click();
    const details = await until(page, '#details', /Decision\s+Limited support/);
    expect(details).toMatch(/4\.5b\s+Business software needs a valid licence/);
    expect(details).toMatch(/Response times are promised as part of a paid support plan only/);
    expect(details).toContain(globex.outcome.message.slice(0, 60));
    await until(page, '#reply-hint', /takes no more answers/);
    expect(await page.getByRole('button', { name: 'Send answer' }).isDisabled()).toBe(true);
    await screenshot(page, 'portal-globex.png');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
