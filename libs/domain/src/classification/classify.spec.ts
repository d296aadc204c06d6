import { readFileSync } from 'fs';
import { join } from 'path';
import { scopeUnderRules } from '../outcome';
import { loadRuleSet } from '../rules';
import { classify, classifyByLexicon, DEFAULT_CONFIDENCE_THRESHOLD } from './classify';
import { defaultLexicon } from './lexicon';
import { ClassifierResult, Language } from './types';

/** The scope the pipeline gives a result, under the shipped rules' thresholds. */
const rules = loadRuleSet(JSON.parse(readFileSync(join(__dirname, '../../../../config/rules/2022-04-07.json'), 'utf8')));
const scopeOf = (r: ClassifierResult) => scopeUnderRules(rules, r);

type Case = [clause: string, language: Language, subject: string, description: string];

/** Every clause of 4.1 and 4.2, in en, lv and ru (texts not taken from the benchmark set). */
const CLAUSES: Case[] = [
  ['4.1.1', 'en', 'App crashes', 'Kaspersky Standard crashes whenever I open the Privacy section, error 0x80004005.'],
  ['4.1.1', 'lv', 'Nestrādā', 'Kaspersky programma vairs nestrādā, atverot iestatījumus parādās kļūda un tā aizveras.'],
  ['4.1.1', 'ru', 'Не работает', 'Касперский перестал работать: при открытии настроек ошибка и программа закрывается.'],
  ['4.1.2a', 'en', 'False detection', 'Your product detects our signed installer as a trojan. It is a false positive, please fix.'],
  ['4.1.2a', 'lv', 'Kļūdaina noteikšana', 'Kaspersky kļūdaini atklāj mūsu programmu kā vīrusu, tā ir viltus pozitīva noteikšana.'],
  ['4.1.2a', 'ru', 'Ложное срабатывание', 'Антивирус ложно срабатывает на нашу программу, это не вирус.'],
  ['4.1.2b', 'en', 'Not detected', 'Kaspersky did not detect the malware in this attachment, other scanners do. Sample attached.'],
  ['4.1.2b', 'lv', 'Neatklāj', 'Kaspersky neatklāj šo trojānu, pielikumā paraugs.'],
  ['4.1.2b', 'ru', 'Не обнаруживает', 'Касперский не обнаруживает этот троян, прикладываю образец.'],
  ['4.1.2c', 'en', 'Infected', 'My PC is infected with adware. How do I get rid of it? What do you recommend?'],
  ['4.1.2c', 'lv', 'Inficēts', 'Dators ir inficēts. Kā atbrīvoties no vīrusa, ko jūs iesakāt? Lūdzu ieteikumus.'],
  ['4.1.2c', 'ru', 'Заражение', 'Компьютер заражен. Как вылечить его, что посоветуете?'],
  ['4.1.3', 'en', 'Lost licence', 'I lost my licence key after reinstalling, can you help me recover my licence?'],
  ['4.1.3', 'lv', 'Pazaudēta licence', 'Esmu pazaudējis licences atslēgu, vai varat palīdzēt atjaunot licenci?'],
  ['4.1.3', 'ru', 'Потеряна лицензия', 'Я потерял лицензионный ключ, помогите восстановить лицензию.'],
  ['4.1.4a', 'en', 'Download', 'Where can I download the installer of Kaspersky Small Office Security?'],
  ['4.1.4a', 'lv', 'Lejupielāde', 'Kur var lejupielādēt Kaspersky Small Office Security instalētāju?'],
  ['4.1.4a', 'ru', 'Скачать', 'Где скачать дистрибутив Kaspersky Small Office Security?'],
  ['4.1.4b', 'en', 'Documentation', 'Where can I find the user guide and documentation for Kaspersky Safe Kids?'],
  ['4.1.4b', 'lv', 'Dokumentācija', 'Kur atrast Kaspersky Safe Kids lietotāja rokasgrāmatu un dokumentāciju?'],
  ['4.1.4b', 'ru', 'Документация', 'Где найти руководство пользователя и документацию по Kaspersky Safe Kids?'],
  ['4.1.4c', 'en', 'Portal', 'How do I add a device to My Kaspersky?'],
  ['4.1.4c', 'lv', 'Portāls', 'Kā pievienot ierīci My Kaspersky portālā?'],
  ['4.1.4c', 'ru', 'Портал', 'Как добавить устройство в личный кабинет My Kaspersky?'],
  ['4.2.1', 'en', 'Idea', 'Please add a new feature: a weekly e-mail summary of blocked threats.'],
  ['4.2.1', 'lv', 'Ideja', 'Lūdzu pievienojiet jaunu funkciju: iknedēļas kopsavilkumu par bloķētajiem draudiem.'],
  ['4.2.1', 'ru', 'Идея', 'Добавьте новую функцию: еженедельный отчет о заблокированных угрозах.'],
  ['4.2.2', 'en', 'Slow PC', 'My old computer is slow in general, please speed up my computer and free up space.'],
  ['4.2.2', 'lv', 'Lēns dators', 'Mans vecais dators kopumā ir lēns, lūdzu paātriniet to un atbrīvojiet vietu diskā. Vajag paātrināt.'],
  ['4.2.2', 'ru', 'Медленный ПК', 'Старый компьютер в целом тормозит, помогите ускорить компьютер и освободить место.'],
  ['4.2.3', 'en', 'Remove it', 'There is a virus on my laptop. Can you remove it for me? I cannot do it myself.'],
  ['4.2.3', 'lv', 'Noņemiet', 'Klēpjdatorā ir vīruss. Lūdzu noņemiet to manā vietā.'],
  ['4.2.3', 'ru', 'Удалите', 'На ноутбуке вирус. Удалите его за меня, пожалуйста.'],
  ['4.2.4', 'en', 'Description', 'What does Trojan-Spy.Win32.Zbot do? Please describe its behaviour.'],
  ['4.2.4', 'lv', 'Apraksts', 'Ko dara Trojan-Spy.Win32.Zbot? Lūdzu sniedziet šī vīrusa aprakstu.'],
  ['4.2.4', 'ru', 'Описание', 'Что делает Trojan-Spy.Win32.Zbot? Дайте описание этого вируса.'],
  ['4.2.5', 'en', 'Remote', 'Please connect to my computer with a remote session and check it.'],
  ['4.2.5', 'lv', 'Attālināti', 'Lūdzu pieslēdzieties manam datoram attālināti un pārbaudiet.'],
  ['4.2.5', 'ru', 'Удаленно', 'Подключитесь к моему компьютеру через удаленный доступ и проверьте.'],
  ['4.2.6', 'en', 'Phone', 'Please call me and help me collect the logs over the phone.'],
  ['4.2.6', 'lv', 'Telefons', 'Lūdzu piezvaniet un palīdziet savākt žurnālfailus pa telefonu.'],
  ['4.2.6', 'ru', 'Телефон', 'Позвоните мне и помогите собрать логи по телефону.'],
  ['4.2.7', 'en', 'Windows', 'How do I activate Windows after reinstalling the operating system? Not related to Kaspersky.'],
  ['4.2.7', 'lv', 'Windows', 'Kā aktivizēt Windows pēc operētājsistēmas pārinstalēšanas? Nav saistīts ar Kaspersky.'],
  ['4.2.7', 'ru', 'Windows', 'Как активировать Windows после переустановки операционной системы? Не связано с Касперским.'],
  ['4.2.8', 'en', 'Patch', 'Which third-party patch should I install to fix the vulnerability CVE-2023-1234 in WinRAR?'],
  ['4.2.8', 'lv', 'Ielāps', 'Kuru trešās puses ielāpu instalēt, lai novērstu ievainojamību CVE-2023-1234 WinRAR programmā?'],
  ['4.2.8', 'ru', 'Патч', 'Какой сторонний патч установить, чтобы закрыть уязвимость CVE-2023-1234 в WinRAR?'],
  ['4.2.9', 'en', 'Integration', 'Help us integrate Kaspersky Security Center with our SIEM.'],
  ['4.2.9', 'lv', 'Integrācija', 'Palīdziet integrēt Kaspersky Security Center ar mūsu SIEM.'],
  ['4.2.9', 'ru', 'Интеграция', 'Помогите интегрировать Kaspersky Security Center с нашей SIEM.'],
  ['4.2.10', 'en', 'Tuning', 'We need performance tuning and a load test of KES on our terminal servers by your specialists.'],
  ['4.2.10', 'lv', 'Veiktspēja', 'Vajag KES veiktspējas pielāgošanu un slodzes testu mūsu termināļu serveros.'],
  ['4.2.10', 'ru', 'Производительность', 'Нужна настройка производительности и нагрузочное тестирование KES на терминальных серверах.'],
  ['4.2.11', 'en', 'Training', 'Could you train our staff to use Kaspersky Endpoint Security?'],
  ['4.2.11', 'lv', 'Apmācība', 'Vai varat apmācīt mūsu darbiniekus lietot Kaspersky Endpoint Security?'],
  ['4.2.11', 'ru', 'Обучение', 'Можете обучить наших сотрудников работе с Kaspersky Endpoint Security?'],
  ['4.2.12', 'en', 'Deploy', 'Please deploy Kaspersky Endpoint Security for us on all 50 workstations.'],
  ['4.2.12', 'lv', 'Izvietošana', 'Lūdzu izvietojiet Kaspersky Endpoint Security visos mūsu 50 datoros.'],
  ['4.2.12', 'ru', 'Развертывание', 'Разверните Kaspersky Endpoint Security на все 50 рабочих станций.'],
  ['4.2.13', 'en', 'Statement', 'We need an official statement on the causes of the error that stopped our servers.'],
  ['4.2.13', 'lv', 'Atzinums', 'Mums vajag oficiālu atzinumu par kļūdas cēloņiem, kas apturēja mūsu serverus.'],
  ['4.2.13', 'ru', 'Заключение', 'Нужно официальное заключение о причинах ошибки, которая остановила наши серверы.'],
  ['4.2.14', 'en', 'Incident', 'Please investigate the ransomware incident and find out how the attackers got in.'],
  ['4.2.14', 'lv', 'Incidents', 'Lūdzu izmeklējiet izspiedējvīrusa incidentu un noskaidrojiet, kā uzbrucēji iekļuva.'],
  ['4.2.14', 'ru', 'Инцидент', 'Расследуйте инцидент с шифровальщиком и выясните, как злоумышленники проникли.'],
];

