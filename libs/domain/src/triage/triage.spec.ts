import { readFileSync } from 'fs';
import { join } from 'path';
import type { Licence, Product } from '../catalogue';
import { loadRuleSet, type RuleSet } from '../rules';
import { checkEligibility, classifyRequest, type RequestFacts, routeRequest } from './triage';
import { acmeLicence, annaLicence, DEMO_TEAMS, globexLicence, kav, kesb, team } from '../testing/demo-catalogue';

const RULES_FILE = join(__dirname, '..', '..', '..', '..', 'config', 'rules', '2022-04-07.json');
const rules: RuleSet = loadRuleSet(JSON.parse(readFileSync(RULES_FILE, 'utf8')), RULES_FILE);

const TEAMS = DEMO_TEAMS.filter((t) => t.id !== 'home-ee');

const homeFacts = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  subject: '',
  description: '',
  topic: null,
  language: 'en',
  country: 'GB',
  customerId: 'c-1001',
  companyId: null,
  productCode: 'kav',
  productVersion: '21.3.10',
  platform: { os: 'windows', osVersion: '11', ramMb: 8192, diskFreeMb: 50000 },
  receivedAt: new Date('2025-05-10T10:00:00Z'),
  ...over,
});
const businessFacts = (over: Partial<RequestFacts> = {}): RequestFacts =>
  homeFacts({ customerId: 'c-2001', companyId: 'globex', productCode: 'kesb', productVersion: '12.1.0', country: 'LV', ...over });

/** The three stages in order, as the workers run them. */
const run = (facts: RequestFacts, product: Product | null, licence: Licence | null) => {
  const checked = checkEligibility(rules, facts, product, licence);
  const classified = checked.outcome ? null : classifyRequest(rules, facts, checked.eligibility, product);
  const route =
    classified && !classified.outcome ? routeRequest(rules, TEAMS, facts, checked.eligibility.segment ?? 'home', classified.result.clause, classified.scope, checked.eligibility.supportPlan) : null;
  return { ...checked, classified, route };
};

