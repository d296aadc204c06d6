import { customerWords } from './customer-words';
import { classify } from './classify';
import { detectLanguage } from './language';
import { splitProblems } from './split';

const DISCLAIMER =
  'This e-mail and any attachments are confidential and intended solely for the addressee. If you have received this e-mail in error, please notify the sender immediately and delete it. The company accepts no liability for any damage caused by any virus transmitted by this email.';

describe('customerWords: what the customer wrote, without what the mail appends', () => {
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
  ])('cuts %s', (_, text, words) => {
    expect(customerWords(text)).toBe(words);
  });

  it.each([
    ['a story that ends in short sentences', 'The scanner crashes.\n\nIt started yesterday.\nVersion 21.3.'],
    ['a sentence that opens with "thanks"', 'The scan is slow.\n\nThanks to your last update my PC takes ten minutes to start.'],
    ['"thanks" followed by more of the story', 'The scan is slow.\n\nThank you.\nI tried reinstalling it myself but no luck.'],
    ["the customer's own words about a mail that was blocked", 'Our mail server product blocked an invoice.\n\nThis email never reached the intended recipient.'],
    ['a scan the customer ran', 'I think my PC is infected.\n\nI checked for viruses with KVRT and it found nothing.'],
    ['nothing but a greeting and a valediction', 'Thanks,\nJohn'],
  ])('keeps %s', (_, text) => {
    expect(customerWords(text)).toBe(text);
  });

  it('keeps a question after the valediction: it is not a signature', () => {
    const text = 'The scan hangs.\n\nRegards,\nJohn\nCan you call me back?';
    expect(customerWords(text)).toBe(text);
  });
});

describe("what the classifier reads is the customer's words", () => {
  it('an English disclaimer does not make an Estonian mail English', () => {
    const text = `Tere,\nKaspersky kustutas minu faili ja ütleb et see on viirus, aga see on meie enda programm.\n\nLugupidamisega\nMart Tamm\n\n${DISCLAIMER}`;
    expect(detectLanguage(text)).toBe('et');
    expect(classify({ subject: 'Probleem', description: text }).language).toBe('et');
  });

  it('a disclaimer that speaks of malware does not turn a third-party question into a detection', () => {
    const body = 'I installed the update you sent and now Outlook crashes when the add-in loads. Please advise.';
    const disclaimer =
      'Disclaimer: The information contained in this communication is intended solely for the use of the individual or entity to whom it is addressed. Any malware detected in attachments should be reported to security@company.com';
    const alone = classify({ subject: 'Re: ticket', description: body });
    const signed = classify({ subject: 'Re: ticket', description: `${body}\n\nKind regards\nPeter\n\n${disclaimer}` });
    expect(signed.clause).toBe(alone.clause);
    expect(signed.confidence).toBe(alone.confidence);
  });

  it('a split message keeps its signature and disclaimer on the last part', () => {
    const description = `1. The scanner crashes every time I open the quarantine.\n2. My licence key is not accepted after reinstalling.\n\nBest regards,\nJohn\n\n${DISCLAIMER}`;
    const parts = splitProblems({ subject: 'Two problems', description });
    expect(parts).toHaveLength(2);
    expect(parts[1].description.endsWith(DISCLAIMER)).toBe(true);
    expect(parts[0].description).not.toContain('Best regards');
  });
});
