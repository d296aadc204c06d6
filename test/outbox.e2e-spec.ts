import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { Browser, BrowserContext } from 'playwright-core';
import { AdminModule } from '../apps/admin/src/admin.module';
import { MailCatcher, MailCatcherModule } from '../apps/notifier/src/catcher';
import { axeViolations } from './support/axe';
import { accessibilityProblems, ARTIFACTS, launchChromium, screenshot, until, watchProblems } from './support/browser';
import { startSystem, type TestSystem } from './support/system';

/**
 * The demo's caught mails at /admin/outbox in headless Chromium: two mails sent with nodemailer
 * over real SMTP to the catcher's TCP port, listed, one opened; its HTML shows in a sandboxed
 * frame and the script inside it never runs. Admin only.
 */
jest.setTimeout(90_000);

const EVIL = '<script>document.body.setAttribute("data-pwned", "1"); window.parent.__pwned = 1;</script><img src="x" onerror="window.parent.__pwned = 2">';

describe('the outbox page (/admin/outbox) in Chromium', () => {
  const catcher = new MailCatcher({ capacity: 50 });
  let sys: TestSystem;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    // The module starts the catcher on a free port with the app and stops it with the app.
    sys = await startSystem('sqlite', {}, { features: [AdminModule, MailCatcherModule.forRoot({ catcher, port: 0 })] });
    await sys.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sys.app.getHttpServer().address() as AddressInfo).port}`;
    const transport = createTransport({ host: '127.0.0.1', port: catcher.port as number, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'Support <support@localhost>',
      to: 'Anna <anna@example.lv>',
      subject: '[REQ-1] We received your request',
      messageId: '<req-1.received@localhost>',
      text: 'We received your request.',
      html: '<p>We received your request.</p>',
    });
    await transport.sendMail({
      from: 'Support <support@localhost>',
      to: 'Anna <anna@example.lv>',
      replyTo: 'support+signed-token@localhost',
      subject: '[REQ-1] An agent answered',
      messageId: '<req-1.replied@localhost>',
      inReplyTo: '<req-1.received@localhost>',
      references: ['<req-1.received@localhost>'],
      list: { unsubscribe: 'http://localhost/unsubscribe/x' },
      text: 'Please run the scan again.\nKind regards',
      html: `<h1 style="color:#0b57d0">An agent answered</h1><p>Please run the <b>scan</b> again.</p>${EVIL}`,
    });
    transport.close();
    await catcher.waitFor((m) => m.subject === '[REQ-1] An agent answered');
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, httpCredentials: { username: 'admin', password: sys.adminKey } });
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await sys?.stop();
  });

  it('refuses everyone but the admin, and asks a browser for the key', async () => {
    const none = await sys.http.get('/admin/outbox').expect(401);
    expect(none.headers['www-authenticate']).toMatch(/^Basic realm="admin"/);
    await sys.http.get('/admin/outbox').auth('admin', 'not-the-key').expect(401);
    await sys.http.get('/admin/outbox').set('Authorization', `Bearer ${sys.producerKey}`).expect(403);
    await sys.http.get('/admin/outbox/1').set('Authorization', `Bearer ${sys.producerKey}`).expect(403);
    await sys.http.get('/admin/outbox/1/html').expect(401);
    const list = await sys.http.get('/admin/outbox').set('Authorization', `Bearer ${sys.adminKey}`).expect(200);
    expect(list.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(list.headers['content-security-policy']).not.toMatch(/script-src|unsafe-inline/);
    await sys.http.get('/admin/outbox/999').auth('admin', sys.adminKey).expect(404);
  });

  it('serves a mail’s HTML only under a sandboxing policy', async () => {
    const id = catcher.list()[0].id;
    const res = await sys.http.get(`/admin/outbox/${id}/html`).auth('admin', sys.adminKey).expect(200);
    expect(res.text).toContain(EVIL); // as it was sent: the policy, not a filter, keeps it inert
    expect(res.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(res.headers['content-security-policy']).not.toMatch(/script-src|allow-scripts/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('lists both mails newest first, opens one: headers, text part, and its HTML rendered without running its script', async () => {
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/admin/outbox`);
    const list = await until(page, 'tbody', /An agent answered[\s\S]*We received your request/);
    expect(list).toMatch(/anna@example\.lv/);
    expect(await accessibilityProblems(page, { live: false })).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'outbox-list.png');

    await page.getByRole('link', { name: '[REQ-1] An agent answered' }).click();
    await until(page, 'h1', /An agent answered/);
    const facts = await until(page, '.facts', /In-Reply-To\s+<req-1\.received@localhost>/);
    expect(facts).toMatch(/Reply-To\s+support\+signed-token@localhost/);
    expect(facts).toMatch(/Message-ID\s+<req-1\.replied@localhost>/);
    expect(facts).toMatch(/References\s+<req-1\.received@localhost>/);
    expect(facts).toMatch(/List-Unsubscribe\s+<http:\/\/localhost\/unsubscribe\/x>/);
    await until(page, 'pre.text', /Please run the scan again\.\nKind regards/);
    await until(page, 'table.headers', /Message-ID\s+<req-1\.replied@localhost>/);

    const frame = page.frameLocator('iframe.mail-html');
    await frame.locator('h1').waitFor();
    expect(await frame.locator('h1').innerText()).toBe('An agent answered');
    expect(await frame.locator('b').innerText()).toBe('scan');
    expect(await frame.locator('h1').evaluate((h) => (globalThis as any).getComputedStyle(h).color)).toBe('rgb(11, 87, 208)'); // its inline styles apply
    expect(await frame.locator('body').getAttribute('data-pwned')).toBeNull();
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('iframe.mail-html').getAttribute('sandbox')).toBe('');
    expect(await accessibilityProblems(page, { live: false })).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'outbox-mail.png');
    // A full-page shot leaves the sandboxed (out-of-process) frame blank: the frame on its own.
    await page.locator('iframe.mail-html').screenshot({ path: join(ARTIFACTS, 'outbox-mail-html.png') });
    // The frame's refused script and image are CSP reports in the frame, not errors of the page.
    expect(problems.filter((p) => !/Content Security Policy|sandboxed/.test(p))).toEqual([]);
  });
});
