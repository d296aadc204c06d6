import { withoutTemplateNoise } from './template-noise';

describe('withoutTemplateNoise: the customer words inside an issue template, without what the template and the logs add', () => {
  it('drops the bug template: headings, instructions, placeholders, its checklist and comments', () => {
    const text = [
      '<!-- Please fill in the sections below -->',
      '### Checklist',
      '- [x] I have searched the existing issues',
      '- [x] I am using the latest version',
      '**Describe the bug**',
      'A clear and concise description of what the bug is.',
      'The scanner deletes my invoice.pdf every time I download it.',
      '',
      '**To Reproduce**',
      'Steps to reproduce the behavior:',
      "1. Go to '...'",
      "2. Click on '....'",
      '',
      '**Desktop (please complete the following information):**',
      ' - OS: [e.g. iOS]',
      ' - Version 21.3',
    ].join('\n');
    expect(withoutTemplateNoise(text)).toBe('The scanner deletes my invoice.pdf every time I download it.\n\n - Version 21.3');
  });

  it('drops log and trace lines but keeps a line that names a verdict', () => {
    const text = [
      'The update fails every night.',
      '2024-03-11 10:22:31.114 [INFO] Service started, pid=4412',
      '2024-03-11 10:22:32.009 [ERROR] Exception in thread "main" java.lang.NullPointerException',
      '    at com.example.app.Main.run(Main.java:42)',
      '2024-03-11 10:22:33.500 [WARN] HEUR:Trojan.Win32.Generic detected in C:\\Temp\\setup.exe',
    ].join('\n');
    expect(withoutTemplateNoise(text)).toBe('The update fails every night.\n2024-03-11 10:22:33.500 [WARN] HEUR:Trojan.Win32.Generic detected in C:\\Temp\\setup.exe');
  });

  it("reads a code block's first lines (what the customer saw) and not the rest of a long paste", () => {
    const block = ['```', 'Error 1603: the installation failed', ...Array.from({ length: 20 }, (_, i) => `MSI (s) (${i}) property change: ADDING INSTALLLEVEL`), '```'];
    const cleaned = withoutTemplateNoise(['Setup stops halfway.', ...block].join('\n'));
    expect(cleaned).toContain('Error 1603: the installation failed');
    expect(cleaned.split('\n').length).toBe(1 + 6);
  });

  it.each([
    ['a customer heading that says something', '### Kaspersky deletes my own build of the app every time I compile it\nIt started after the last update.'],
    ["a customer's own tick list of faults", 'Two things are broken:\n- [ ] switching to lockdown mode turns the VPN off\n- [ ] the kill switch is off after a reboot'],
    ['plain text', 'My licence key is not accepted after reinstalling Windows.'],
    ['a field whose value says something', 'Activation fails.\nLicence key: ABCD-1234 is not accepted'],
  ])('keeps %s', (_, text) => {
    expect(withoutTemplateNoise(text)).toBe(text);
  });

  it('drops closed HTML comments, across lines and several on one, and keeps an unclosed "<!--" as written', () => {
    expect(withoutTemplateNoise('<!-- describe\nthe bug --> The scan hangs. <!-- a --><!-- b -->It started today.')).toBe('The scan hangs. It started today.');
    const unclosed = `The scan hangs. ${'<!--'.repeat(3)} and more`;
    expect(withoutTemplateNoise(unclosed)).toBe(unclosed);
  });

  it('reads a tick box, a heading and a field whatever the spaces around their marks', () => {
    const text = ['   -    [x] I have searched the existing issues', '**Describe the bug**   :   ', '  -   OS:   Windows 10', 'The scan hangs at 80 %.'].join('\n');
    expect(withoutTemplateNoise(text)).toBe('The scan hangs at 80 %.');
  });

  it("drops an issue form's labels, its questions answered with a word, the facts under field headings and its empty fields", () => {
    const text = [
      'Does this issue occur when all extensions are disabled?: Yes',
      '- App Version: 4.2.0',
      '',
      '### What happened?',
      '',
      'The scanner deletes my invoice.pdf every time I download it.',
      '',
      'Steps to Reproduce:',
      '1. download the invoice',
      '',
      '### What browsers are you seeing the problem on?',
      '',
      'Chrome, Firefox',
      '',
      '### Версия программы',
      '',
      '4.2.0 (Default)',
      '',
      '### Relevant log output',
      '',
      '```shell',
      '[12:01:33] Error: ENOENT: no such file or directory',
      '    at Object.openSync (node:fs:601:3)',
      '```',
      '',
      '### Additional context',
      '',
      '_No response_',
      "- [X] I agree to follow this project's Code of Conduct",
    ].join('\n');
    expect(withoutTemplateNoise(text)).toBe('The scanner deletes my invoice.pdf every time I download it.\n\n1. download the invoice');
  });

  it("drops a contact form's, a ticket export's and a spec list's facts about the sender and the machine", () => {
    const text = [
      'Ticket #48213 | Priority: Normal | Status: New',
      'Заявка № 00045123 от 02.03.2026',
      'Инициатор: Петров И.И.',
      'Подразделение: Бухгалтерия',
      'Requester: m.brown@northwind.example',
      'Name: Anna Kowalska',
      'Phone: +48 600 123 456',
      'Текст обращения:',
      'The scanner deletes my invoice.pdf every time I download it.',
      '',
      'CPU: Ryzen 5 5600X',
      'GPU: RTX 3060',
      'AV: Avast Free',
      '[Ticket created via email]',
    ].join('\n');
    expect(withoutTemplateNoise(text)).toBe('The scanner deletes my invoice.pdf every time I download it.');
  });

  it("drops bold field names, a form's Russian fields, pasted images, folding tags, rules and a forum's quote of another post", () => {
    const text = [
      '[quote="mike_r, post:3, topic:1234"]',
      'Have you tried reinstalling it?',
      '[/quote]',
      '**Version**: 21.3.10.391',
      '**OS:** Windows 11 23H2',
      'Фамилия: Иванов',
      'ИНН организации: 7701234567',
      'Контактный телефон: +7 (900) 000-00-00',
      'The scanner deletes my invoice.pdf every time I download it.',
      '![image](https://user-images.githubusercontent.com/1234/5678.png)',
      '<details>',
      '<summary>Log</summary>',
      '</details>',
      '---',
    ].join('\n');
    expect(withoutTemplateNoise(text)).toBe('The scanner deletes my invoice.pdf every time I download it.');
  });

  it.each([
    ['a field that names a verdict', 'The scan deleted my tool.\nCategory: Trojan'],
    ['a verdict in brackets', 'The scan deleted my tool.\n[HEUR:Trojan.Win32.Generic]'],
    ["a customer's own label, which tells what follows", 'False detection:\nmytool.exe is flagged by the scanner.'],
    ['an announcement of several problems', 'Two things:\nthe scan hangs, and my key is refused.'],
    ['a question answered in words', 'Is this a false positive? No idea, the file is from our vendor.'],
  ])('keeps %s', (_, text) => {
    expect(withoutTemplateNoise(text)).toBe(text);
  });

  it('keeps the story under a heading that names a topic, not a field ("Licence problem", not "Licence")', () => {
    expect(withoutTemplateNoise('### Licence problem\n\nMy key is rejected after reinstalling')).toBe('My key is rejected after reinstalling');
    expect(withoutTemplateNoise('### Licence\n\nPremium 2026\n\n### What happened?\n\nMy key is rejected')).toBe('My key is rejected');
  });
});
