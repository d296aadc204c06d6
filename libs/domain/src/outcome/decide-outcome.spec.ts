import { readFileSync } from 'fs';
import { join } from 'path';
import { decideEligibility, type EligibilityResult } from '../eligibility';
import { loadRuleSet, type RuleSet } from '../rules';
import { offerIn, refusalOutcome, type RequestContext, scopeOutcome, scopeUnderRules } from './decide-outcome';

const RULES_FILE = join(__dirname, '..', '..', '..', '..', 'config', 'rules', '2022-04-07.json');
const rules: RuleSet = loadRuleSet(JSON.parse(readFileSync(RULES_FILE, 'utf8')), RULES_FILE);

/** A copy of the shipped rules with some parts replaced (the shipped object is never changed). */
const variant = (change: (r: RuleSet) => void): RuleSet => {
  const copy = JSON.parse(JSON.stringify(rules)) as RuleSet;
  change(copy);
  return copy;
};

const ctx = (over: Partial<RequestContext> = {}): RequestContext => ({
  country: 'LV',
  language: 'en',
  segment: 'home',
  productCode: 'kav',
  productName: 'Kaspersky Anti-Virus',
  version: '20.0.14',
  ...over,
});

const eligibility = (over: Partial<EligibilityResult>): EligibilityResult => ({
  decision: 'supported',
  segment: 'home',
  clauses: ['4.5a'],
  reason: 'home & mobile products are supported regardless of licence status',
  messageKey: null,
  offer: null,
  failedRequirement: null,
  supportPlan: null,
  ...over,
});

const versionRefused = eligibility({ decision: 'refused', clauses: ['4.3.2'], messageKey: 'refused.version', offer: 'support-restoration', reason: 'ended' });
const unknownProduct = eligibility({ decision: 'refused', segment: null, clauses: ['4.3.2'], messageKey: 'refused.unknown-product', offer: 'support-restoration', reason: 'unknown' });
const platformRefused = eligibility({ decision: 'refused', clauses: ['4.3.1'], messageKey: 'refused.platform', failedRequirement: 'RAM 1024 MB (minimum 2048 MB)', reason: 'ram' });
const supportedHome = eligibility({});
const supportedBusiness = eligibility({ segment: 'business', clauses: ['4.5b', '2.4'], reason: 'a valid business licence is registered', supportPlan: 'premium' });
const limitedBusiness = eligibility({ decision: 'limited', segment: 'business', clauses: ['4.5b', '2.4'], messageKey: 'limited.licence', reason: 'the licence has expired' });
const businessCtx = ctx({ segment: 'business', productCode: 'kesb', productName: 'Kaspersky Endpoint Security for Business', version: '12.1' });

const HOME_KB = 'https://support.kaspersky.com/consumer';
const BUSINESS_KB = 'https://support.kaspersky.com/business';

describe('offerIn ([paid]: offers depend on the region)', () => {
  it('"*" sells the offer everywhere', () => {
    expect(offerIn(rules, 'professional-services', 'BR')).toBe('professional-services');
  });

  it('a country list sells it only in the listed countries, whatever the case of the code', () => {
    expect(offerIn(rules, 'incident-response', 'LV')).toBe('incident-response');
    expect(offerIn(rules, 'incident-response', 'lv')).toBe('incident-response');
    expect(offerIn(rules, 'incident-response', 'BR')).toBeNull();
    expect(offerIn(rules, 'premium-support', 'PL')).toBeNull();
  });

  it('no offer gives no offer', () => {
    expect(offerIn(rules, null, 'LV')).toBeNull();
    expect(offerIn(rules, undefined, 'LV')).toBeNull();
  });

  it('an offer sold nowhere is never made', () => {
    const none = variant((r) => (r.offers['professional-services'].countries = []));
    expect(offerIn(none, 'professional-services', 'LV')).toBeNull();
  });
});