describe('triage: the three stages composed', () => {
  it("an English false-positive complaint is included (4.1.2a) and goes to a team with the plan's priority", () => {
    const facts = homeFacts({
      subject: 'False detection',
      description: 'Your product detects our signed installer as a trojan. It is a false positive, please fix.',
    });
    const { eligibility, outcome, classified, route } = run(facts, kav, annaLicence);
    expect(outcome).toBeNull();
    expect(eligibility).toMatchObject({ decision: 'supported', clauses: ['4.5a'], supportPlan: 'home-plus' });
    expect(classified!.result.clause).toBe('4.1.2a');
    expect(classified!.result.lexiconVersion).toBe(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'config', 'classifier', 'lexicon.json'), 'utf8')).version);
    expect(classified!.scope).toBe('included');
    expect(classified!.outcome).toBeNull();
    expect(route).toEqual({
      teamId: 'home-intl',
      reason: 'home team for GB, speaks en',
      fallback: false,
      clauses: ['2.2', '[sla]'],
      priority: 2,
      priorityReason: 'default priority 3, raised to 2 by the paid plan home-plus',
    });
  });

  it('a request that names no product (a first mail) goes to human triage, whatever its text says', () => {
    const facts = homeFacts({ productCode: 'unknown', productVersion: '0', platform: null, subject: 'Remote session', description: 'Please connect to my computer remotely and check it.' });
    const { outcome, classified, route } = run(facts, null, null);
    expect(outcome).toBeNull();
    expect(classified).toMatchObject({ scope: 'unknown', outcome: null });
    expect(route).toMatchObject({ teamId: 'home-triage' });
  });

  it('the same complaint from Latvia goes to the malware team', () => {
    const facts = homeFacts({
      country: 'LV',
      subject: 'False detection',
      description: 'Your product detects our signed installer as a trojan. It is a false positive, please fix.',
    });
    expect(run(facts, kav, null).route).toMatchObject({ teamId: 'home-malware', fallback: false, priority: 3 });
  });

  it('a Latvian request for a remote session is declined (4.2.5) in Latvian with the Professional Services offer', () => {
    const facts = homeFacts({ language: 'lv', country: 'LV', subject: 'Attālināti', description: 'Lūdzu pieslēdzieties manam datoram attālināti un pārbaudiet.' });
    const { outcome, classified, route } = run(facts, kav, null);
    expect(outcome).toBeNull();
    expect(classified!.result.clause).toBe('4.2.5');
    expect(classified!.scope).toBe('excluded');
    expect(classified!.outcome).toMatchObject({ kind: 'out-of-scope', clauses: ['4.2.5'], offer: 'professional-services' });
    expect(classified!.outcome!.message).toContain('Jūsu pieprasījums attiecas uz “Tiešsaistes atbalsts un attālinātā atbalsta sesijas”');
    expect(classified!.outcome!.message).toContain('(noteikums 4.2.5)');
    expect(classified!.outcome!.message).toContain('“Profesionālie pakalpojumi”');
    expect(route).toBeNull();
  });

  it('a Russian request without a stated language is answered in Russian', () => {
    const facts = homeFacts({ language: null, country: 'EE', subject: 'Удаленно', description: 'Подключитесь к моему компьютеру через удаленный доступ и проверьте.' });
    const { classified } = run(facts, kav, null);
    expect(classified!.result.language).toBe('ru');
    expect(classified!.outcome).toMatchObject({ kind: 'out-of-scope', clauses: ['4.2.5'], offer: 'professional-services' });
    expect(classified!.outcome!.message).toContain('Ваш запрос касается темы «Онлайн-поддержка и сеансы удалённой поддержки»');
    expect(classified!.outcome!.message).toContain('(правило 4.2.5)');
  });

  it('a Russian refusal of an ended version is written in Russian', () => {
    const facts = homeFacts({ language: 'ru', productVersion: '20.0.14', subject: 'Не работает', description: 'Касперский перестал работать.' });
    const { eligibility, outcome, classified } = run(facts, kav, null);
    expect(eligibility.decision).toBe('refused');
    expect(outcome).toMatchObject({ kind: 'refused', clauses: ['4.3.2'], offer: 'support-restoration' });
    expect(outcome!.message).toContain('Мы не можем оказать поддержку для Kaspersky Anti-Virus версии 20.0.14');
    expect(outcome!.message).toContain('(правило 4.3.2)');
    expect(classified).toBeNull();
  });

  it('refuses an unknown product at the licence check with home self-service', () => {
    const { eligibility, outcome } = run(homeFacts({ productCode: 'kxx', productVersion: '1.0' }), null, null);
    expect(eligibility).toMatchObject({ decision: 'refused', segment: null, clauses: ['4.3.2'] });
    expect(outcome!.message).toContain('We cannot support kxx version 1.0');
    expect(outcome!.message).toContain('https://support.kaspersky.com/consumer');
  });

  it('refuses a device below the requirements, naming what failed', () => {
    const { outcome } = run(homeFacts({ platform: { os: 'windows', osVersion: '7' } }), kav, null);
    expect(outcome).toMatchObject({ kind: 'refused', clauses: ['4.3.1'], offer: null });
    expect(outcome!.message).toContain('windows version 7 (supported: 10, 11)');
  });

  it('a business crash report under an expired licence (4.1.1) gets the limited outcome', () => {
    const facts = businessFacts({ subject: 'App crashes', description: 'Kaspersky Endpoint Security crashes whenever I open the settings, error 0x80004005.' });
    const { eligibility, outcome, classified, route } = run(facts, kesb, globexLicence);
    expect(outcome).toBeNull();
    expect(eligibility).toMatchObject({ decision: 'limited', clauses: ['4.5b', '2.4'], supportPlan: null });
    expect(classified!.result.clause).toBe('4.1.1');
    expect(classified!.outcome).toMatchObject({ kind: 'limited', clauses: ['4.5b', '2.4', '4.1.1'], offer: null });
    expect(classified!.outcome!.message).toContain('CompanyAccount');
    expect(classified!.outcome!.message).toContain('the licence has expired');
    expect(classified!.outcome!.message).toContain('https://support.kaspersky.com/business');
    expect(route).toBeNull();
  });

  it('a business question on where to download goes on under an expired licence', () => {
    const facts = businessFacts({ subject: 'Download', description: 'Where can I download the installer of Kaspersky Endpoint Security?' });
    const { eligibility, classified, route } = run(facts, kesb, globexLicence);
    expect(eligibility.decision).toBe('limited');
    expect(classified!.result.clause).toBe('4.1.4a');
    expect(classified!.scope).toBe('included');
    expect(classified!.outcome).toBeNull();
    expect(route).toEqual({ teamId: 'business-baltics', reason: 'business team for LV, speaks en', fallback: false, clauses: ['2.2'], priority: 3, priorityReason: 'default priority 3' });
  });

  it('the same crash report with a valid licence goes on, ahead in the queue for the paid plan', () => {
    const facts = businessFacts({ companyId: 'acme', subject: 'App crashes', description: 'Kaspersky Endpoint Security crashes whenever I open the settings, error 0x80004005.' });
    const { eligibility, classified, route } = run(facts, kesb, acmeLicence);
    expect(eligibility).toMatchObject({ decision: 'supported', supportPlan: 'premium' });
    expect(classified!.outcome).toBeNull();
    expect(route).toMatchObject({ teamId: 'business-baltics', priority: 2 });
  });

  it('an unclear request goes to human triage at the base priority', () => {
    const facts = homeFacts({ subject: 'Hello', description: 'Hello, I have a question.' });
    const { classified, route } = run(facts, kav, null);
    expect(classified!.scope).toBe('unknown');
    expect(classified!.outcome).toBeNull();
    expect(route).toEqual({ teamId: 'home-triage', reason: 'scope unknown: human triage', fallback: false, clauses: ['2.2'], priority: 3, priorityReason: 'default priority 3' });
  });

  it('routeRequest returns null when the segment has no team', () => {
    expect(
      routeRequest(
        rules,
        TEAMS.filter((t) => t.segment === 'home'),
        businessFacts(),
        'business',
        '4.1.1',
        'included',
        null,
      ),
    ).toBeNull();
  });

  it('routeRequest ignores the clause for priority when the scope is unknown', () => {
    expect(routeRequest(rules, TEAMS, homeFacts(), 'home', '4.1.2b', 'unknown', null)?.priority).toBe(3);
    expect(routeRequest(rules, TEAMS, homeFacts(), 'home', '4.1.2b', 'included', null)?.priority).toBe(2);
  });

  it('routeRequest cites each clause once: 2.2, the clause of the skill and the priority, the paid-plan clause', () => {
    expect(routeRequest(rules, TEAMS, homeFacts({ country: 'LV' }), 'home', '4.1.2b', 'included', 'home-plus')).toEqual({
      teamId: 'home-malware',
      reason: 'home team for LV, speaks en, malware skill',
      fallback: false,
      clauses: ['2.2', '4.1.2b', '[sla]'],
      priority: 1,
      priorityReason: 'priority 2 for 4.1.2b, raised to 1 by the paid plan home-plus',
    });
  });

  it("routeRequest follows a new rules version's routing data", () => {
    const r = JSON.parse(readFileSync(RULES_FILE, 'utf8'));
    r.version = '2027-01-01';
    r.clauses['4.1.2b'].skill = 'forensics';
    r.clauses['4.1.2b'].priority = 1;
    const v2027 = loadRuleSet(r, 'v2027.json');
    const teams = [...TEAMS, team('home-forensics', 'home', ['LV'], ['en'], ['forensics'])];
    expect(routeRequest(rules, teams, homeFacts({ country: 'LV' }), 'home', '4.1.2b', 'included', null)).toMatchObject({ teamId: 'home-malware', priority: 2 });
    expect(routeRequest(v2027, teams, homeFacts({ country: 'LV' }), 'home', '4.1.2b', 'included', null)).toMatchObject({
      teamId: 'home-forensics',
      clauses: ['2.2', '4.1.2b'],
      priority: 1,
      priorityReason: 'priority 1 for 4.1.2b',
    });
  });
});

