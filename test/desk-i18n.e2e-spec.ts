import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addAgent, bearer } from './support/agents';
import { accessibilityProblems, launchChromium, screenshot, until } from './support/browser';
import { testDatabases } from './support/databases';
import { listen, openDesk, queued, requestView, signIn } from './support/desk';
import { startSystem, type TestSystem } from './support/system';

/**
 * The desk in the agent's language (i18next catalogues in apps/agent-desk/src/desk/client/locales):
 * Chromium in Latvian gets the Latvian desk; the agent switches to Russian (remembered); dates
 * follow the language.
 */
jest.setTimeout(120_000);

/** The page's own formatting of an instant in a locale (the browser's ICU, as the page uses it). */
const formatted = (page: Page, iso: string, locale: string) =>
  page.evaluate(([at, tag]) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(at)), [iso, locale] as const);

describe('the desk in Latvian and Russian', () => {
  let sys: TestSystem;
  let browser: Browser;
  let base: string;
  let agent: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    sys = await startSystem(testDatabases()[0], { LEASE_MS: '60000' });
    base = await listen(sys);
    agent = await addAgent(sys, 'ilze', ['home-malware', 'home-lv']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await sys?.stop();
  });

  it("speaks the browser's language, switches to Russian on the agent's choice and remembers it; dates per locale", async () => {
    const { id } = await queued(sys, { subject: 'Vīruss netika atrasts', description: 'My computer is infected with a trojan that Kaspersky did not detect. The antivirus missed the malware.' });
    const { page, problems } = await openDesk(browser, base, contexts, { locale: 'lv-LV', width: 390 });

    // Latvian from the browser, before signing in too.
    expect(await page.evaluate('document.documentElement.lang')).toBe('lv');
    await until(page, 'header.bar h1', /Aģenta darbvieta/);
    await until(page, '#signin', /Pieslēgties[\s\S]*Aģenta atslēga/);
    expect(await page.locator('#language').inputValue()).toBe('lv');
    await signIn(page, agent);
    await until(page, '#who', /Pieslēdzies kā ilze/);
    await until(page, '#queues-h', /Jūsu rindas/);
    await page.getByRole('button', { name: 'Ņemt nākamo pieprasījumu' }).click();
    await until(page, '#work-h', /Vīruss netika atrasts/);
    const lv = await until(page, '#details', /Saņemts[\s\S]*Paņemts/);
    expect(lv).toMatch(/Statuss\s+piešķirts/);
    expect(lv).toMatch(/Lēmums\s+atbalstīts/);
    expect(lv).toMatch(/Atbildes laiki \(SLA\)/i);
    await until(page, '#lease', /Šis pieprasījums ir pie jums/);
    const receivedAt = (await requestView(sys, id)).receivedAt;
    const lvDate = await formatted(page, receivedAt, 'lv-LV');
    expect(await page.locator('#req-meta').innerText()).toContain(lvDate);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'desk-lv-390.png');

    // The agent picks Russian: everything drawn so far changes, dates too.
    await page.locator('#language').selectOption('ru');
    expect(await page.evaluate('document.documentElement.lang')).toBe('ru');
    await until(page, '#queues-h', /Ваши очереди/);
    expect(await page.getByRole('button', { name: 'Взять следующий запрос' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Отправить ответ' }).isVisible()).toBe(true);
    const ru = await until(page, '#details', /Статус\s+назначен/);
    expect(ru).toMatch(/Получен[\s\S]*Взят/);
    await until(page, '#lease', /Этот запрос у вас/);
    const ruDate = await formatted(page, receivedAt, 'ru-RU');
    expect(ruDate).not.toBe(lvDate);
    expect(await page.locator('#req-meta').innerText()).toContain(ruDate);
    expect(await page.evaluate("localStorage.getItem('desk.language')")).toBe('ru');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'desk-ru-390.png');

    // Remembered over the browser's language.
    await page.reload();
    await until(page, '#queues-h', /Ваши очереди/);
    await until(page, '#sign-out', /Выйти/);
    await sys.http.post(`/v1/requests/${id}/release`).set(bearer(agent)).expect(200);
    expect(problems).toEqual([]);
  });
});