describe('refusalOutcome (4.3.1, 4.3.2)', () => {
  it('refuses an ended version in English with the clause, product, version, the restoration offer and home self-service', () => {
    const o = refusalOutcome(rules, versionRefused, ctx());
    expect(o.kind).toBe('refused');
    expect(o.clauses).toEqual(['4.3.2']);
    expect(o.offer).toBe('support-restoration');
    expect(o.message).toContain('Kaspersky Anti-Virus version 20.0.14');
    expect(o.message).toContain('support for this version has ended (rule 4.3.2)');
    expect(o.message).toContain('This can be bought as support restoration for this version (on request).');
    expect(o.message).toContain('Self-service help (rule 2.1):');
    expect(o.message).toContain(HOME_KB);
    expect(o.message).not.toContain(BUSINESS_KB);
    expect(o.message).not.toMatch(/\{[a-z]+\}/);
  });

  it('writes the refusal in Latvian', () => {
    const o = refusalOutcome(rules, versionRefused, ctx({ language: 'lv' }));
    expect(o.message).toContain('Mēs nevaram sniegt atbalstu produktam Kaspersky Anti-Virus versijā 20.0.14');
    expect(o.message).toContain('(noteikums 4.3.2)');
    expect(o.message).toContain('atbalsta atjaunošana šai versijai');
    expect(o.message).toContain('Pašapkalpošanās palīdzība (noteikums 2.1)');
    expect(o.message).toContain('Zināšanu bāze (mājas un mobilie produkti)');
  });

  it('writes the refusal in Russian', () => {
    const o = refusalOutcome(rules, versionRefused, ctx({ language: 'ru' }));
    expect(o.message).toContain('Мы не можем оказать поддержку для Kaspersky Anti-Virus версии 20.0.14');
    expect(o.message).toContain('(правило 4.3.2)');
    expect(o.message).toContain('восстановление поддержки этой версии');
    expect(o.message).toContain('Самообслуживание (правило 2.1)');
  });

  it('falls back to English for a language the rules have no texts in, or none', () => {
    expect(refusalOutcome(rules, versionRefused, ctx({ language: 'de' })).message).toBe(refusalOutcome(rules, versionRefused, ctx()).message);
    expect(refusalOutcome(rules, versionRefused, ctx({ language: null })).message).toBe(refusalOutcome(rules, versionRefused, ctx()).message);
  });

  it('makes the restoration offer only where the country has it', () => {
    const baltic = variant((r) => (r.offers['support-restoration'].countries = ['LV', 'EE']));
    const inLv = refusalOutcome(baltic, versionRefused, ctx({ country: 'LV' }));
    expect(inLv.offer).toBe('support-restoration');
    expect(inLv.message).toContain('This can be bought as');
    const inBr = refusalOutcome(baltic, versionRefused, ctx({ country: 'BR' }));
    expect(inBr.offer).toBeNull();
    expect(inBr.message).not.toContain('This can be bought as');
    expect(inBr.message).toContain('(rule 4.3.2)');
  });

  it('refuses an unknown product by its code when it has no name, with home self-service', () => {
    const o = refusalOutcome(rules, unknownProduct, ctx({ segment: null, productCode: 'kxx', productName: null, version: '1.0' }));
    expect(o.message).toContain('We cannot support kxx version 1.0: it is not in the list of supported software (rule 4.3.2).');
    expect(o.message).toContain(HOME_KB);
  });

  it('refuses a platform naming the failed requirement, without an offer', () => {
    const o = refusalOutcome(rules, platformRefused, ctx());
    expect(o).toMatchObject({ kind: 'refused', clauses: ['4.3.1'], offer: null });
    expect(o.message).toContain('RAM 1024 MB (minimum 2048 MB) does not meet the minimum system requirements (rule 4.3.1)');
    expect(o.message).not.toContain('This can be bought as');
  });

  it('points a business customer to the business self-service', () => {
    const o = refusalOutcome(rules, { ...versionRefused, segment: 'business' }, businessCtx);
    expect(o.message).toContain(BUSINESS_KB);
    expect(o.message).not.toContain(HOME_KB);
  });

  it('works on a real eligibility decision', () => {
    const decided = decideEligibility({
      product: { code: 'kav', name: 'Kaspersky Anti-Virus', segment: 'home', versions: [{ version: '20', supportedUntil: '2024-06-30' }], requirements: {} },
      productCode: 'kav',
      version: '20.0.14',
      licence: null,
      customerId: 'c-1',
      receivedAt: new Date('2025-01-01T00:00:00Z'),
    });
    expect(refusalOutcome(rules, decided, ctx()).message).toBe(refusalOutcome(rules, versionRefused, ctx()).message);
  });
});