describe('a platform refusal names the unmet requirement in the customer language (4.3.1)', () => {
  it.each([
    ['lv', 'operatīvā atmiņa 1024 MB (minimums 2048 MB)'],
    ['ru', 'оперативная память 1024 МБ (минимум 2048 МБ)'],
    ['en', 'RAM of 1024 MB (minimum 2048 MB)'],
  ])('%s', (language, text) => {
    const facts = homeFacts({ language, platform: { os: 'windows', osVersion: '10', ramMb: 1024, diskFreeMb: 90000 } });
    const { eligibility, outcome } = checkEligibility(rules, facts, kav, null);
    expect(eligibility).toMatchObject({ decision: 'refused', clauses: ['4.3.1'] });
    expect(outcome!.message).toContain(text);
    if (language !== 'en') expect(outcome!.message).not.toContain('minimum 2048 MB');
  });
});

describe('triage: Estonian and Lithuanian requests', () => {
  const baltic = (language: 'et' | 'lt', country: string, subject: string, description: string) => {
    const facts = homeFacts({ language, country, subject, description });
    const checked = checkEligibility(rules, facts, kav, annaLicence);
    const classified = classifyRequest(rules, facts, checked.eligibility, kav);
    const route = routeRequest(rules, DEMO_TEAMS, facts, 'home', classified.result.clause, classified.scope, null);
    return { classified, route };
  };

  it('an Estonian request with "language": "et" is classified, not sent to triage for its language, and goes to the Estonian team', () => {
    const { classified, route } = baltic('et', 'EE', 'Kaspersky ei käivitu', 'Pärast eilset uuendust Kaspersky ei käivitu, programm jookseb kokku ja ei reageeri.');
    expect(classified.result.language).toBe('et');
    expect(classified.result.clause).toBe('4.1.1');
    expect(classified.scope).toBe('included');
    expect(route!.teamId).toBe('home-ee');
  });

  it('a Lithuanian request goes to the Lithuanian team; its decline is written in Lithuanian', () => {
    const { classified, route } = baltic('lt', 'LT', 'Kaspersky neveikia', 'Po atnaujinimo Kaspersky nepasileidžia, užstringa ir nereaguoja.');
    expect(classified.scope).toBe('included');
    expect(route!.teamId).toBe('home-lt');
    const declined = baltic('lt', 'LT', 'Outlook', 'Microsoft Outlook lūžta, kai atidarau priedus. Kaip pataisyti Microsoft Office? Tai nesusiję su Kaspersky.');
    expect(declined.classified.scope).toBe('excluded');
    expect(declined.classified.outcome!.message).toContain('(taisyklė 4.2.7)');
  });
});
