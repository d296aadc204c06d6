import { splitTail } from './mail-tail';

const DISCLAIMER =
  'This e-mail and any attachments are confidential and intended solely for the addressee. If you have received this e-mail in error, please notify the sender immediately and delete it. The company accepts no liability for any damage caused by any virus transmitted by this email.';

describe("splitTail: what the mail appends under the customer's words", () => {
  it.each([
    ['a valediction, a name, a title and a phone', 'The full scan hangs at 80%.\n\nBest regards,\nJohn Miller\nIT Manager | ACME Logistics Ltd\nTel: +44 20 7946 0958', 'The full scan hangs at 80%.'],
    ['a legal disclaimer under the signature', `The full scan hangs at 80%.\n\nKind regards\nPeter\n\n${DISCLAIMER}`, 'The full scan hangs at 80%.'],
    ['a mail gateway stamp', 'My licence key is refused.\n\nThis message has been scanned for viruses and malware by Mimecast.', 'My licence key is refused.'],
    ['a phone client footer on the last line', 'My licence key is refused.\nSent from my iPhone', 'My licence key is refused.'],
    ['"-- " and a signature', 'My licence key is refused.\n-- \nAnna Kowalska\nwww.example.com', 'My licence key is refused.'],
    ['Russian', 'Не могу найти, где включить родительский контроль.\n\nС уважением,\nОльга Петрова\nОтправлено с iPhone', 'Не могу найти, где включить родительский контроль.'],
    ['Latvian', 'Kaspersky bloķē mūsu grāmatvedības programmu.\n\nAr cieņu,\nJānis Bērziņš\nSIA Kokrūpniecība', 'Kaspersky bloķē mūsu grāmatvedības programmu.'],
    ['Estonian', 'Kaspersky kustutas minu faili.\n\nLugupidamisega\nMart Tamm', 'Kaspersky kustutas minu faili.'],
    ['Lithuanian', 'Neveikia licencijos raktas.\n\nPagarbiai,\nJonas Jonaitis', 'Neveikia licencijos raktas.'],
    [
      'a quoted earlier mail under its attribution',
      'My licence key is refused.\n\nOn Mon, 30 Nov 2026 at 10:00, Support <support@example.com> wrote:\n> The file was detected as a trojan.',
      'My licence key is refused.',
    ],
    ['a signature above a quoted mail', 'My licence key is refused.\n\nThanks,\nAnna\n\nOn Mon, 30 Nov 2026, Support <support@example.com> wrote:\n> Hello', 'My licence key is refused.'],
    [
      "Outlook's header block and the mail under it",
      'My licence key is refused after I reinstalled Windows last week.\n\nFrom: Support Team <support@example.com>\nSent: Monday, March 2, 2026 9:14 AM\nTo: John Smith\nSubject: RE: Case 00123456\n\nHello John, please send us the logs.',
      'My licence key is refused after I reinstalled Windows last week.',
    ],
    [
      'a Russian "original message" and the mail under it',
      'Ключ не принимается после переустановки Windows, что делать дальше?\n\n-----Исходное сообщение-----\nОт: Техподдержка <support@example.ru>\nОтправлено: 2 марта 2026 г. 9:14\n\nУточните версию продукта.',
      'Ключ не принимается после переустановки Windows, что делать дальше?',
    ],
    ["a contact form's footer", 'My licence key is refused.\n\n--\nThis e-mail was sent from a contact form on Example Vendor (https://www.example.com/support)', 'My licence key is refused.'],
    ['"thanks for any help"', 'My licence key is refused.\n\nThanks in advance for any help!', 'My licence key is refused.'],
    ["a short reply above a helpdesk's marker", 'Still refused.\n\n##- Please type your reply above this line -##\n\nHello, could you send us a screenshot?', 'Still refused.'],
    ['"---" and a signature', 'Ключ не принимается.\n\n---\nС уважением,\nАлексей Кузнецов\nтел.: +7 (495) 123-45-67 доб. 204', 'Ключ не принимается.'],
  ])('cuts %s', (_, text, words) => {
    expect(splitTail(text)).toEqual({ body: words, tail: text.slice(words.length) });
  });

  it.each([
    ['a story that ends in short sentences', 'The scanner crashes.\n\nIt started yesterday.\nVersion 21.3.'],
    ['a sentence that opens with "thanks"', 'The scan is slow.\n\nThanks to your last update my PC takes ten minutes to start.'],
    ['"thanks" followed by more of the story', 'The scan is slow.\n\nThank you.\nI tried reinstalling it myself but no luck.'],
    ["the customer's own words about a mail that was blocked", 'Our mail server product blocked an invoice.\n\nThis email never reached the intended recipient.'],
    ['a scan the customer ran', 'I think my PC is infected.\n\nI checked for viruses with KVRT and it found nothing.'],
    ['nothing but a greeting and a valediction', 'Thanks,\nJohn'],
    ["a customer's own list in quoted lines", 'The app works well except for two issues:\n> the tray icon disappears\n> the window opens on the wrong monitor'],
    ['answers between the quotes', 'Why is it not fine in production? You wrote:\n\n> I would recommend against it\n\nAnd what would be a good solution?'],
    ['an error message quoted in the middle of the story', 'The scanner says:\n> Error 1603\nand then closes.'],
    [
      'a mail forwarded with a short note: the forwarded mail is the request',
      'FYI, see below.\n\n-----Original Message-----\nFrom: Scanner <scan@example.com>\nSent: Monday, March 2, 2026\n\nTrojan.Win32.Agent was found in invoice.exe',
    ],
  ])('keeps %s', (_, text) => {
    expect(splitTail(text)).toEqual({ body: text, tail: '' });
  });

  it('keeps a question after the valediction: it is not a signature', () => {
    const text = 'The scan hangs.\n\nRegards,\nJohn\nCan you call me back?';
    expect(splitTail(text)).toEqual({ body: text, tail: '' });
  });

  it("reads a line that opens like a valediction but runs on as the customer's, not as a signature", () => {
    const text = `The scan hangs.\n\nRegards, A${'.'.repeat(200)}\nJohn`;
    expect(splitTail(text)).toEqual({ body: text, tail: '' });
    expect(splitTail('The scan hangs.\n\nRegards, Anna Ozola.\nJohn')).toEqual({ body: 'The scan hangs.', tail: '\n\nRegards, Anna Ozola.\nJohn' });
  });

  it('cuts a quoted mail after its attribution only when every written line after it is quoted', () => {
    const quoted = 'The key is refused.\n\nOn Mon, 30 Nov 2026, Support <support@example.com> wrote:\n> Hello\n\n> Try again';
    expect(splitTail(quoted).body).toBe('The key is refused.');
    const answered = `${quoted}\nI did, it still fails.`;
    expect(splitTail(answered)).toEqual({ body: answered, tail: '' });
  });
});