describe('scopeUnderRules', () => {
  it('an included clause at or above the threshold is included', () => {
    expect(scopeUnderRules(rules, { clause: '4.1.1', confidence: 0.6 })).toBe('included');
    expect(scopeUnderRules(rules, { clause: '4.1.2a', confidence: 0.99 })).toBe('included');
  });

  it('an excluded clause is excluded', () => {
    expect(scopeUnderRules(rules, { clause: '4.2.7', confidence: 0.97 })).toBe('excluded');
  });

  it('a decline needs the decline threshold: between it and the confidence threshold the scope is unknown', () => {
    expect(rules.classification.declineThreshold).toBe(0.97);
    expect(scopeUnderRules(rules, { clause: '4.2.7', confidence: 0.95 })).toBe('unknown');
    expect(scopeUnderRules(rules, { clause: '4.1.1', confidence: 0.82 })).toBe('included');
  });

  it('a rare exclusion has a decline threshold of its own (the rules file names it), never below the confidence threshold', () => {
    expect(rules.classification.declineThresholds?.['4.2.11']).toBe(0.8);
    expect(scopeUnderRules(rules, { clause: '4.2.11', confidence: 0.8 })).toBe('excluded');
    expect(scopeUnderRules(rules, { clause: '4.2.11', confidence: 0.79 })).toBe('unknown');
    // the common exclusions keep the rule set's threshold
    expect(scopeUnderRules(rules, { clause: '4.2.7', confidence: 0.8 })).toBe('unknown');
    const low = variant((r) => (r.classification.declineThresholds = { '4.2.11': 0.2 }));
    expect(scopeUnderRules(low, { clause: '4.2.11', confidence: 0.5 })).toBe('unknown');
    expect(scopeUnderRules(low, { clause: '4.2.11', confidence: 0.6 })).toBe('excluded');
  });

  it('under its threshold, a decline is made when the model is sure the problem is out of scope at all and sure enough of the clause', () => {
    const sure = variant((r) => (r.classification.sureOutOfScope = { outOfScope: 0.985, confidence: 0.75 }));
    expect(scopeUnderRules(sure, { clause: '4.2.7', confidence: 0.8, outOfScope: 0.99 })).toBe('excluded');
    // it may be an included problem: a person decides
    expect(scopeUnderRules(sure, { clause: '4.2.7', confidence: 0.8, outOfScope: 0.98 })).toBe('unknown');
    // surely out of scope, but which exclusion is not sure enough to cite
    expect(scopeUnderRules(sure, { clause: '4.2.7', confidence: 0.7, outOfScope: 0.999 })).toBe('unknown');
    // the lexicon alone gives no such probability
    expect(scopeUnderRules(sure, { clause: '4.2.7', confidence: 0.8 })).toBe('unknown');
    const none = variant((r) => delete r.classification.sureOutOfScope);
    expect(scopeUnderRules(none, { clause: '4.2.7', confidence: 0.8, outOfScope: 0.999 })).toBe('unknown');
    // never under the confidence threshold
    const loose = variant((r) => (r.classification.sureOutOfScope = { outOfScope: 0.9, confidence: 0.3 }));
    expect(scopeUnderRules(loose, { clause: '4.2.7', confidence: 0.5, outOfScope: 1 })).toBe('unknown');
  });

  it('below the threshold the scope is unknown', () => {
    expect(scopeUnderRules(rules, { clause: '4.1.1', confidence: 0.59 })).toBe('unknown');
    expect(scopeUnderRules(rules, { clause: '4.2.7', confidence: 0.1 })).toBe('unknown');
  });

  it('follows the threshold of the rule set', () => {
    const strict = variant((r) => (r.classification.confidenceThreshold = 0.9));
    expect(scopeUnderRules(strict, { clause: '4.1.1', confidence: 0.8 })).toBe('unknown');
    expect(scopeUnderRules(strict, { clause: '4.1.1', confidence: 0.9 })).toBe('included');
  });

  it('refusal, caveat and term clauses, unknown clauses and no clause are not a scope', () => {
    expect(scopeUnderRules(rules, { clause: '4.3.2', confidence: 1 })).toBe('unknown');
    expect(scopeUnderRules(rules, { clause: '4.4.1', confidence: 1 })).toBe('unknown');
    expect(scopeUnderRules(rules, { clause: '2.3', confidence: 1 })).toBe('unknown');
    expect(scopeUnderRules(rules, { clause: '9.9.9', confidence: 1 })).toBe('unknown');
    expect(scopeUnderRules(rules, { clause: null, confidence: 1 })).toBe('unknown');
  });
});