type CaveatCase = [caveat: string, language: Language, description: string];
const CAVEATS: CaveatCase[] = [
  ['4.4.1', 'en', 'Kaspersky crashes. The computer was already infected when I installed it.'],
  ['4.4.1', 'lv', 'Kaspersky avarē. Dators jau bija inficēts, kad to instalēju.'],
  ['4.4.1', 'ru', 'Касперский падает. Компьютер уже был заражен, когда я его установил.'],
  ['4.4.2', 'en', 'Kaspersky freezes. I also have another antivirus (Avast) installed.'],
  ['4.4.2', 'lv', 'Kaspersky uzkaras. Datorā ir arī cits antivīruss.'],
  ['4.4.2', 'ru', 'Касперский зависает. На компьютере стоит еще другой антивирус.'],
  ['4.4.3', 'en', 'Kaspersky crashes during scans; the hard drive is failing with bad sectors.'],
  ['4.4.3', 'lv', 'Kaspersky avarē skenēšanas laikā, dators pārkarst.'],
  ['4.4.3', 'ru', 'Касперский падает при проверке, на диске битые сектора.'],
  ['4.4.4', 'en', 'Kaspersky crashes on the Windows Insider Preview build.'],
  ['4.4.4', 'lv', 'Kaspersky avarē uz Windows beta versijas.'],
  ['4.4.4', 'ru', 'Касперский падает на бета-версии Windows.'],
  ['4.4.5', 'en', 'Kaspersky crashes. We cannot send logs, it is confidential.'],
  ['4.4.5', 'lv', 'Kaspersky avarē. Žurnālus nevaram nosūtīt, tie ir konfidenciāli.'],
  ['4.4.5', 'ru', 'Касперский падает. Логи отправить не можем, это конфиденциально.'],
  ['4.4.6', 'en', 'Kaspersky does not start. I did not follow the instructions and manually deleted files.'],
  ['4.4.6', 'lv', 'Kaspersky nestartē. Neievēroju instrukciju un manuāli izdzēsu failus.'],
  ['4.4.6', 'ru', 'Касперский не запускается. Я не следовал инструкции и вручную удалил файлы.'],
];

