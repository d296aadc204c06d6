/**
 * What real messages carry around the customer's words, which the corpus was trimmed of by hand
 * (LABELLING.md, "Trimming"): issue templates, pasted logs, mail signatures and disclaimers. The
 * bench wraps the real dev lines in each and reports how far the decisions move. `tuned`: the
 * noise filters (template-noise.ts, mail-tail.ts) were written while measuring this wrapper; the
 * others were written afterwards, as a check the filters were not fitted to.
 */
import type { Language } from '../../libs/domain/src/classification';

export interface Wrapper {
  name: string;
  language: Language;
  tuned: boolean;
  wrap(description: string): string;
}

const GITHUB_BUG = (d: string) =>
  `**Describe the bug**\nA clear and concise description of what the bug is.\n${d}\n\n**To Reproduce**\nSteps to reproduce the behavior:\n1. Go to '...'\n2. Click on '....'\n3. Scroll down to '....'\n4. See error\n\n**Expected behavior**\nA clear and concise description of what you expected to happen.\n\n**Screenshots**\nIf applicable, add screenshots to help explain your problem.\n\n**Desktop (please complete the following information):**\n - OS: Windows 11\n - Version 22H2\n\n**Additional context**\nAdd any other context about the problem here.`;
const JAVA_LOG = (d: string) =>
  `${d}\n\n\`\`\`\n2024-03-11 10:22:31.114 [INFO] Service started, pid=4412\n2024-03-11 10:22:31.201 [WARN] Config file C:\\ProgramData\\App\\config.xml not found, using defaults\n2024-03-11 10:22:32.009 [ERROR] Exception in thread "main" java.lang.NullPointerException\n    at com.example.app.Main.run(Main.java:42)\n    at com.example.app.Main.main(Main.java:17)\n2024-03-11 10:22:32.010 [INFO] Shutting down\n\`\`\``;
const CHECKLIST = (d: string) =>
  `### Checklist\n- [x] I have searched the existing issues\n- [x] I am using the latest version\n- [ ] I have read the FAQ\n\n### Description\n${d}\n\n### Environment\nOS: Windows 10 Pro 22H2\nVersion: 2.4.1`;
const SUPPORT_MAIL = (d: string) =>
  `Hello support team,\n\n${d}\n\nProduct: Endpoint Security 12.3\nOS: Windows 10 Pro\nLicense: ABCDE-12345-FGHIJ-67890\n\nAttached: screenshot.png, report.zip\n\nThanks in advance,\nMichael Brown\nSystem Administrator\nNorthwind Traders GmbH | Phone +49 30 1234567 | www.northwind.example\n\nThe information contained in this message is confidential and intended only for the addressee. If you are not the intended recipient, please delete it and notify the sender.`;
const VSCODE = (d: string) =>
  `<!-- ⚠️⚠️ Do Not Delete This! bug_report_template ⚠️⚠️ -->\n<!-- Please read our Rules of Conduct: https://opensource.microsoft.com/codeofconduct/ -->\n<!-- 🕮 Read our guide about submitting issues -->\nDoes this issue occur when all extensions are disabled?: Yes\n\n- App Version: 4.2.0\n- OS Version: Windows_NT x64 10.0.22631\n\n${d}\n\nSteps to Reproduce:\n\n1. open the app\n2. run a scan`;
const ISSUE_FORM = (d: string) =>
  `### What happened?\n\n${d}\n\n### Version\n\n4.2.0 (Default)\n\n### What browsers are you seeing the problem on?\n\nChrome, Firefox\n\n### Relevant log output\n\n\`\`\`shell\n[12:01:33] worker exited with code 1\n[12:01:33] Error: ENOENT: no such file or directory, open '/app/config.json'\n    at Object.openSync (node:fs:601:3)\n    at readConfig (/app/index.js:12:9)\n\`\`\`\n\n### Code of Conduct\n\n- [X] I agree to follow this project's Code of Conduct`;
const RU_MAIL = (d: string) =>
  `Добрый день!\n\n${d}\n\nВерсия: 21.15.8.493\nОС: Windows 11 Pro\n\nС уважением,\nИгорь Смирнов\nведущий специалист отдела ИТ\nООО «Северные Сети» | тел. +7 (812) 555-12-34 | www.sever-seti.example\n\nЭто сообщение и любые приложения к нему являются конфиденциальными и предназначены исключительно для адресата. Если вы получили это сообщение по ошибке, пожалуйста, сообщите отправителю и удалите его.`;
