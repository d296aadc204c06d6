import 'reflect-metadata';
import { SurveyEntity } from '@support/persistence';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addAgent } from './support/agents';
import { axeViolations } from './support/axe';
import { testDatabases } from './support/databases';
import { ARTIFACTS } from './support/processes';
import { startSystem, type TestSystem } from './support/system';
import { malware, policyFile, resolve, submitQueued, surveyIn, tokenOf } from './support/surveys';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('survey form and CSAT report in headless Chromium', () => {
  let sys: TestSystem;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    // Missing Chromium is a failure, not a skip.
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it (apt-get install -y chromium) to run the page tests`);
    sys = await startSystem(testDatabases()[0], { SURVEY_POLICY_FILE: policyFile({ delay: '0ms', cooldown: '0ms', samplingRate: 1, monthlyCap: 100 }) });
    await sys.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${sys.app.getHttpServer().address().port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('serves the pages under a strict policy, their script and styles as same-origin files from the build', async () => {
    const report = await sys.http.get('/reports/csat').expect(200);
    expect(report.headers['content-type']).toMatch(/text\/html/);
    const csp = report.headers['content-security-policy'];
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(report.text).toContain('<script src="/reports/csat/app.js" defer></script>');
    expect(report.text).not.toMatch(/<script>|<style|style="/); // nothing inline
    const script = await sys.http.get('/reports/csat/app.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.text).toBe(readFileSync(join(__dirname, '../dist/client/surveys/csat-report.js'), 'utf8'));
    expect((await sys.http.get('/reports/csat/app.css').expect(200)).headers['content-type']).toMatch(/text\/css/);
    expect((await sys.http.get('/surveys/assets/survey.css').expect(200)).headers['content-type']).toMatch(/text\/css/);
    // The form has no script at all; an unknown token still gets the page's policy.
    const form = await sys.http.get('/surveys/not-a-token').expect(404);
    expect(form.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(form.headers['content-security-policy']).not.toMatch(/script-src/);
    expect(form.text).not.toMatch(/<script|<style|style="/);
  });

  it('answers a survey through the form in the customer language, with the keyboard', async () => {
    const ana = await addAgent(sys, 'ana', ['home-malware']);
    const { id } = await submitQueued(sys, malware('c-form', 1, 'lv'));
    await resolve(sys, ana, id);
    const s = await surveyIn(sys, id, ['sent']);
    const token = await tokenOf(sys, s.id);
    const page = await browser.newPage();
    await page.goto(`${base}/surveys/${token}`);
    expect(await page.getAttribute('html', 'lang')).toBe('lv');
    expect(await page.textContent('h1')).toBe('Kā mums veicās?');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator('fieldset legend').allTextContents()).toEqual(['Par ko ir jūsu atsauksme?', 'Jūsu vērtējums (1 = ļoti slikti, 5 = izcili)']);
    // every control is reachable by its label
    await page.getByLabel('Atbildes ātrums').check();
    await page.getByLabel('4', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Komentārs (nav obligāts)').fill('Ātri <script>alert(1)</script>');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('p[role=status]');
    expect(await page.textContent('p[role=status]')).toBe('Paldies par jūsu atsauksmi.');
    expect(await axeViolations(page)).toEqual([]);
    const row = await sys.app.get(DataSource).getRepository(SurveyEntity).findOneByOrFail({ id: s.id });
    expect(row).toMatchObject({ status: 'answered', score: 4, feedbackType: 'speed', comment: 'Ātri <script>alert(1)</script>' });
    await page.goto(`${base}/surveys/${token}`);
    expect(await page.textContent('p[role=status]')).toBe('Uz šo aptauju jau ir atbildēts. Paldies.');
    await page.close();
  });

  it('shows the CSAT report as a chart after signing in with the admin key', async () => {
    const repo = sys.app.get(DataSource).getRepository(SurveyEntity);
    const now = Date.now();
    const rows: [string, string, string, number | null][] = [
      ['home-lv', 'home', 'LV', 5],
      ['home-lv', 'home', 'LV', 4],
      ['home-lv', 'home', 'LV', null],
      ['home-ee', 'home', 'EE', 3],
      ['home-ee', 'home', 'EE', 2],
      ['business-baltics', 'business', 'LV', 5],
      ['business-baltics', 'business', 'EE', null],
      ['business-baltics', 'business', 'LT', 4],
      ['<b>odd team</b>', 'home', 'LT', 1],
    ];
    await repo.insert(
      rows.map(([teamId, segment, country, score], i) => ({
        id: `sv_page_${i}`,
        kind: 'transactional' as const,
        requestId: `req_page_${i}`,
        round: 0,
        customerId: `c-p${i}`,
        customerEmail: null,
        companyId: null,
        segment: segment as 'home',
        country,
        language: 'en',
        teamId,
        status: score === null ? ('sent' as const) : ('answered' as const),
        statusReason: null,
        sendAt: new Date(now - 3600_000).toISOString(),
        sentAt: new Date(now - 3600_000).toISOString(),
        expiresAt: new Date(now + 86_400_000).toISOString(),
        answeredAt: score === null ? null : new Date(now - 1800_000).toISOString(),
        score,
        feedbackType: score === null ? null : 'speed',
        comment: null,
        createdAt: new Date(now - 3600_000).toISOString(),
      })),
    );
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${base}/reports/csat`);
    await page.getByLabel('Administrator key').fill('wrong-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForFunction(() => (globalThis as any).document.getElementById('signin-error').textContent !== '');
    expect(await page.textContent('#signin-error')).toMatch(/not accepted/);
    await page.getByLabel('Administrator key').fill(sys.adminKey);
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-ready=true]');
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('csat-admin-key'))).toBe(sys.adminKey);
    const bars = await page.locator('#chart rect.bar').count();
    expect(bars).toBe(5); // five teams
    const labels = await page.locator('#chart text.label').allTextContents();
    expect(labels).toContain('<b>odd team</b>'); // shown as text, not markup
    expect(await page.locator('#chart b').count()).toBe(0);
    const total = await page.locator('#rows tr').last().locator('td').allTextContents();
    expect(total[0]).toBe(String(rows.length + 1)); // with the form test's answered survey
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'csat.png'), fullPage: true });
    // a reload keeps the session
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await page.close();
  });
});
