import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['Kaspersky crashes when I start a scan', 'en'],
    ['Kaspersky nestrādā, lūdzu palīdziet', 'lv'],
    ['kaspersky nestrada, ludzu palidziet', 'lv'],
    ['Pazaudēju aktivizācijas kodu', 'lv'],
    ['Касперский не работает', 'ru'],
    ['KES 12.5 на сервере Windows Server 2019 не обновляет базы', 'ru'],
    ['', 'en'],
    ['12345 !!!', 'en'],
    ['Kaspersky Endpoint Security', 'en'],
    ['Mans dators ir inficēts ar vīrusu', 'lv'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('detectLanguage: Estonian and Lithuanian', () => {
  it('detects Estonian and Lithuanian text, and keeps Latvian and English apart from them', () => {
    expect(detectLanguage('Minu arvutis ei tööta viirusetõrje pärast uuendust, palun aidake')).toBe('et');
    expect(detectLanguage('Mano kompiuteryje antivirusinė programa nustojo veikti po atnaujinimo')).toBe('lt');
    expect(detectLanguage('Mans datorā Kaspersky nestrādā pēc atjaunināšanas')).toBe('lv');
    expect(detectLanguage('Windows Defender flags my installer as a trojan, no problem on VirusTotal')).toBe('en');
  });
});

describe('detectLanguage: text without the letters that tell the languages apart', () => {
  it.each([
    // Estonian typed without õäöü
    ['Ostsin litsentsi, kuid aktiveerimiskood ei sobi.', 'et'],
    ['kaspersky hangub iga kord kui seadete akna avan', 'et'],
    // Lithuanian with only the letters it shares with Latvian (š, ž, č, ū) or none
    ['Pilnas skenavimas sustoja ties 40% ir programa nereaguoja, ką daryti?', 'lt'],
    ['kompas uzkrestas, narsyklej pasikeite paieska i kazkokia keista', 'lt'],
    // a product's name alone is not Estonian
    ['Kaspersky Endpoint Security', 'en'],
    ['Kaspersky Total Security 2024', 'en'],
    ['Scan freezes', 'en'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('detectLanguage: a long message', () => {
  it('reads the language of a message of the largest size a request may have (20,000 characters) from its words', () => {
    const long = (sentence: string) => sentence.repeat(Math.ceil(20000 / sentence.length)).slice(0, 20000);
    expect(detectLanguage(long('Pilnas skenavimas sustoja ties 40% ir programa nereaguoja. '))).toBe('lt');
    expect(detectLanguage(long('Mans datorā Kaspersky nestrādā pēc atjaunināšanas. '))).toBe('lv');
    expect(detectLanguage(long('Касперский не работает после обновления. '))).toBe('ru');
  });
});
