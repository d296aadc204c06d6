import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { entry, events, settled, submit } from './support/requests';
import { startSystem, type TestSystem } from './support/system';

/**
 * Every outcome of the support rules through the real pipeline (intake → licence check →
 * classification → routing): what a customer and an agent see on the request.
 */

const HOME_KB = 'https://support.kaspersky.com/consumer';
const BUSINESS_KB = 'https://support.kaspersky.com/business';
const FORUM = 'https://forum.kaspersky.com';

const latvian = { id: 'c-2001', email: 'janis@example.lv', country: 'LV', language: 'lv' };
const russian = { id: 'c-2002', email: 'olga@example.lv', country: 'LV', language: 'ru' };
const english = { id: 'c-2003', email: 'sam@example.lv', country: 'LV', language: 'en' };
const businessPlatform = { os: 'windows', osVersion: '11', ramMb: 16384, diskFreeMb: 90000 };
/** Globex's licence has expired: support for Globex is limited (2.4, 4.5b). */
const globex = (customer: Record<string, string>) => ({ companyId: 'globex', licenceKey: 'LIC-GLOBEX-KESB', customer, product: { code: 'kesb', version: '12.1' }, platform: businessPlatform });

describe.each(testDatabases())('the support rules through the pipeline on %s', (db) => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startSystem(db);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  /** The classification's evidence on the timeline: what matched, for the chosen clause. */
  function expectEvidenceFor(v: Record<string, any>, clause: string) {
    const classified = entry(v, 'request.classified');
    expect(classified?.detail).toMatchObject({ clause });
    expect(classified?.detail.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ clause, term: expect.any(String), weight: expect.any(Number) })]));
  }

  describe('supported', () => {
    it('a home request in Russian: 4.5a, classified 4.1.1 with its evidence, queued for the Latvian home team', async () => {
      const answer = await submit(sys, submission({ customer: russian, subject: 'Не обновляются базы', description: 'Антивирус не обновляет базы уже неделю, при обновлении появляется ошибка.' }));
      const v = await settled(sys, answer.requests[0].id);
      expect(v).toMatchObject({
        status: 'queued',
        segment: 'home',
        language: 'ru',
        rulesVersion: '2022-04-07',
        eligibility: { decision: 'supported', clauses: ['4.5a'] },
        classification: { clause: '4.1.1', scope: 'included' },
        outcome: null,
        team: 'home-lv',
      });
      expect(v.classification.confidence).toBeGreaterThanOrEqual(0.6);
      expectEvidenceFor(v, '4.1.1');
      expect(entry(v, 'request.classified')?.detail.evidence.some((e: { language: string }) => e.language === 'ru')).toBe(true);
      expect(events(v)).not.toContain('request.declined');
    });
  });

  describe('limited: a business customer without a valid licence (2.4, 4.5b)', () => {
    it('licence help (4.1.3) goes on to a business team, in Latvian', async () => {
      const answer = await submit(
        sys,
        submission({
          ...globex(latvian),
          subject: 'Pazaudēta licence',
          description: 'Esam pazaudējuši licences atslēgu pēc datora pārinstalēšanas. Lūdzu, palīdziet atrast informāciju par mūsu licenci.',
        }),
      );
      const v = await settled(sys, answer.requests[0].id);
      expect(v).toMatchObject({
        status: 'queued',
        segment: 'business',
        eligibility: { decision: 'limited', clauses: ['4.5b', '2.4'] },
        classification: { clause: '4.1.3', scope: 'included' },
        outcome: null,
        team: 'business-baltics',
      });
      expect(events(v)).not.toContain('request.declined');
    });

    it('how to download the software (4.1.4a) goes on to a business team, with no licence given at all', async () => {
      const answer = await submit(
        sys,
        submission({
          companyId: 'initech',
          customer: english,
          product: { code: 'kesb', version: '12.1' },
          platform: businessPlatform,
          subject: 'Where to download',
          description: 'Where can I download the installer of Kaspersky Endpoint Security for Business for our servers?',
        }),
      );
      const v = await settled(sys, answer.requests[0].id);
      expect(v).toMatchObject({
        status: 'queued',
        eligibility: { decision: 'limited', clauses: ['4.5b', '2.4'] },
        classification: { clause: '4.1.4a', scope: 'included' },
        outcome: null,
        team: 'business-baltics',
      });
      expect(entry(v, 'request.eligibility-decided')?.detail).toMatchObject({ licence: 'none', licenceProblem: 'none' });
    });

    it('anything else is declined, in Russian, saying what is wrong with the licence, how to fix it, and where self-service is', async () => {
      const answer = await submit(
        sys,
        submission({
          companyId: 'initech',
          customer: russian,
          product: { code: 'kesb', version: '12.1' },
          platform: businessPlatform,
          subject: 'Не обновляются базы',
          description: 'Kaspersky Endpoint Security не обновляет базы на серверах, при обновлении появляется ошибка.',
        }),
      );
      const v = await settled(sys, answer.requests[0].id);
      expect(v.status).toBe('declined');
      expect(v.classification).toMatchObject({ clause: '4.1.1', scope: 'included' });
      expect(v.outcome).toMatchObject({ kind: 'limited', offer: null });
      expect(v.outcome.clauses).toEqual(expect.arrayContaining(['2.4', '4.5b', '4.1.1']));
      expect(v.outcome.message).toContain('лицензия не указана или не зарегистрирована');
      expect(v.outcome.message).toContain('CompanyAccount');
      expect(v.outcome.message).toContain('правило 2.1');
      expect(v.outcome.message).toContain(BUSINESS_KB);
      expect(entry(v, 'request.declined')?.detail).toMatchObject({ kind: 'limited' });
    });
  });

  describe('refused (4.3)', () => {
    it('a version whose support has ended: 4.3.2 in Russian, with the restoration offer and the self-service pointers', async () => {
      const answer = await submit(sys, submission({ customer: russian, product: { code: 'kav', version: '20.0.5' } }));
      const v = await settled(sys, answer.requests[0].id);
      expect(v).toMatchObject({
        status: 'declined',
        eligibility: { decision: 'refused', clauses: ['4.3.2'] },
        classification: null,
        team: null,
        outcome: { kind: 'refused', clauses: ['4.3.2'], offer: 'support-restoration' },
      });
      expect(v.outcome.message).toContain('поддержка этой версии прекращена (правило 4.3.2)');
      expect(v.outcome.message).toContain('восстановление поддержки этой версии');
      expect(v.outcome.message).toContain('правило 2.1');
      expect(v.outcome.message).toContain(HOME_KB);
      expect(v.outcome.message).toContain(FORUM);
      expect(events(v)).toEqual(['request.received', 'request.eligibility-decided', 'request.declined']);
    });

    it('a device below the minimum requirements: 4.3.1 in Latvian, naming the requirement that failed', async () => {
      const answer = await submit(sys, submission({ customer: latvian, platform: { os: 'windows', osVersion: '10', ramMb: 1024, diskFreeMb: 20000 } }));
      const v = await settled(sys, answer.requests[0].id);
      expect(v).toMatchObject({ status: 'declined', eligibility: { decision: 'refused', clauses: ['4.3.1'] }, outcome: { kind: 'refused', clauses: ['4.3.1'], offer: null } });
      expect(v.outcome.message).toContain('operatīvā atmiņa 1024 MB (minimums 2048 MB)');
      expect(v.outcome.message).toContain('neatbilst minimālajām sistēmas prasībām (noteikums 4.3.1)');
      expect(v.outcome.message).toContain('noteikums 2.1');
      expect(v.outcome.message).toContain(HOME_KB);
    });

    it('an operating system version the product does not support: 4.3.1 in English, naming it', async () => {
      const answer = await submit(sys, submission({ customer: english, platform: { os: 'windows', osVersion: '7', ramMb: 8192, diskFreeMb: 20000 } }));
      const v = await settled(sys, answer.requests[0].id);
      expect(v.outcome).toMatchObject({ kind: 'refused', clauses: ['4.3.1'], offer: null });
      expect(v.outcome.message).toContain('windows version 7 (supported: 10, 11) does not meet the minimum system requirements (rule 4.3.1)');
      expect(v.outcome.message).toContain('Self-service help (rule 2.1)');
    });
  });

  describe('out of scope (4.2)', () => {
    it('a remote session (4.2.5), language detected as Latvian: declined with the Professional Services offer', async () => {
      const answer = await submit(
        sys,
        submission({
          customer: { ...latvian, language: undefined },
          subject: 'Attālinātā sesija',
          description: 'Lūdzu, pieslēdzieties manam datoram attālināti un visu iestatiet manā vietā, izmantojot attālināto sesiju.',
        }),
      );
      const v = await settled(sys, answer.requests[0].id);
      expect(v).toMatchObject({
        status: 'declined',
        language: 'lv',
        eligibility: { decision: 'supported' },
        classification: { clause: '4.2.5', scope: 'excluded' },
        outcome: { kind: 'out-of-scope', clauses: ['4.2.5'], offer: 'professional-services' },
        team: null,
      });
      expect(v.outcome.message).toContain('neietilpst standarta atbalstā (noteikums 4.2.5)');
      expect(v.outcome.message).toContain('Profesionālie pakalpojumi');
      expect(v.outcome.message).toContain('noteikums 2.1');
      expect(v.outcome.message).toContain(HOME_KB);
      expectEvidenceFor(v, '4.2.5');
      expect(events(v)).toEqual(['request.received', 'request.eligibility-decided', 'request.classified', 'request.declined']);
    });

    const incident = {
      subject: 'Incident investigation',
      description: 'Our company network was infected by ransomware last week. We need a full investigation of the incident: how the malware got in and what the root cause of the infection was.',
    };

    it('an incident investigation (4.2.14) from a country that sells Incident Response: offered', async () => {
      const answer = await submit(sys, submission({ customer: english, ...incident }));
      const v = await settled(sys, answer.requests[0].id);
      expect(v.classification).toMatchObject({ clause: '4.2.14', scope: 'excluded' });
      expect(v.outcome).toMatchObject({ kind: 'out-of-scope', clauses: ['4.2.14'], offer: 'incident-response' });
      expect(v.outcome.message).toContain('(rule 4.2.14)');
      expect(v.outcome.message).toContain('This can be bought as Incident Response.');
      expect(v.outcome.message).toContain(HOME_KB);
    });

    it('the same request from a country without Incident Response: declined with no offer', async () => {
      const answer = await submit(sys, submission({ customer: { ...english, id: 'c-2004', country: 'FR' }, ...incident }));
      const v = await settled(sys, answer.requests[0].id);
      expect(v.classification).toMatchObject({ clause: '4.2.14', scope: 'excluded' });
      expect(v.outcome).toMatchObject({ kind: 'out-of-scope', clauses: ['4.2.14'], offer: null });
      expect(v.outcome.message).toContain('(rule 4.2.14)');
      expect(v.outcome.message).not.toContain('Incident Response');
      expect(v.outcome.message).not.toContain('can be bought');
      expect(v.outcome.message).toContain('Self-service help (rule 2.1)');
    });

    it('a question about a third-party operating system (4.2.7), in Russian: declined with no offer', async () => {
      const answer = await submit(
        sys,
        submission({ customer: russian, subject: 'Вопрос по Windows', description: 'Как настроить общий доступ к папкам в Windows 11? Вопрос не связан с Касперским.' }),
      );
      const v = await settled(sys, answer.requests[0].id);
      expect(v).toMatchObject({ status: 'declined', classification: { clause: '4.2.7', scope: 'excluded' }, outcome: { kind: 'out-of-scope', clauses: ['4.2.7'], offer: null } });
      expect(v.outcome.message).toContain('не входит в стандартную поддержку (правило 4.2.7)');
      expect(v.outcome.message).toContain('правило 2.1');
      expect(v.outcome.message).toContain(HOME_KB);
      expectEvidenceFor(v, '4.2.7');
    });
  });

  describe('low confidence: a person decides, never an automatic decline', () => {
    it('a vague home request goes to the home triage team with scope unknown', async () => {
      const answer = await submit(sys, submission({ customer: english, subject: 'Help', description: 'Hi, something is off, can you take a look?' }));
      const v = await settled(sys, answer.requests[0].id);
      expect(v).toMatchObject({ status: 'queued', classification: { scope: 'unknown' }, outcome: null, team: 'home-triage' });
      expect(events(v)).not.toContain('request.declined');
    });

    it('a vague business request in Latvian goes to the business triage team', async () => {
      const answer = await submit(
        sys,
        submission({
          companyId: 'acme',
          licenceKey: 'LIC-ACME-KESB',
          customer: latvian,
          product: { code: 'kesb', version: '12.1' },
          platform: businessPlatform,
          subject: 'Jautājums',
          description: 'Labdien, man ir jautājums par to, ko runājām iepriekš.',
        }),
      );
      const v = await settled(sys, answer.requests[0].id);
      expect(v).toMatchObject({ status: 'queued', eligibility: { decision: 'supported' }, classification: { scope: 'unknown' }, outcome: null, team: 'business-triage' });
    });
  });

  describe('one problem = one request (2.3)', () => {
    it('splits a submission with several problems into requests sharing the submission, each classified on its own text, and the reply lists them', async () => {
      const answer = await submit(
        sys,
        submission({
          customer: english,
          subject: 'Two problems',
          description: 'I have two problems.\n1. Kaspersky deletes my own program as a trojan, but it is a false positive.\n2. Where can I download the installer for my second computer?',
        }),
      );
      expect(answer.requests).toHaveLength(2);
      expect(answer.notice).toContain('2 separate problems');
      expect(answer.notice).toContain('(rule 2.3)');
      expect(answer.notice).toContain('“Kaspersky deletes my own program as a trojan, but it is a false positive.”');
      expect(answer.notice).toContain('“Where can I download the installer for my second computer?”');

      const [first, second] = await Promise.all(answer.requests.map((r) => settled(sys, r.id)));
      for (const v of [first, second]) {
        expect(v.submissionId).toBe(answer.submissionId);
        expect(v.status).toBe('queued');
        expect(entry(v, 'request.received')?.detail).toMatchObject({ submissionId: answer.submissionId, of: 2, splitting: 'split', problemsDetected: 2, notice: answer.notice });
      }
      expect(first).toMatchObject({ subject: 'Two problems (1/2)', classification: { clause: '4.1.2a', scope: 'included' }, team: 'home-malware' });
      expect(first.description).toContain('false positive');
      expect(first.description).not.toContain('download');
      expect(second).toMatchObject({ subject: 'Two problems (2/2)', classification: { clause: '4.1.4a', scope: 'included' }, team: 'home-lv' });
      expect(second.description).toContain('download');
      expect(second.description).not.toContain('false positive');
      expectEvidenceFor(first, '4.1.2a');
      expectEvidenceFor(second, '4.1.4a');
    });

    it('a split submission in Latvian is listed in Latvian', async () => {
      const answer = await submit(
        sys,
        submission({
          customer: latvian,
          subject: 'Divas problēmas',
          description: 'Man ir divas problēmas.\n1. Kaspersky neatjaunina datubāzes, parādās kļūda.\n2. Kur var lejupielādēt instalācijas failu otram datoram?',
        }),
      );
      expect(answer.requests).toHaveLength(2);
      expect(answer.notice).toContain('(noteikums 2.3)');
      expect(answer.notice).toContain('“Kur var lejupielādēt instalācijas failu otram datoram?”');
      const views = await Promise.all(answer.requests.map((r) => settled(sys, r.id)));
      expect(views.map((v) => v.classification.clause)).toEqual(['4.1.1', '4.1.4a']);
    });

    it('a single problem gets one request and no notice', async () => {
      const answer = await submit(sys, submission());
      expect(answer.requests).toHaveLength(1);
      expect(answer.notice).toBeUndefined();
      const v = await settled(sys, answer.requests[0].id);
      expect(entry(v, 'request.received')?.detail.notice).toBeUndefined();
    });
  });
});