const RU_MOBILE = (d: string) => `${d}\n\nОтправлено из мобильной Почты Mail.ru`;
const RU_ISSUE = (d: string) => `**Описание ошибки**\n${d}\n\n**Шаги для воспроизведения**\n1. ...\n2. ...\n\n**Ожидаемое поведение**\n\n**Окружение**\n- ОС: Windows 10\n- Версия: 3.1`;

/** Written 2026-12-05 before the filters were looked at again: the check that what they learn from VS Code's template and the issue form holds elsewhere. */
const ISSUE_FORM_EMPTY = (d: string) =>
  `### Describe the bug\n\n${d}\n\n### Steps to reproduce\n\n1. Install the app\n2. Open it\n\n### Expected behavior\n\nIt should work.\n\n### Operating system\n\nWindows 11\n\n### App version\n\n5.3.1\n\n### Additional context\n\n_No response_`;
const CONTACT_FORM = (d: string) =>
  `New request from the contact form\n\nName: Anna Kowalska\nEmail: anna.kowalska@example.com\nPhone: +48 600 123 456\nCountry: Poland\nProduct: Premium Security\nSubject: Help needed\nMessage:\n${d}\n\n--\nThis e-mail was sent from a contact form on https://www.example-vendor.com/support/contact`;
const MAIL_REPLY = (d: string) =>
  `Hi,\n\n${d}\n\nBest regards,\nJohn\n\nOn Mon, 2 Mar 2026 at 09:14, Customer Support <support@example.com> wrote:\n> Dear customer,\n> Thank you for contacting us. Could you please describe the problem in more detail and attach a screenshot of the error?\n> Kind regards,\n> Support Team`;
const FORUM_SPECS = (d: string) =>
  `${d}\n\nSpecs:\nCPU: Ryzen 5 5600X\nGPU: RTX 3060\nRAM: 16GB DDR4\nOS: Windows 11 Home 23H2\nAV: Avast Free\n\nEdit: formatting`;
const RU_FORWARD = (d: string) =>
  `${d}\n\n-----Исходное сообщение-----\nОт: Техподдержка <support@example.ru>\nОтправлено: 2 марта 2026 г. 9:14\nКому: Иван Петров\nТема: RE: Обращение №48213\n\nЗдравствуйте! Уточните, пожалуйста, версию продукта и приложите отчёт о работе программы.`;
const RU_WEB_FORM = (d: string) =>
  `Имя: Ольга\nE-mail: olga@example.ru\nТелефон: +7 900 000-00-00\nТема обращения: Другое\nТекст обращения:\n${d}`;

export const WRAPPERS: Wrapper[] = [
  { name: 'GitHub bug template', language: 'en', tuned: true, wrap: GITHUB_BUG },
  { name: 'a pasted Java log', language: 'en', tuned: true, wrap: JAVA_LOG },
  { name: 'a checklist template', language: 'en', tuned: true, wrap: CHECKLIST },
  { name: 'an English business mail', language: 'en', tuned: true, wrap: SUPPORT_MAIL },
  { name: "VS Code's bug template", language: 'en', tuned: false, wrap: VSCODE },
  { name: 'an issue form with a log', language: 'en', tuned: false, wrap: ISSUE_FORM },
  { name: 'a Russian business mail', language: 'ru', tuned: false, wrap: RU_MAIL },
  { name: 'a Russian mobile mail', language: 'ru', tuned: false, wrap: RU_MOBILE },
  { name: 'a Russian issue template', language: 'ru', tuned: false, wrap: RU_ISSUE },
  { name: 'an issue form with empty fields', language: 'en', tuned: false, wrap: ISSUE_FORM_EMPTY },
  { name: 'a contact form by mail', language: 'en', tuned: false, wrap: CONTACT_FORM },
  { name: 'a reply above a quoted mail', language: 'en', tuned: false, wrap: MAIL_REPLY },
  { name: 'a forum post with specs', language: 'en', tuned: false, wrap: FORUM_SPECS },
  { name: 'a Russian forwarded mail', language: 'ru', tuned: false, wrap: RU_FORWARD },
  { name: 'a Russian web form', language: 'ru', tuned: false, wrap: RU_WEB_FORM },
];
