import { splitProblems } from './split';
import { listSegments, proseSegments } from './split-segments';
import { classify } from './classify';

const clauses = (parts: Array<{ subject: string; description: string }>): Array<string | null> => parts.map((p) => classify(p).clause);

describe('splitProblems', () => {
  it('returns the input unchanged for a single problem', () => {
    const input = { subject: 'Crash', description: 'Kaspersky crashes when I open the settings.' };
    expect(splitProblems(input)).toEqual([input]);
  });

  it('splits a numbered list announced as several problems', () => {
    const parts = splitProblems({ subject: 'Two problems', description: 'I have two problems:\n1) I lost my activation code.\n2) Kaspersky crashes during the scan.' });
    expect(parts).toHaveLength(2);
    expect(parts[0].subject).toBe('Two problems (1/2)');
    expect(parts[1].subject).toBe('Two problems (2/2)');
    expect(clauses(parts)).toEqual(['4.1.3', '4.1.1']);
  });

  it('splits inline "1) … 2) …" enumerations', () => {
    const parts = splitProblems({ subject: 'help', description: '1) where can I download KES 2) please add a dark mode feature' });
    expect(clauses(parts)).toEqual(['4.1.4a', '4.2.1']);
  });

  it('splits bullet lists whose items are different problems', () => {
    const parts = splitProblems({ subject: 'q', description: '- the scan freezes at 50%\n- where can I find the user manual?' });
    expect(clauses(parts)).toEqual(['4.1.1', '4.1.4b']);
  });

  it.each([
    ['en', 'Kaspersky detects our own tool as a trojan, it is a false positive.\nAnother problem: how do I add a device in My Kaspersky?', ['4.1.2a', '4.1.4c']],
    ['en', 'The databases do not update, update fails with an error. Also, could you add a dark mode feature in a future version?', ['4.1.1', '4.2.1']],
    ['lv', 'Pazaudēju aktivizācijas kodu.\nOtra problēma: kur lejupielādēt Kaspersky instalētāju?', ['4.1.3', '4.1.4a']],
    ['lv', 'Kaspersky kļūdaini atklāj mūsu programmu kā vīrusu. Kā arī, kur atrast administratora rokasgrāmatu?', ['4.1.2a', '4.1.4b']],
    ['ru', 'Потерял код активации.\nВторая проблема: где скачать дистрибутив?', ['4.1.3', '4.1.4a']],
    ['ru', 'Касперский не обновляет базы, ошибка обновления. Также хотелось бы новую функцию: темную тему.', ['4.1.1', '4.2.1']],
    // "another bug" counts like "another problem", even for a second fault of the same program; "moreover" is a weak "also"
    ['en', 'The full scan crashes at 40 % every time.\nAnother bug: the tray icon disappears after I restart Explorer.', ['4.1.1', '4.1.1']],
    ['ru', 'Сканирование зависает на 40 % каждый раз.\nЕщё один баг: значок в трее пропадает после перезагрузки.', ['4.1.1', '4.1.1']],
    ['en', 'The tray icon disappears after I restart Explorer. Moreover, could you add a dark theme to the main window?', ['4.1.1', '4.2.1']],
    // "Две отдельные проблемы", "Kaks eraldi probleemi": the announcement with an adjective before its noun
    ['ru', 'Две отдельные проблемы с антивирусом:\n1. Полная проверка зависает на 60 % и дальше не идёт.\n2. Значок в трее пропадает после перезагрузки.', ['4.1.1', '4.1.1']],
    ['et', 'Kaks eraldi probleemi:\n1. Täielik kontroll jääb 60 % peal kinni.\n2. Programm jookseb kokku, kui avan seaded.', ['4.1.1', '4.1.1']],
    // off the topic ("не по теме"), and Estonian's "one more thing"
    ['ru', 'Где скачать установщик Касперского для Mac? И не по теме, но вдруг знаете: Outlook не отправляет письма, висят в исходящих.', ['4.1.4a', '4.2.7']],
    ['et', 'Kust saab teie programmi alla laadida?\nJa veel üks asi: palun lisage tume režiim.', ['4.1.4a', '4.2.1']],
    // Estonian "another worry is", "at the same time I ask", "and also:" (lexicon 2026.12.5.32)
    ['et', 'Kaspersky blokeeris mu panga PDF-i, ütleb et fail on nakatunud, kuigi see on eksitus.\nTeine mure on see, et palun lisage tume teema.', ['4.1.2a', '4.2.1']],
    ['et', 'Kust saab alla laadida Kaspersky Endpoint Security for Linuxi?\nÜhtlasi küsin, kuidas saata selle logid meie Graylogi serverisse.', ['4.1.4a', '4.2.9']],
    ['et', 'Kaspersky blokeeris mu panga PDF-i, ütleb et fail on nakatunud.\nJa veel: litsents on aegunud, kuigi pikendasin seda kuu aega tagasi.', ['4.1.2a', '4.1.3']],
    // "И отдельно:" (separately), "Кроме этого," (besides this), "Ja ettepanek ka:" (and a suggestion too; lexicon 2026.12.5.34)
    ['ru', 'Полная проверка зависает на 40 % каждый раз.\nИ отдельно: значок в трее пропадает после перезагрузки.', ['4.1.1', '4.1.1']],
    ['ru', 'Kaspersky Standard при запуске сразу закрывается, переустанавливал два раза. Кроме этого, код активации на втором компьютере не принимается.', ['4.1.1', '4.1.3']],
    ['et', 'Kuidas seadistada, et täielik kontroll käiks ainult öösel? Ja ettepanek ka: lisage palun tume teema.', ['4.1.4b', '4.2.1']],
    // "Lisaks, sellega mitte seotud:" (besides, unrelated to this; lexicon 2026.12.5.35): two faults of one program
    ['et', 'Täielik kontroll jääb 60 % peal kinni.\nLisaks, sellega mitte seotud: programm jookseb kokku, kui avan seaded.', ['4.1.1', '4.1.1']],
    // "Also, unrelated, …" is as strong as "unrelated," (a detection and a fault after it are otherwise one story); "Second thing:"
    [
      'en',
      'Kaspersky quarantined a plugin DLL I have used for years as HEUR:Trojan.Win32.Generic, the file is clean.\nAlso, unrelated, since the last update the tray icon disappears after sleep.',
      ['4.1.2a', '4.1.1'],
    ],
    ['en', 'Please add a Safari extension for macOS.\nSecond thing: where is the setting to start the app minimized?', ['4.2.1', '4.1.4b']],
  ])('splits on problem markers (%s)', (_lang, description, expected) => {
    expect(clauses(splitProblems({ subject: 'x', description }))).toEqual(expected);
  });

  it('splits separate paragraphs describing different problems', () => {
    const parts = splitProblems({
      subject: 'Questions',
      description: 'Kaspersky blocks our signed accounting tool as a trojan, this is a false positive.\n\nWe also need you to organise a training session for our staff on KSC.',
    });
    expect(clauses(parts)).toEqual(['4.1.2a', '4.2.11']);
  });

  it.each([
    [
      'one problem told over several paragraphs',
      'Update error',
      'Hello,\n\nsince Monday Kaspersky does not update the databases, the update stops with an error.\n\nAlso I restarted the computer and the error still appears.\n\nThanks.',
    ],
    [
      'a paragraph whose subject "also" did something (the same story)',
      'Deleted',
      'Kaspersky deleted my installer and says it is a trojan, but it is our own signed program.\n\nIt also deleted the backup copy on my USB stick.',
    ],
    [
      'a miss whose second half asks "but why" and to add it to the databases',
      'почему не видит майнер',
      'Нашел у себя в автозагрузке процесс, который грузит видеокарту на 100%, когда я не за компом. Удалил вручную, вроде ушел. Но почему ваш антивирус его ни разу не увидел? Файл сохранил — посмотрите и добавьте в базы.',
    ],
    [
      '"another question about this" (the same problem)',
      'Update error',
      'The agent stopped updating on 40 endpoints yesterday. I have another question regarding this: could it be the proxy settings?',
    ],
    ['"ещё вопрос по этому файлу" (the same detection)', 'Trojan', 'Антивирус удалил файл game.exe как Trojan. У меня ещё вопрос по этому файлу: он правда опасен?'],
    ['"moreover" going on with the same fault', 'Update fails', 'The update fails with error 1603 on my laptop. Moreover, it fails the same way on every computer in our office.'],
    [
      'a list of what was tried and its outcome',
      'Game will not start',
      'The game will not start: the anti-cheat says error 30005.\n\n- added the game folder to the exclusions -> same\n- turned off real-time protection -> same\n- uninstalled the antivirus and rebooted -> same error\n\nWhat else could hold that file open?',
    ],
  ])('keeps %s as one request', (_case, subject, description) => {
    const input = { subject, description };
    expect(splitProblems(input)).toEqual([input]);
  });

  it('splits a line opened with "also" that asks about a second bug of the same clause', () => {
    const crash = 'Kaspersky crashes every time I open the settings window.';
    const question = 'Also, why do the databases not update, the update fails with an error?';
    expect(clauses(splitProblems({ subject: 'x', description: `${crash}\n${question}` }))).toEqual(['4.1.1', '4.1.1']);
    // without the line break it is one story; without the question, more of the same report
    expect(splitProblems({ subject: 'x', description: `${crash} ${question}` })).toHaveLength(1);
    expect(splitProblems({ subject: 'x', description: `${crash}\nAlso, the databases do not update, the update fails with an error.` })).toHaveLength(1);
  });

  it('reads "Так же" at the start of a sentence as "также", and "так же, как" as a comparison', () => {
    expect(clauses(splitProblems({ subject: 'x', description: 'Касперский не обновляет базы, ошибка обновления.\n\nТак же хотелось бы новую функцию: темную тему.' }))).toEqual(['4.1.1', '4.2.1']);
    expect(proseSegments('Касперский не обновляет базы, ошибка обновления. Так же, как и вчера, ошибка появляется при запуске.', false)).toHaveLength(1);
  });

  it('does not cut an unmarked message into parts that read as one clause', () => {
    const input = { subject: 'Where to download?', description: 'Hello, where can I download Kaspersky Standard?\nI bought a licence, but the e-mail only had the code.' };
    expect(splitProblems(input)).toEqual([input]);
  });

  it('does not split steps to reproduce', () => {
    const input = { subject: 'Crash', description: 'Steps:\n1. Open Kaspersky\n2. Go to Settings\n3. Click Web Anti-Virus\nThe application crashes with an error.' };
    expect(splitProblems(input)).toHaveLength(1);
  });

  it('does not split a Russian single problem with "Также"', () => {
    const input = { subject: 'Ошибка', description: 'Не обновляются базы, ошибка обновления.\n\nТакже пробовал перезагрузить компьютер, ошибка все равно появляется.' };
    expect(splitProblems(input)).toHaveLength(1);
  });

  it('does not split a Latvian single problem with "Kā arī"', () => {
    const input = { subject: 'Kļūda', description: 'Kaspersky neatjaunina datubāzes, parādās kļūda. Kā arī pēc restartēšanas kļūda joprojām ir.' };
    expect(splitProblems(input)).toHaveLength(1);
  });

  it('splits Russian ordinals announced as two problems (a licence key that is not accepted)', () => {
    const parts = splitProblems({
      subject: 'две проблемы',
      description: 'Во-первых, антивирус удалил нашу программу учёта, считает её трояном. Во-вторых, после переустановки не принимается ключ активации.',
    });
    expect(clauses(parts)).toEqual(['4.1.2a', '4.1.3']);
  });

  it.each([
    ['ru', 'Здравствуйте! Во-первых, не активируется ключ. Во-вторых, антивирус удалил мой файл setup.exe как троян, хотя это моя программа.', '4.1.2a'],
    ['et', 'Tere! Esiteks, minu litsentsivõti ei aktiveeru. Teiseks, kust ma saan alla laadida programmi Maci jaoks?', '4.1.4a'],
    ['lt', 'Sveiki. Pirma, programa neatsinaujina jau savaitę. Antra, kaip pakeisti slaptažodį My Kaspersky paskyroje?', '4.1.4c'],
  ])('reads "secondly" (%s) as English\'s "second,": the customer is counting problems, unannounced', (_lang, description, second) => {
    const parts = splitProblems({ subject: 'x', description });
    expect(parts).toHaveLength(2);
    expect(clauses(parts)[1]).toBe(second);
  });

  it.each([
    ['ru', 'Здравствуйте. Касперский блокирует мою программу учета. Во-первых, я купил её официально у разработчика. Во-вторых, файл скачан с их сайта. Почему он считается трояном?'],
    ['lv', 'Programma neatjaunina datubāzes. Pirmkārt, internets strādā. Otrkārt, esmu jau pārinstalējis programmu. Kas vēl jādara?'],
    ['en', 'My licence was not accepted. Firstly, I bought it from your official store. Secondly, the code was entered correctly, I checked it twice. Please help.'],
  ])('does not split "secondly" (%s) that gives the reasons of one problem', (_lang, description) => {
    expect(splitProblems({ subject: 'x', description })).toHaveLength(1);
  });

  it('reads "the first one is … the second is …" after "I have 2 issues" as two problems', () => {
    const description =
      'Hello,\n\nI have 2 issues. The first one is that the scan stops at 45% every time and nothing happens after that. The second is that my licence disappeared after I reinstalled Windows and the app asks for a code again.\n\nThanks';
    const parts = splitProblems({ subject: 'Kaspersky issues', description });
    expect(clauses(parts)).toEqual(['4.1.1', '4.1.3']);
  });

  it('does not take "the second one is" for another problem in a story of one (unannounced)', () => {
    const description =
      'The memory usage is really high with the ad blocker on. The first picture was taken a few days ago, I had 12 tabs open. The second one is today, the tabs you see are the only ones I had open.';
    expect(splitProblems({ subject: 'High memory usage', description })).toHaveLength(1);
  });

  it.each([
    ['en', 'Hi, the program keeps freezing when I open the settings window, I have to kill it in task manager. On another note, how do I remove an old PC from my account on the website?'],
    ['en', 'Where can I find the admin guide for Security Center 14? And a suggestion: please add a search box to the policy list, with 300 policies it is hard to find anything.'],
    ['ru', 'Программа зависает при открытии настроек, приходится закрывать через диспетчер задач. И отдельный вопрос: как удалить старый компьютер из моего аккаунта на сайте?'],
  ])('splits at "on another note", "and a suggestion:", "and a separate question" (%s)', (_lang, description) => {
    expect(splitProblems({ subject: 'x', description })).toHaveLength(2);
  });

  it('keeps a detection told as a list of tries as one request: the parts are all of one clause and nothing was announced', () => {
    const description =
      'I\'m trying to install the modpack and my antivirus reported it as a trojan: "Temp\\CF\\291.zip is infected with Trojan.GenericKD.79893365". I\'ve tried reinstalling it three times:\n1. First install on my desktop, the trojan was flagged right away\n2. Reinstall after a clean-up with nothing else running\n3. Install on a second laptop to see whether my main computer is infected. Each time the same trojan is detected.';
    const parts = splitProblems({ subject: 'Trojan detected in the modpack', description });
    expect(clauses(parts)).toEqual(['4.1.2a']);
  });

  it('does not take Lithuanian "antra vertus" ("on the other hand") for "secondly"', () => {
    const input = { subject: 'Klaida', description: 'Programa neatsinaujina ir rodo klaidą. Antra vertus, kompiuteris veikia greitai, bet atnaujinimas vis tiek nepavyksta.' };
    expect(splitProblems(input)).toHaveLength(1);
  });

  it('splits after "another question" even when the problem before it was told in a few words', () => {
    const parts = splitProblems({ subject: 'x', description: 'Sveiki! Mana licence netiek aktivizēta. Vēl viens jautājums: kā es varu lejupielādēt programmu Android telefonam?' });
    expect(parts).toHaveLength(2);
    expect(clauses(parts)[1]).toBe('4.1.4a');
    // a greeting alone is no problem told
    expect(splitProblems({ subject: 'x', description: 'Hello there! Another question: where can I download the installer for Mac?' })).toHaveLength(1);
  });

  it('splits an unannounced list the model reads as problems of different clauses, not one whose items are steps', () => {
    const problems = '- The real-time protection turns itself off after every restart.\n- My subscription shows expired although I renewed it last week.';
    expect(clauses(splitProblems({ subject: 'Antivirus issues', description: problems }))).toEqual(['4.1.1', '4.1.3']);
    const steps = '- Open the subscription page in My Kaspersky.\n- Click renew and pay with a card.\n- The protection turns itself off after the restart.';
    expect(splitProblems({ subject: 'Protection', description: steps })).toHaveLength(1);
  });

  it('does not split a detection from the malfunction it causes told in separate paragraphs', () => {
    const input = {
      subject: 'Crash',
      description: 'The game closes by itself and its EXE gets corrupted every time I open the save folder.\n\nI found in Avast virus chest logs that the EXE was triggered as IDP.Generic.',
    };
    expect(splitProblems(input)).toEqual([input]);
  });

  it('splits every item of a list the customer announced, even in words no lexicon knows', () => {
    const parts = splitProblems({
      subject: 'Feedback',
      description:
        'A couple of improvements for the scanner window:\n\n1. Let me pick two different times for the weekly jobs\n2. Show the folder size next to each entry in the list\n3. Remember the window position after closing it',
    });
    expect(parts).toHaveLength(3);
  });

  it('reads "I have 3 smallish suggestions" and "1- …" items as an announced list', () => {
    const description =
      'After a day of use I have 3 smallish suggestions:\n1- a search filter for the list of entries in the main window\n2- let me edit the name of a new entry right in the popup\n3- remember the sort order of the columns between runs';
    expect(splitProblems({ subject: 'Ideas', description })).toHaveLength(3);
  });

  it('splits an uncounted list whose every item states a fault, a wish or a question, but not steps or a list of facts', () => {
    const faults = '1. The log window stops showing new entries after a day and I have to clear it by hand\n2. Clearing the log file does not work when logging to a file is switched off';
    expect(splitProblems({ subject: 'Log', description: faults })).toHaveLength(2);
    const wishes = 'Great tool, thanks!\n- add an option to export all rules and settings to a file\n- it would be nice to have a dark theme for the main window';
    expect(splitProblems({ subject: 'Ideas', description: wishes })).toHaveLength(2);
    const steps = '1. Open the main window and go to the rules tab\n2. Click the refresh button twice\n3. The rule does not appear in the list any more';
    expect(splitProblems({ subject: 'Rules', description: steps })).toHaveLength(1);
    const facts = 'Since the update:\n- the CPU runs about 5 degrees hotter than before\n- the fan spins up every few minutes for a while';
    expect(splitProblems({ subject: 'Heat', description: facts })).toHaveLength(1);
  });

  // The same rule in the other languages: two faults of one clause in a list nobody counted (the model sees one clause, so only
  // the fault words tell), and steps to reproduce in Russian stay one problem.
  it.each([
    ['ru', '1. Окно журнала перестаёт показывать новые записи через день, и приходится очищать его вручную\n2. Очистка файла журнала не работает, когда запись в файл выключена'],
    ['lv', '1. Žurnāla logs pēc dienas pārstāj rādīt jaunus ierakstus, un tas jātīra ar roku\n2. Žurnāla faila tīrīšana nestrādā, ja rakstīšana failā ir izslēgta'],
    ['et', '1. Logiaken lakkab päeva pärast uusi kirjeid näitamast ja ma pean seda käsitsi puhastama\n2. Logifaili puhastamine ei tööta, kui faili logimine on välja lülitatud'],
    ['lt', '1. Žurnalo langas po dienos nustoja rodyti naujus įrašus ir turiu jį išvalyti rankiniu būdu\n2. Žurnalo failo valymas neveikia, kai rašymas į failą išjungtas'],
  ])('splits an uncounted list of faults in %s', (_language, description) => {
    expect(splitProblems({ subject: 'Log', description })).toHaveLength(2);
  });

  // What was already tried or checked, or the slow computer our fault leaves, told after "also", is the same story: cut off,
  // "I restarted my router" read as configuring the customer's device (4.2.2, 0.97 in English), a request of its own to be declined.
  it.each([
    ['en', 'For a week the antivirus has not updated its databases, it shows a connection error. The internet works. Also I restarted my router, it did not help. What should I do?'],
    ['ru', 'Уже неделю антивирус не обновляет базы, пишет ошибку соединения. Интернет работает. Также перезагружал роутер, не помогло. Что делать?'],
    ['ru', 'Уже неделю антивирус не обновляет базы, пишет ошибку соединения. Интернет работает. Кроме того, перезагружал роутер. Что делать?'],
    ['lv', 'Antivīruss jau nedēļu neatjauno datubāzes, rāda savienojuma kļūdu. Internets strādā. Turklāt restartēju rūteri, nepalīdzēja. Ko darīt?'],
    ['ru', 'После установки антивируса компьютер стал долго загружаться. Кроме того, вентилятор шумит во время проверки.'],
    ['ru', 'Антивирус блокирует нашу программу для бухгалтерии, пишет что троян. Также файл проверяли на VirusTotal, чисто.'],
    ['en', "The scheduled scan doesn't run at night. Also the computer is on and not sleeping, I checked the power settings."],
  ])('keeps what was tried, a check or a symptom told after "also" in the story (%s)', (_language, description) => {
    expect(splitProblems({ subject: 'Updates', description })).toHaveLength(1);
  });

  it('keeps Russian steps to reproduce one problem', () => {
    const steps = '1. Открываю главное окно и перехожу на вкладку правил\n2. Нажимаю кнопку обновления два раза\n3. Правило больше не появляется в списке, ошибка';
    expect(splitProblems({ subject: 'Правила', description: steps })).toHaveLength(1);
  });

  it('reads a lettered or indented line under a numbered item as a detail of that item, not an item of its own', () => {
    const description =
      '1. The scan stops at 40 % every time and the program closes.\n2. There is no option to exclude a folder from the scheduled scan, please add one.\n3. What should I do with the old rules:\n a) keep them as they are\n b) delete them by hand';
    expect(listSegments(description)?.items).toEqual([
      'The scan stops at 40 % every time and the program closes.',
      'There is no option to exclude a folder from the scheduled scan, please add one.',
      'What should I do with the old rules:\n a) keep them as they are\n b) delete them by hand',
    ]);
    expect(listSegments('Environment:\n- Windows 10\n- version 21.3\n  - build 10\n- 8 GB')?.items).toEqual(['Windows 10', 'version 21.3\n  - build 10', '8 GB']);
  });

  it('splits a malfunction told over paragraphs from a question after "Also"', () => {
    const description =
      'Hi, the scheduled scan of the antivirus does not work. It only keeps a midnight run: when I set 22 in the hour box and click the plus sign, the hour goes back to 0 and the scan never starts.\n\nThe cron file written by the program still has the midnight entry after I close it.\n\nAlso while I am here, is there a guide that explains the command line options of the scanner?';
    expect(clauses(splitProblems({ subject: 'Scheduler', description }))).toEqual(['4.1.1', '4.1.4b']);
  });

  it('splits a story none of whose paragraphs is sure enough alone from the question after "Also" (a real dev message, bench/classifier/real)', () => {
    const description =
      'Hi Dave M - the ubuntu 16.04 repository version of clamtk is 5.20. The scheduler only seems to be able to schedule a midnight run. My pc is usually asleep then. When I click on the "-" to remove this, I get the "+" sign. I enter 22 into the hour box for 10pm and click the "+" sign. I am told "a daily scan is scheduled". Unlike the antivirus signature dialog though, the hour has reverted to "0". \n\nWhen I look in ~/.clamtk/cron, I see 0 0 * * * /usr/bin/clamscan \neven after I close the scheduler and clamtk. \n\n/var/spool/cron/crontab/<username> shows that clamtk wrote it successfully, but it has the midnight entry: 0 0 * * * /usr/bin/clamscan\n\nAlso while I am here, is there a way to pass nice and ionice parameters to the job?\n\nThanks.\n\n- Mark D';
    expect(splitProblems({ subject: 'Scheduler does not seem to work for Ubuntu 16.04 w/ clamtk 5.20', description })).toHaveLength(2);
  });

  it('reads "> " lines as items only after an announcement ("except for two issues:")', () => {
    const description = 'The app works well except for two issues:\n> the tray icon disappears after every reboot of the laptop\n> the main window opens on the wrong monitor each time';
    expect(splitProblems({ subject: 'x', description })).toHaveLength(2);
    const quoted = 'Thanks, here is what you wrote:\n> please send us the logs of the tray icon\n> and the version of the application you run';
    expect(splitProblems({ subject: 'x', description: quoted })).toHaveLength(1);
  });

  it('reads a number alone on its line as the start of an item ("1." then the paragraph)', () => {
    const description = '1.\n\nThe scan stops at 40 % every time and the program closes.\n\n2.\n\nThere is no option to exclude a folder from the scheduled scan, please add one.';
    expect(clauses(splitProblems({ subject: 'Feedback', description }))).toEqual(['4.1.1', '4.2.1']);
  });

  it('reads a task list ("- [ ]") of faults as several problems, and its boxes as no words of theirs', () => {
    const description =
      'Since I switched to this VPN app I keep leaking data:\n- [ ] switching between the modes turns the tunnel off and leaks my traffic for a few seconds\n- [x] the split tunnelling screen is confusing and very easy to get wrong';
    const parts = splitProblems({ subject: 'Feedback', description });
    expect(parts).toHaveLength(2);
    expect(parts[1].description).toContain('the split tunnelling screen is confusing');
    expect(parts.map((p) => p.description).join('\n')).not.toMatch(/\[[ x]\]/);
    const steps = 'Steps to reproduce:\n- [ ] open the settings window\n- [ ] click the exclusions tab and add a folder\n- [ ] the window freezes and the program closes';
    expect(splitProblems({ subject: 'Freeze', description: steps })).toHaveLength(1);
  });

  it('splits a list whose items each ask a question, not a list of steps', () => {
    const questions = '1. What does the "trusted zone" checkbox in the exclusions do exactly?\n2. Why is the option "scan archives" greyed out in my settings?';
    expect(splitProblems({ subject: 'Settings', description: questions })).toHaveLength(2);
    const steps = '1. Open the settings window of the program\n2. Click the exclusions tab on the left\n3. Nothing happens, the window freezes?';
    expect(splitProblems({ subject: 'Freeze', description: steps })).toHaveLength(1);
  });

  it('does not split one detection told in paragraphs with varied words (the check on VirusTotal, the blocked run)', () => {
    const input = {
      subject: 'Installer removed',
      description:
        'Windows Security deletes the installer of version 2.3 as soon as the download finishes, it says Trojan:Win32/Wacatac.\n\nI uploaded the same file to VirusTotal and 70 engines say it is clean.\n\nWhen I restore it from quarantine the program starts, but after a reboot it is gone again and the shortcut does not work.',
    };
    expect(splitProblems(input)).toEqual([input]);
  });

  it.each([
    // "Also, how do I renew my licence?" was the question here: renewal is a licence (4.1.3) or the web account (4.1.4c),
    // and the model of 2026-12-04 reads it 4.1.3 at 0.73, under the 0.8 that splits (bench/README.md, round of 2026-12-04)
    [
      '"Also" before a question the model reads',
      'Kaspersky flags my installer as Trojan.Generic, is this an error? Also, my licence disappeared after reinstalling, how do I get it back?',
      ['4.1.2a', '4.1.3'],
    ],
    ['"by the way"', 'Kaspersky shows a threat in our own setup.exe, it is a false positive. By the way, can you add dark mode to the app?', ['4.1.2a', '4.2.1']],
    [
      '"I also" after an opening the lexicon does not know',
      'My real-time protection keeps turning itself off. I also cannot log in to my account on your website, it says wrong password.',
      ['4.1.1', '4.1.4c'],
    ],
    ['"two things" joined by ", and"', "Hi, two things: the update fails with error 0x80070005, and I'd like to know how to move my licence to a new computer.", ['4.1.1', '4.1.3']],
    ['plain consecutive sentences on different clauses', 'The scanner crashes every time I start a full scan. And my licence key is not accepted after I renewed it.', ['4.1.1', '4.1.3']],
    [
      '"Also" after another vendor\'s program crashing (not a detection\'s consequence: the crash is not ours)',
      "Outlook keeps crashing when I open attachments, how do I repair Office?\n\nAlso your product quarantined a PDF my colleague sent, I think it's a false positive.",
      ['4.2.7', '4.1.2a'],
    ],
    [
      'a paragraph whose subject "also" fails (a second problem, told after the first)',
      'I renewed my subscription last week but the app still says it expires in 3 days.\n\nThe full scan also crashes at about 60% every time I run it.',
      ['4.1.3', '4.1.1'],
    ],
    ['a wish on the line after a bug', 'The app freezes for a minute every time I open the settings window.\nIt would be nice to have a dark mode too.', ['4.1.1', '4.2.1']],
    [
      'a wish opened with an impersonal "it" (it points at nothing before it)',
      'Kaspersky deleted my own installer and calls it a trojan, it is a false positive. It would be great if you added a dark mode.',
      ['4.1.2a', '4.2.1'],
    ],
    [
      '"кстати" (a change of topic: a detection and a download question are two)',
      'Касперский удалил мою программу, считает её трояном, но это наша собственная разработка. Кстати, где скачать дистрибутив KES для Linux?',
      ['4.1.2a', '4.1.4a'],
    ],
    ['"starp citu"', 'Kaspersky bloķē manu grāmatvedības programmu kā vīrusu. Starp citu, kur var lejupielādēt jaunāko versiju?', ['4.1.2a', '4.1.4a']],
    ['"muide"', 'Kaspersky blokeerib minu programmi kui viirust. Muide, kust saab alla laadida uusima versiooni?', ['4.1.2a', '4.1.4a']],
    ['"beje"', 'Kaspersky blokuoja mano programą kaip virusą. Beje, kur galiu atsisiųsti naujausią versiją?', ['4.1.2a', '4.1.4a']],
    [
      '"Ещё вопрос:" (another question, even a download one after a detection)',
      'Касперский заблокировал сайт нашего банка, пишет что он опасный. Ещё вопрос: где скачать версию для Mac?',
      ['4.1.2a', '4.1.4a'],
    ],
    ['"One more question:"', 'Kaspersky blocks the website of our bank and says it is dangerous. One more question: where can I download the version for Mac?', ['4.1.2a', '4.1.4a']],
    // another question announced by a sentence of its own, not by its first words
    ['"I have one more question:"', 'The scan stops at 60% and the program closes. I have one more question: where can I find the manual for the firewall settings?', ['4.1.1', '4.1.4b']],
    ['"My other question is"', "Your antivirus blocks my bank's website as phishing. My other question is how to move my licence to a new laptop.", ['4.1.2a', '4.1.3']],
    [
      '"A follow-up question I have is,"',
      'Real-time protection keeps turning itself off after a reboot.\n\nA follow-up question I have is, where are the quarantine files stored?',
      ['4.1.1', '4.1.4b'],
    ],
    ['"У меня есть ещё вопрос:"', 'После обновления программа не запускается, пишет ошибку 1920. У меня есть ещё вопрос: где скачать дистрибутив для Mac?', ['4.1.1', '4.1.4a']],
    ['"Man ir vēl viens jautājums:"', 'Kaspersky bloķē manas bankas lapu. Man ir vēl viens jautājums: kā pārnest licenci uz jaunu datoru?', ['4.1.2a', '4.1.3']],
    ['"Turiu dar vieną klausimą:"', 'Antivirusas ištrynė mano failą kaip virusą. Turiu dar vieną klausimą: kaip atnaujinti licenciją?', ['4.1.2a', '4.1.3']],
  ])('splits two problems joined by %s', (_how, description, expected) => {
    expect(clauses(splitProblems({ subject: 'Help', description }))).toEqual(expected);
  });

  it.each([
    ['a request pointing back at the sentence before', 'Kaspersky detected Trojan-PSW.Win32.Stealer on my PC and removed it. What does this trojan do exactly, does it steal passwords?'],
    [
      '"some problems" further on (not an announcement)',
      'Yesterday I installed the program to try it, but started to experience some problems with other apps. Now most of my apps are unable to connect to the Internet. Firefox is working, but Safari does not connect at all.',
    ],
    ['"also" continuing the same problem', 'The databases do not update, the update fails with an error. Also, I restarted the computer and reinstalled the program, the update still fails.'],
  ])('does not split %s', (_what, description) => {
    expect(splitProblems({ subject: 'Help', description })).toHaveLength(1);
  });

  it('leaves out the words that marked a part ("Another problem:"): they name no problem, and "problem" alone reads as a malfunction', () => {
    const description = 'Kaspersky detects our own tool as a trojan, it is a false positive.\nAnother problem: how do I add a device in My Kaspersky?';
    expect(splitProblems({ subject: 'Help', description }).map((p) => p.description)).toEqual([
      'Kaspersky detects our own tool as a trojan, it is a false positive.',
      'how do I add a device in My Kaspersky?',
    ]);
  });

  // Two crafted dev lines the unmarked sentence cut split in two: what we have, and what the computer does, before the request.
  it.each([
    ['Forensika', 'Meil on mälutõmmis ja kettatõmmised kahest nakatunud tööjaamast. Kas teie ekspertidelt saab tellida kohtuekspertiisi (forensics) koos aruandega, mida saaks politseile esitada?'],
    ['aeglane arvuti', 'Arvuti on aeglane ja ventilaator undab kogu aeg, isegi kui midagi ei tee. Viiruseid pole, Kaspersky kontrollis. Kuidas Windowsi seadistada, et see kiiremini töötaks?'],
  ])('does not cut after a first sentence that states no fault, wish, question or detection: %s', (subject, description) => {
    expect(splitProblems({ subject, description })).toHaveLength(1);
  });

  // The first half's clause comes from "bought your business licences" (context); its "don't" is in another sentence.
  it('does not cut when the sentence that gives the first half its clause states no problem', () => {
    const description =
      "We are a 150-seat company and just bought your business licences. We don't have IT staff. Can you set everything up for us, install on all computers and configure the policies?";
    const parts = splitProblems({ subject: 'deployment help', description });
    expect(parts).toHaveLength(1);
    expect(clauses(parts)).toEqual(['4.2.12']);
  });

  it('returns the input for an empty description', () => {
    const input = { subject: 'Only a subject', description: '' };
    expect(splitProblems(input)).toEqual([input]);
  });
});
