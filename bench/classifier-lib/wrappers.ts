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
];
