import { classify, DEFAULT_CONFIDENCE_THRESHOLD } from './classify';

/**
 * Plain messages, one clear problem each, as customers write them: whatever the shipped lexicon and model become, these
 * are decided, and decided right. A retraining that was better out of fold once turned the first one into a detection
 * (4.1.2a) at 0.56 and sent it to triage; only the e2e suite noticed.
 */
const PLAIN: Array<[clause: string, subject: string, description: string]> = [
  ['4.1.2b', 'Virus not detected', 'My computer is infected with a trojan that Kaspersky did not detect. The antivirus missed the malware.'],
  ['4.1.2a', 'Kaspersky flags my installer', 'Kaspersky flags my installer as Trojan.Win32.Generic, is this an error?'],
  ['4.1.2a', 'My game got deleted', 'Bitdefender deleted the exe of a game I bought on Steam, says Gen:Variant. I reinstalled twice and it does it again.'],
  ['4.1.1', 'Scanner freezes at 37%', 'The full scan stops at 37 percent every time and the whole program becomes unresponsive until I reboot.'],
  ['4.1.2c', 'Files encrypted', 'All my documents now end with .locked and there is a note asking for bitcoin. What do I do?'],
  ['4.1.3', 'Activation code not accepted', 'I bought a 2-year subscription and the activation code says it is invalid. I typed it exactly as in the email.'],
  ['4.1.4a', 'Where to download', 'Where can I download the offline installer for the business edition? The link in the email gives 404.'],
  ['4.1.4c', "Can't log in to my account", "I can't sign in to my account on your website, the password reset email never arrives."],
  ['4.2.7', 'Outlook crashes', 'Microsoft Outlook crashes every time I open an attachment. How do I repair my Office installation?'],
  ['4.2.2', 'Speed up my PC', "My computer is very slow, can you tell me how to make it faster? It's 6 years old."],
  ['4.2.1', 'Feature request: dark mode', "Please add a dark mode to the main window, it's too bright at night."],
  ['4.2.9', 'Syslog to Splunk', 'How do I send the events from your management console to our Splunk SIEM over syslog? We need a parser.'],
  ['4.1.2a', 'Сайт заблокирован', 'Антивирус блокирует мой сайт и пишет что он опасный. Это ошибка, на сайте нет вирусов. Уберите из черного списка.'],
  ['4.1.3', 'Ключ не подходит', 'Купил лицензию, ввожу ключ активации, а программа пишет что ключ недействителен.'],
  ['4.1.2a', 'Fails detektēts kā vīruss', 'Antivīruss izdzēsa manu grāmatvedības programmu, saka ka tas ir Trojan. Tas ir kļūdaini, programma ir legāla.'],
  ['4.1.1', 'Viirusetõrje ei uuenda', 'Tere! Juba kolm päeva ei uuenda viirusetõrje oma andmebaase, tuleb viga. Arvuti on Windows 10. Palun aidake.'],
  ['4.1.3', 'Licencija', 'Nusipirkau licenciją, bet aktyvavimo kodas netinka. Ką daryti?'],
];

describe('plain messages (the shipped lexicon and model)', () => {
  it.each(PLAIN)('decides %s for "%s"', (clause, subject, description) => {
    const r = classify({ subject, description });
    expect(r.clause).toBe(clause);
    expect(r.confidence).toBeGreaterThanOrEqual(DEFAULT_CONFIDENCE_THRESHOLD);
  });
});