describe('classify', () => {
  const lexicon = defaultLexicon();

  it('covers every clause of 4.1 and 4.2 in the lexicon and in this table', () => {
    const ids = lexicon.clauses.map((c) => c.id).sort();
    expect(ids).toEqual(['4.1.1', '4.1.2a', '4.1.2b', '4.1.2c', '4.1.3', '4.1.4a', '4.1.4b', '4.1.4c', ...Array.from({ length: 14 }, (_, i) => `4.2.${i + 1}`)].sort());
    for (const lang of ['en', 'lv', 'ru']) {
      expect(
        CLAUSES.filter((c) => c[1] === lang)
          .map((c) => c[0])
          .sort(),
      ).toEqual(ids);
    }
  });

  it.each(CLAUSES)('recognises %s in %s: %s', (clause, language, subject, description) => {
    const r = classifyByLexicon({ subject, description });
    expect(r.clause).toBe(clause);
    expect(r.language).toBe(language);
    expect(r.confidence).toBeGreaterThanOrEqual(DEFAULT_CONFIDENCE_THRESHOLD);
    expect(r.evidence.some((e) => e.clause === clause && e.weight > 0)).toBe(true);
    expect(r.ranking[0].clause).toBe(clause);
  });

  it.each(CAVEATS)('detects caveat %s in %s', (caveat, _language, description) => {
    const r = classify({ subject: '', description });
    expect(r.caveats).toContain(caveat);
    expect(r.evidence.some((e) => e.clause === caveat)).toBe(true);
  });

  it('returns caveats sorted and only 4.4.x ids', () => {
    const r = classify({ subject: '', description: 'Kaspersky freezes on my Windows Insider build; I also have Norton installed and the disk has bad sectors.' });
    expect(r.caveats).toEqual([...r.caveats].sort());
    expect(r.caveats).toEqual(expect.arrayContaining(['4.4.2', '4.4.3', '4.4.4']));
    r.caveats.forEach((c) => expect(c).toMatch(/^4\.4\.[1-6]$/));
  });

  it('attaches no caveat to a plain request', () => {
    expect(classify({ subject: 'Download', description: 'Where can I download Kaspersky Plus?' }).caveats).toEqual([]);
  });

  it('treats the topic as a hint only: a contradicting description wins', () => {
    const r = classifyByLexicon({ subject: 'Help', description: 'Kaspersky crashes every time I open the settings window.', topic: 'licence' });
    expect(r.clause).toBe('4.1.1');
    expect(r.confidence).toBeGreaterThanOrEqual(DEFAULT_CONFIDENCE_THRESHOLD);
    const ru = classifyByLexicon({ subject: 'Вопрос', description: 'Где скачать дистрибутив Kaspersky Premium?', topic: 'false-positive' });
    expect(ru.clause).toBe('4.1.4a');
  });

  it('uses the topic when the text is neutral, but not enough for a confident decline', () => {
    const r = classifyByLexicon({ subject: 'Question', description: 'Hello, I have a question.', topic: 'training' });
    expect(r.clause).toBe('4.2.11');
    expect(r.evidence.some((e) => e.field === 'topic')).toBe(true);
    expect(scopeOf(r)).toBe('unknown');
  });

  it('keeps the topic as a hint when the text has no words at all', () => {
    const r = classifyByLexicon({ subject: '', description: '> :: | --', topic: 'training' });
    expect(r.clause).toBe('4.2.11');
    expect(r.evidence).toEqual([expect.objectContaining({ field: 'topic', term: 'topic:training' })]);
    expect(scopeOf(r)).toBe('unknown');
    expect(classifyByLexicon({ subject: '', description: '> :: | --' })).toMatchObject({ clause: null, confidence: 0, evidence: [], ranking: [] });
  });

  it.each([
    ['', ''],
    ['asdf', 'qwerty zxcv uiop'],
    ['hello', 'hi, is anybody there?'],
    ['Labdien', 'labdien, man ir jautājums'],
    ['Вопрос', 'здравствуйте, помогите пожалуйста'],
    ['x', '!!!???'],
  ])('gives low confidence for empty-ish or gibberish text (%s / %s)', (subject, description) => {
    const r = classify({ subject, description });
    expect(r.confidence).toBeLessThan(DEFAULT_CONFIDENCE_THRESHOLD);
    expect(scopeOf(r)).toBe('unknown');
  });

  it('returns clause null and confidence 0 when nothing matched', () => {
    const r = classify({ subject: 'zzz', description: 'qqq' });
    expect(r.clause).toBeNull();
    expect(r.confidence).toBe(0);
    expect(r.ranking).toEqual([]);
  });

  it('does not confidently decline when an excluded and an included clause compete', () => {
    // asks for recommendations AND for specialists to do it: must not be a confident 4.2.3
    const r = classify({ subject: 'virus', description: 'I have a virus. What do you recommend? Or can you remove it for me?' });
    expect(scopeOf(r)).not.toBe('excluded');
  });

  it('tolerates misspellings and missing diacritics', () => {
    expect(classify({ subject: '', description: 'kaspersky detects my program as virus, its a fals positve' }).clause).toBe('4.1.2a');
    expect(classify({ subject: '', description: 'pazaudeju aktivizacijas kodu' }).clause).toBe('4.1.3');
    expect(classify({ subject: '', description: 'где скачат дистрибутив' }).clause).toBe('4.1.4a');
  });

  it('reads words cut by invisible characters, typed fullwidth or with look-alike letters of the other script as the plain ones', () => {
    const plain = classify({ subject: '', description: 'Kaspersky flags my installer as a false positive' });
    const disguised = [
      'Kaspersky flags my in\u00ADstaller as a fal\u200Bse posi\u200Dtive', // soft hyphen, zero-width space and joiner
      '\u202EKaspersky flags my installer as a ｆａｌｓｅ ｐｏｓｉｔｉｖｅ', // a bidi override, fullwidth letters
      'Kаspersky flаgs my instаller аs а fаlse pоsitive', // Cyrillic а and о
    ];
    for (const description of disguised) {
      const r = classify({ subject: '', description });
      expect([r.language, r.clause, r.confidence]).toEqual([plain.language, plain.clause, plain.confidence]);
    }
    // and the other way round: a Russian word with a Latin "o" and "c"
    expect(classify({ subject: '', description: 'Антивирус удалил мою прoграмму, это лoжное срабатывание' }).clause).toBe('4.1.2a');
  });

  it('uses the given language instead of detecting it', () => {
    expect(classify({ subject: 'x', description: 'Kaspersky crashes', language: 'lv' }).language).toBe('lv');
  });

  it('bounds the evidence, keeps confidence within 0..1 and ranks at most 5 clauses', () => {
    const long = CLAUSES.map((c) => c[3]).join(' ');
    const r = classify({ subject: 'many things', description: long });
    expect(r.evidence.length).toBeLessThanOrEqual(20);
    expect(r.ranking.length).toBeLessThanOrEqual(5);
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it('is deterministic', () => {
    const input = { subject: 'False positive', description: 'Kaspersky deletes our signed tool, it is not a virus.' };
    expect(classify(input)).toEqual(classify(input));
  });

  describe('with the learned model', () => {
    it("places real customers' wording of a doubted detection under 4.1.2a, with the model's features as evidence", () => {
      const r = classify({ subject: 'Norton', description: 'SONAR.Heuristic.142 RISK:HIGH. Can anyone explain why norton deletes my exe file when I launch it?' });
      expect(r.clause).toBe('4.1.2a');
      expect(r.confidence).toBeGreaterThanOrEqual(DEFAULT_CONFIDENCE_THRESHOLD);
      expect(r.modelVersion).toBeTruthy();
      expect(r.evidence.some((e) => e.term.startsWith('model:'))).toBe(true);
    });

    it('gives a probability: the ranking sums to at most 1 and is ordered', () => {
      const r = classify({ subject: 'Help', description: 'Microsoft Outlook crashes when I open attachments, how do I repair my Office installation?' });
      const total = r.ranking.reduce((s, x) => s + x.score, 0);
      expect(total).toBeLessThanOrEqual(1.001);
      expect(r.ranking.map((x) => x.score)).toEqual([...r.ranking.map((x) => x.score)].sort((a, b) => b - a));
      expect(r.confidence).toBe(r.ranking[0].score);
    });

    it('says how sure it is that the problem is out of scope at all: the exclusions together, at least the best one', () => {
      const third = classify({ subject: 'Help', description: 'Microsoft Outlook crashes when I open attachments, how do I repair my Office installation?' });
      expect(third.clause).toBe('4.2.7');
      expect(third.outOfScope).toBeGreaterThanOrEqual(third.confidence);
      expect(third.outOfScope).toBeLessThanOrEqual(1);
      const ours = classify({ subject: 'Norton', description: 'Can anyone explain why norton deletes my exe file when I launch it?' });
      expect(ours.outOfScope).toBeLessThan(0.1);
      expect(classify({ subject: 'Kaspersky crashes', description: 'It crashes on start.' }, defaultLexicon(), null).outOfScope).toBeUndefined();
    });

    // The exclusions a customer asks for in Estonian and Lithuanian: without their own phrases a decline had no evidence, and
    // "describe what this virus does" read as a detection, "clean it for me" as disinfection advice (texts not from the corpus).
    it.each([
      ['4.2.4', 'et', 'Mis on Lumma?', 'Kaspersky eemaldas arvutist troojalase Trojan-PSW.Win32.Lumma. Palun kirjeldage, mida see viirus teeb ja kuidas see levib.'],
      ['4.2.3', 'et', 'Puhastage mu arvuti', 'Kaspersky leidis viiruse, aga ma ei julge ise midagi kustutada. Kas teie tehnik saaks mu arvuti puhtaks teha?'],
      ['4.2.6', 'et', 'Helistage mulle', 'Ma ei saa aru, kuidas logisid koguda. Kas saaksite mulle helistada ja teeksime selle telefoni teel koos läbi?'],
      ['4.2.13', 'et', 'Ametlik kiri', 'Pärast KES uuendust ei töötanud meie kassad kolm tundi. Viga on parandatud, kuid juhtkond vajab ametlikku kirja vea põhjuse kohta.'],
      ['4.2.4', 'lt', 'Kas tai per virusas?', 'Kaspersky aptiko Trojan-Ransom.Win32.Lockbit. Prašome aprašyti, ką jis daro ir kaip plinta.'],
      ['4.2.6', 'lt', 'Paskambinkite', 'Nesuprantu, kaip surinkti žurnalus. Ar galite paskambinti ir per telefoną padėti surinkti duomenis?'],
      ['4.1.1', 'et', 'Kaspersky ei uuenda', 'Kaspersky ei uuenda andmebaase, uuendus ebaõnnestub veakoodiga.'],
      ['4.1.1', 'lt', 'Kaspersky neatsinaujina', 'Kaspersky neatnaujina duomenų bazių, atnaujinimas nepavyksta su klaida.'],
      // The device's own sound and printer are the device (4.2.2, LABELLING.md), a messenger named in Cyrillic another vendor's
      // program, an account on the web portal 4.1.4c, an uninstall that fails ours (lexicon 2026.12.5.24; texts not from the corpus)
      ['4.2.2', 'ru', 'Нет звука', 'После переустановки драйверов на ноутбуке пропал звук, наушники тоже не работают. Как вернуть звук?'],
      ['4.2.2', 'et', 'Printer ei prindi', 'Printer ei prindi enam midagi, dokumendid jäävad järjekorda. Printeri draiver on uuesti paigaldatud.'],
      ['4.2.2', 'lt', 'Dingo garsas', 'Po atnaujinimo nešiojamame kompiuteryje dingo garsas, ausinės irgi neveikia. Kaip sutvarkyti?'],
      ['4.2.7', 'ru', 'Телеграм', 'Телеграм на компьютере не показывает уведомления о новых сообщениях. Как настроить телеграм?'],
      ['4.1.4c', 'et', 'Vana seade kontol', 'Kuidas eemaldada vana telefon minu kontolt veebiportaalis? Ma ei kasuta seda enam.'],
      ['4.1.1', 'et', 'Desinstallimine', 'Teie programmi desinstallimine katkeb iga kord veaga ja programm jääb arvutisse.'],
      // Renewing on the website and the devices on a licence are the web account (4.1.4c), not a lost licence (4.1.3; lexicon 2026.12.5.28)
      ['4.1.4c', 'et', 'Pikendamine', 'Tahan pikendada tellimust teie veebilehel, aga ei leia, kus maksta.'],
      ['4.1.4c', 'lt', 'Pratęsimas', 'Noriu pratęsti prenumeratą jūsų svetainėje, bet nerandu, kur sumokėti.'],
      ['4.1.4c', 'en', 'Devices on my licence', 'Which devices are using my licence? I want to check it in my account on the portal.'],
      ['4.1.2c', 'en', 'Weird ads everywhere', 'Since yesterday my browser opens random ads by itself and the homepage changed to some weird search engine. How do I get rid of it?'],
      // Estonian and Russian everyday words (lexicon 2026.12.5.30): another vendor's app with ours switched off ("ikka sama"), a
      // monitoring system to connect, a setup done for the customer, a version asked for, a site not blocked (texts not from the corpus)
      ['4.2.7', 'et', 'ID-kaart', 'DigiDoc ei tunne mu ID-kaarti ära, kaardilugeja tuli põleb. Lülitasin viirusetõrje välja, ikka sama.'],
      ['4.2.9', 'et', 'Zabbix', 'Kuidas saata teie viirusetõrje hoiatused meie Zabbixisse? Tahame leitud ohtude teated monitooringusse.'],
      ['4.2.12', 'et', 'Paigaldus', 'Kas teie spetsialist saaks meie kontori arvutid ära paigaldada ja seadistada? Oleme valmis maksma.'],
      ['4.2.1', 'ru', 'Версия для Linux', 'Почему у вас нет версии для Linux? Сделайте, пожалуйста, версию для Linux, было бы здорово.'],
      ['4.1.2b', 'ru', 'Не блокирует', 'Касперский не блокирует фишинговый сайт, который притворяется моим банком.'],
    ] as Case[])('decides %s in %s: %s', (clause, language, subject, description) => {
      const r = classify({ subject, description, language });
      expect(r.clause).toBe(clause);
      expect(scopeOf(r)).toBe(clause.startsWith('4.2.') ? 'excluded' : 'included');
      expect(r.evidence.some((e) => e.clause === clause && !e.term.startsWith('model:'))).toBe(true);
    });

    // Plain messages, one clear problem each: whatever the shipped lexicon and model become, these are decided, and right. A
    // retraining that was better out of fold once made the first one a detection (4.1.2a) at 0.56, i.e. triage; only e2e noticed.
    it.each([
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
      // "How do I add / turn off …" in the Baltic languages: how to use the product (lexicon 2026.12.4.3; triage before).
      ['4.1.4b', 'Izņēmumi', 'Kā pievienot mapi izņēmumiem?'],
      ['4.1.4b', 'Išimtys', 'Kaip pridėti aplanką prie išimčių?'],
      // Said as customers say it (lexicon 2026.12.5.1; triage or another clause before): a miss is "it did not warn me", a
      // feature request "make a version for …", and Estonian names Windows as the thing to repair.
      ['4.1.2b', 'Phishing not blocked', 'I clicked a phishing link in an email and your product did not warn me at all. The site stole my PayPal password.'],
      ['4.2.1', 'Linux version', "Please make a version of the app for Linux Mint, I'd pay for it."],
      ['4.2.7', 'Windows viga', 'Windows ei käivitu pärast uuendust, näitab sinist ekraani. Kuidas Windowsi parandada?'],
      // The installer refusing because of another antivirus is a fault of ours to fix (lexicon 2026.12.5.2; a detection, or
      // triage, before). Russian "Установщик пишет, что установлен другой антивирус" is still read as a detection (4.1.2a).
      ['4.1.1', 'Install', 'The installer says another antivirus is installed. Also I already removed Avast with their removal tool.'],
      ['4.1.1', 'Instalācija', 'Instalētājs saka, ka ir instalēts cits antivīruss. Es jau izdzēsu Avast.'],
      ['4.1.1', 'Paigaldus', 'Paigaldaja ütleb, et arvutisse on installitud teine viirusetõrje. Eemaldasin juba Avasti.'],
      ['4.1.1', 'Diegimas', 'Diegimo programa rašo, kad įdiegta kita antivirusinė. Avast jau pašalinau.'],
      // A policy that is not applied is a fault of ours (lexicon 2026.12.5.3): the Lithuanian one was declined as configuring the
      // software (4.2.12 at 0.77, past the rare exclusions' 0.75) on the one word "politik*"; the Latvian one went to triage.
      ['4.1.1', 'Politika netaikoma', 'Pakeitėme politiką Security Center, bet dalyje kompiuterių ji netaikoma.'],
      ['4.1.1', 'Politika netiek piemērota', 'Mainījām politiku Security Center, bet daļā datoru tā netiek piemērota.'],
      // "Incident" alone is not an infection to investigate (4.2.14, declined at 0.75 and offered as a paid service): it counts
      // only beside infection words (lexicon 2026.12.5.4; the English one was 4.2.14 at 0.81, a decline, before).
      ['4.1.1', 'Incident', 'We had an incident: the agent stopped updating on all servers.'],
      ['4.1.1', 'Инцидент', 'У нас инцидент: агент перестал обновляться на всех серверах.'],
      ['4.2.14', 'Incident', 'We had a security incident: ransomware encrypted two servers. Please find out how the infection started.'],
      // Our program failing after an operating-system update is ours (lexicon 2026.12.5.5): "Windows update" was 4.2.7's
      // evidence wherever it stood, and the English one was declined as another vendor's question at 1.00.
      ['4.1.1', 'Error', 'The program does not start after the Windows update, an error appears.'],
      ['4.1.1', 'Ошибка', 'Программа не запускается после обновления Windows, появляется ошибка.'],
      ['4.1.1', 'Klaida', 'Programa nepasileidžia po Windows atnaujinimo, rodoma klaida.'],
      ['4.1.1', 'Kļūda', 'Pēc Windows atjauninājuma Kaspersky vairs nestartējas.'],
      ['4.2.7', 'Windows', 'Windows update fails to install with error 0x80070005.'],
      // A scan "stuck at 37 %" in Latvian and Estonian, a laptop that "has become slow" (triage before).
      ['4.1.1', 'Skenēšana', 'Pilnā skenēšana jau divas dienas stāv uz 37%. Restartēju datoru, nepalīdzēja.'],
      ['4.1.1', 'Skaneerimine', 'Täielik skaneerimine on juba kaks päeva 37% peal kinni. Taaskäivitasin arvuti, ei aidanud.'],
      ['4.2.2', 'Slow laptop', 'My laptop has become really slow over the last months, can you help me speed it up?'],
      // Office by its English names in Russian and Baltic text; the product loading the processor in Estonian (lexicon 2026.12.5.6).
      ['4.2.7', 'Word', 'Word не сохраняет документы, пишет нет доступа. Как исправить?'],
      ['4.1.1', 'Protsessor', 'Viirusetõrje koormab protsessorit 100%, arvuti on täiesti aeglane kui skaneerimine käib.'],
      // An older version to download in Estonian, "the others find it" in Lithuanian (lexicon 2026.12.5.7; triage before).
      ['4.1.4a', 'Vanem versioon', 'Vajan vanemat versiooni Windows 7 jaoks, kust seda saab?'],
      ['4.1.2b', 'Nerado', 'Kompiuteryje tikrai yra kenkėjiška programa, kitos antivirusinės ją randa, o Kaspersky ne.'],
      // "Deleted the installer and calls it a virus" in Latvian; "when I pause protection, everything is fast" in Lithuanian
      // (lexicon 2026.12.5.9; triage before, the Lithuanian one read as the device's own slowness, 4.2.2 at 0.55).
      ['4.1.2a', 'Izdzēsa failu', 'Antivīruss izdzēsa printera draivera instalētāju un sauc to par vīrusu. Tas ir no HP mājaslapas.'],
      ['4.1.1', 'Lėtas kompiuteris', 'Nuo tada, kai įdiegiau Kaspersky, kompiuteris labai lėtai įsijungia. Kai sustabdau apsaugą, viskas greita.'],
      // "Would it be possible to have …" asks for a feature (4.1.4b at 0.96 on "PDF" before); a scan that "stops at 45 %" in
      // Lithuanian (triage before) (lexicon 2026.12.5.10).
      ['4.2.1', 'feature', 'Would it be possible to have the scan report exported to PDF? Right now I can only copy text.'],
      ['4.1.1', 'Skenavimas', 'Skenavimas sustoja ties 45% ir toliau nieko nevyksta.'],
      // Five-word messages as people type them (lexicon 2026.12.5.11): "my key doesn't work" was our program's fault (4.1.1)
      // in Latvian and Lithuanian and triage in English; a loud fan went to triage.
      ['4.1.3', 'key', 'my key doesnt work'],
      ['4.1.3', 'atslēga', 'mana atslēga nestrādā'],
      ['4.1.3', 'raktas', 'mano raktas neveikia'],
      ['4.2.2', 'fan', 'my pc fan is super loud all the time, how do i fix it'],
      // "Is it possible …? If so, how?" asks how to do it, not for a feature (lexicon 2026.12.5.13; the Russian one was 4.2.1,
      // a real dev one of its kind declined at 0.99; the Latvian one went to triage).
      ['4.1.4b', 'Тема', 'Есть ли возможность поменять тему оформления на тёмную? Если да, то как это сделать?'],
      ['4.1.4b', 'Valoda', 'Vai ir iespēja nomainīt saskarnes valodu? Ja jā, kā to izdarīt?'],
    ])('decides %s for "%s"', (clause, subject, description) => {
      const r = classify({ subject, description });
      expect(r.clause).toBe(clause);
      expect(r.confidence).toBeGreaterThanOrEqual(DEFAULT_CONFIDENCE_THRESHOLD);
    });

    it('without a model the lexicon decides alone', () => {
      const input = { subject: 'Kaspersky crashes', description: 'It crashes on start since the update.' };
      expect(classify(input, defaultLexicon(), null)).toEqual(classifyByLexicon(input));
    });
  });
});
