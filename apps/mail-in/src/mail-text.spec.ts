import { MAIL_TEXT_READ_MAX } from '@support/domain';
import { simpleParser } from 'mailparser';
import { MAIL_HTML_PARSE_MAX, MAIL_PARSE_OPTIONS, mailText } from './mail-text';

const raw = (contentType: string, body: string) =>
  `From: anna@example.lv\r\nTo: support@help.example.com\r\nSubject: Scan\r\nMIME-Version: 1.0\r\nContent-Type: ${contentType}; charset=utf-8\r\n\r\n${body}\r\n`;
const parsed = (contentType: string, body: string) => simpleParser(raw(contentType, body), MAIL_PARSE_OPTIONS);
const OPENING = 'The scan stops at 40% and the program closes.';

describe('mailText (what is read of a received mail)', () => {
  it('reads a usual HTML mail as mailparser converts it', async () => {
    const mail = await parsed('text/html', `<p>${OPENING}</p><p>Anna</p>`);
    expect(mailText(mail)).toBe(`${OPENING}\n\nAnna`);
  });

  it('reads a long text from its beginning, at most MAIL_TEXT_READ_MAX characters', async () => {
    const mail = await parsed('text/plain', `${OPENING}\r\n${'and then it happened again\r\n'.repeat(20_000)}`);
    const text = mailText(mail);
    expect(text.startsWith(OPENING)).toBe(true);
    expect(text).toHaveLength(MAIL_TEXT_READ_MAX);
  });

  it('reads an HTML body over the conversion bound from its beginning instead of losing the words', async () => {
    const html = `<div><p>${OPENING}</p>${'<table><tr><td>quoted history</td></tr></table>'.repeat(20_000)}</div>`;
    expect(html.length).toBeGreaterThan(MAIL_HTML_PARSE_MAX);
    const mail = await parsed('text/html', html);
    expect(mail.textConversionError?.message).toMatch(/too long/); // mailparser converted none of it
    const text = mailText(mail);
    expect(text.startsWith(OPENING)).toBe(true);
    expect(text).toContain('quoted history');
    expect(text.length).toBeLessThan(MAIL_TEXT_READ_MAX);
  });

  it('keeps a text part when the HTML alternative is over the bound', async () => {
    const boundary = 'b1';
    const body = [
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      OPENING,
      `--${boundary}`,
      'Content-Type: text/html; charset=utf-8',
      '',
      `<p>${OPENING}</p>${'<p>styled</p>'.repeat(30_000)}`,
      `--${boundary}--`,
    ].join('\r\n');
    const mail = await parsed(`multipart/alternative; boundary="${boundary}"`, body);
    expect(mailText(mail)).toBe(OPENING);
  });
});