describe('scopeOutcome', () => {
  const EXCLUDED: Array<[clause: string, offer: string | null]> = [
    ['4.2.1', null],
    ['4.2.2', null],
    ['4.2.3', null],
    ['4.2.4', null],
    ['4.2.5', 'professional-services'],
    ['4.2.6', null],
    ['4.2.7', null],
    ['4.2.8', null],
    ['4.2.9', null],
    ['4.2.10', 'professional-services'],
    ['4.2.11', null],
    ['4.2.12', 'professional-services'],
    ['4.2.13', null],
    ['4.2.14', 'incident-response'],
  ];

  it.each(EXCLUDED)('declines %s as out of scope (offer %s in LV)', (clause, offer) => {
    const { scope, outcome } = scopeOutcome(rules, supportedHome, { clause, confidence: 0.99 }, ctx());
    expect(scope).toBe('excluded');
    expect(outcome).not.toBeNull();
    expect(outcome!.kind).toBe('out-of-scope');
    expect(outcome!.clauses).toEqual([clause]);
    expect(outcome!.offer).toBe(offer);
    expect(outcome!.message).toContain(`“${rules.clauses[clause].title.en}”, which standard support does not include (rule ${clause}).`);
    expect(outcome!.message.includes('This can be bought as')).toBe(offer !== null);
    expect(outcome!.message).toContain(HOME_KB);
  });

  it('names the Professional Services offer', () => {
    const { outcome } = scopeOutcome(rules, supportedHome, { clause: '4.2.5', confidence: 0.99 }, ctx());
    expect(outcome!.message).toContain('This can be bought as Professional Services.');
  });

  it('offers Incident Response for 4.2.14 only in the countries that sell it', () => {
    const inDe = scopeOutcome(rules, supportedBusiness, { clause: '4.2.14', confidence: 0.99 }, { ...businessCtx, country: 'DE' }).outcome!;
    expect(inDe.offer).toBe('incident-response');
    expect(inDe.message).toContain('This can be bought as Incident Response.');
    const inBr = scopeOutcome(rules, supportedBusiness, { clause: '4.2.14', confidence: 0.99 }, { ...businessCtx, country: 'BR' }).outcome!;
    expect(inBr.kind).toBe('out-of-scope');
    expect(inBr.offer).toBeNull();
    expect(inBr.message).not.toContain('Incident Response');
    expect(inBr.message).toContain(BUSINESS_KB);
  });

  it("declines in the customer's language with the clause title in that language", () => {
    const lv = scopeOutcome(rules, supportedHome, { clause: '4.2.5', confidence: 0.99 }, ctx({ language: 'lv' })).outcome!;
    expect(lv.message).toContain('Jūsu pieprasījums attiecas uz “Tiešsaistes atbalsts un attālinātā atbalsta sesijas”');
    expect(lv.message).toContain('(noteikums 4.2.5)');
    expect(lv.message).toContain('“Profesionālie pakalpojumi”');
    const ru = scopeOutcome(rules, supportedHome, { clause: '4.2.11', confidence: 0.99 }, ctx({ language: 'ru' })).outcome!;
    expect(ru.message).toContain('Ваш запрос касается темы «Обучение работе с программой»');
    expect(ru.message).toContain('(правило 4.2.11)');
  });

  it('lets an included request of a supported customer go on', () => {
    expect(scopeOutcome(rules, supportedHome, { clause: '4.1.1', confidence: 0.99 }, ctx())).toEqual({ scope: 'included', outcome: null });
    expect(scopeOutcome(rules, supportedBusiness, { clause: '4.1.1', confidence: 0.99 }, businessCtx)).toEqual({ scope: 'included', outcome: null });
  });

  it('sends a low-confidence request on to people with no outcome, even for an excluded clause', () => {
    expect(scopeOutcome(rules, supportedHome, { clause: '4.2.5', confidence: 0.3 }, ctx())).toEqual({ scope: 'unknown', outcome: null });
    expect(scopeOutcome(rules, supportedHome, { clause: null, confidence: 0 }, ctx())).toEqual({ scope: 'unknown', outcome: null });
    expect(scopeOutcome(rules, limitedBusiness, { clause: '4.1.1', confidence: 0.3 }, businessCtx)).toEqual({ scope: 'unknown', outcome: null });
  });

  it.each(['4.1.1', '4.1.2a', '4.1.2b', '4.1.2c'])('limits an included %s request under an invalid business licence (2.4, 4.5b)', (clause) => {
    const { scope, outcome } = scopeOutcome(rules, limitedBusiness, { clause, confidence: 0.99 }, businessCtx);
    expect(scope).toBe('included');
    expect(outcome).toMatchObject({ kind: 'limited', clauses: ['4.5b', '2.4', clause], offer: null });
    expect(outcome!.message).toContain('(rules 2.4, 4.5b): the licence has expired.');
    expect(outcome!.message).toContain(BUSINESS_KB);
  });

  it("writes the limited message in the customer's language", () => {
    const { outcome } = scopeOutcome(rules, limitedBusiness, { clause: '4.1.1', confidence: 0.99 }, { ...businessCtx, language: 'lv' });
    expect(outcome!.message).toContain('(noteikumi 2.4, 4.5b)');
    expect(outcome!.message).toContain('Zināšanu bāze (biznesa produkti)');
  });

  it.each([
    ['lv', 'licences derīguma termiņš ir beidzies'],
    ['ru', 'срок действия лицензии истёк'],
    ['en', 'the licence has expired'],
  ])("names the licence problem in the customer's language too (%s)", (language, text) => {
    const expired = { ...limitedBusiness, licenceProblem: 'expired' as const };
    const { outcome } = scopeOutcome(rules, expired, { clause: '4.1.1', confidence: 0.99 }, { ...businessCtx, language });
    expect(outcome!.message).toContain(text);
    if (language !== 'en') expect(outcome!.message).not.toContain('the licence has expired');
  });

  it.each(['4.1.3', '4.1.4a', '4.1.4b', '4.1.4c'])('lets licence help and consultations (%s) go on under a limited licence', (clause) => {
    expect(scopeOutcome(rules, limitedBusiness, { clause, confidence: 0.99 }, businessCtx)).toEqual({ scope: 'included', outcome: null });
  });

  it('declines an excluded request under a limited licence as out of scope, not as limited', () => {
    const { scope, outcome } = scopeOutcome(rules, limitedBusiness, { clause: '4.2.12', confidence: 0.99 }, businessCtx);
    expect(scope).toBe('excluded');
    expect(outcome).toMatchObject({ kind: 'out-of-scope', clauses: ['4.2.12'], offer: 'professional-services' });
  });

  it('follows the rule set: a clause made included is no longer declined', () => {
    const trained = variant((r) => (r.clauses['4.2.11'].kind = 'included'));
    expect(scopeOutcome(trained, supportedHome, { clause: '4.2.11', confidence: 0.99 }, ctx())).toEqual({ scope: 'included', outcome: null });
  });
});
