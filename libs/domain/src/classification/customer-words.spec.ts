import { classify } from './classify';
import { customerWords } from './customer-words';
import { detectLanguage } from './language';
import { splitProblems } from './split';

const DISCLAIMER =
  'This e-mail and any attachments are confidential and intended solely for the addressee. If you have received this e-mail in error, please notify the sender immediately and delete it. The company accepts no liability for any damage caused by any virus transmitted by this email.';

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

  it('an answer of ours quoted under a new mail is not the request', () => {
    const body = 'After reinstalling Windows my licence key is not accepted any more.';
    const quoted =
      '\n\nOn Mon, 30 Nov 2026 at 10:00, Support <support@example.com> wrote:\n> The file setup.exe was detected as Trojan.Win32.Agent and moved to quarantine.\n> If you believe this is a false detection, please send us the file for analysis.';
    expect(classify({ subject: 'Re: ticket 123', description: body + quoted })).toMatchObject({ clause: classify({ subject: 'Re: ticket 123', description: body }).clause });
    expect(classify({ subject: 'Re: ticket 123', description: body }).clause).toBe('4.1.3');
  });

  it('a quote whose attribution starts with a date and a time goes, with the signature above it', () => {
    const body = 'Антивирус удалил мой файл после обновления, что делать?';
    const text = `${body}\n\n--\nС уважением, Пётр\nОтправлено с iPhone\n\n02.03.2026, 09:14, "Служба поддержки" <support@example.ru>:\n> Пришлите, пожалуйста, номер лицензии.`;
    expect(customerWords(text)).toBe(body);
  });

  it('a split message keeps its signature and disclaimer on the last part', () => {
    const description = `1. The scanner crashes every time I open the quarantine.\n2. My licence key is not accepted after reinstalling.\n\nBest regards,\nJohn\n\n${DISCLAIMER}`;
    const parts = splitProblems({ subject: 'Two problems', description });
    expect(parts).toHaveLength(2);
    expect(parts[1].description.endsWith(DISCLAIMER)).toBe(true);
    expect(parts[0].description).not.toContain('Best regards');
  });
});

describe('what an issue template and a pasted log add does not change the decision', () => {
  const subject = 'Kaspersky deletes my installer';
  const words = 'Every time I build our installer, the antivirus removes setup.exe and says it is Trojan.Win32.Agent. It is our own program, is this a mistake?';
  const template = `**Describe the bug**\nA clear and concise description of what the bug is.\n${words}\n\n**To Reproduce**\nSteps to reproduce the behavior:\n1. Go to '...'\n2. Click on '....'\n3. Scroll down to '....'\n4. See error\n\n**Expected behavior**\nA clear and concise description of what you expected to happen.\n\n**Additional context**\nAdd any other context about the problem here.`;
  const logged = `${words}\n\n\`\`\`\n2024-03-11 10:22:31.114 [INFO] Service started, pid=4412\n2024-03-11 10:22:32.009 [ERROR] Exception in thread "main" java.lang.NullPointerException\n    at com.example.app.Main.run(Main.java:42)\n\`\`\``;

  it.each([
    ['the bug template', template],
    ['a pasted log', logged],
  ])('%s', (_, description) => {
    expect(customerWords(description)).toContain(words);
    const alone = classify({ subject, description: words });
    expect(classify({ subject, description })).toMatchObject({ clause: alone.clause, confidence: alone.confidence });
    expect(splitProblems({ subject, description })).toHaveLength(1);
  });
});
