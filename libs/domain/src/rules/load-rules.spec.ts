import { readFileSync } from 'fs';
import { join } from 'path';
import type { EligibilityResult } from '../eligibility';
import { type RequestContext, scopeOutcome } from '../outcome';
import { fillTemplate, loadRuleSet, replyLanguage, ruleSetInForce } from './load-rules';
import type { ClauseKind, RuleSet } from './rule-set';

const RULES_FILE = join(__dirname, '..', '..', '..', '..', 'config', 'rules', '2022-04-07.json');
const raw = (): Record<string, any> => JSON.parse(readFileSync(RULES_FILE, 'utf8'));
const shipped: RuleSet = loadRuleSet(raw(), RULES_FILE);

/** The shipped file with a change, as raw JSON (before validation). */
const broken = (change: (r: Record<string, any>) => void): Record<string, any> => {
  const r = raw();
  change(r);
  return r;
};
const problemsOf = (r: unknown): string => {
  try {
    loadRuleSet(r, 'test.json');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected loadRuleSet to throw');
};

describe('loadRuleSet: the shipped rules file', () => {
  it('loads, with its version and effective date', () => {
    expect(shipped.version).toBe('2022-04-07');
    expect(new Date(shipped.effectiveFrom).toISOString()).toBe('2022-04-07T00:00:00.000Z');
    expect(shipped.classification.confidenceThreshold).toBeGreaterThan(0);
    expect(shipped.splitting).toBe('split');
  });

  const EXPECTED: Record<string, ClauseKind> = {
    '2.1': 'term',
    '2.2': 'term',
    '2.3': 'term',
    '2.4': 'term',
    '4.1.1': 'included',
    '4.1.2a': 'included',
    '4.1.2b': 'included',
    '4.1.2c': 'included',
    '4.1.3': 'included',
    '4.1.4a': 'included',
    '4.1.4b': 'included',
    '4.1.4c': 'included',
    ...Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`4.2.${i + 1}`, 'excluded'])),
    '4.3.1': 'refusal',
    '4.3.2': 'refusal',
    ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`4.4.${i + 1}`, 'caveat'])),
    '4.5a': 'term',
    '4.5b': 'term',
    '[sla]': 'term',
    '[paid]': 'term',
    '[cooperation]': 'term',
    '[utilities]': 'term',
    '[feedback]': 'term',
    '7.1': 'term',
    '7.2': 'term',
  };

  it.each(Object.entries(EXPECTED))('has clause %s as %s, titled in every language', (id, kind) => {
    const clause = shipped.clauses[id];
    expect(clause).toBeDefined();
    expect(clause.kind).toBe(kind);
    for (const lang of ['en', 'lv', 'ru'] as const) expect(clause.title[lang]).toBeTruthy();
  });

  it('names the offers the rules text names: Professional Services for 4.2.5/4.2.10/4.2.12, Incident Response for 4.2.14, restoration for 4.3.2', () => {
    const withOffer = Object.fromEntries(
      Object.entries(shipped.clauses)
        .filter(([, c]) => c.offer)
        .map(([id, c]) => [id, c.offer]),
    );
    expect(withOffer).toEqual({
      '4.2.5': 'professional-services',
      '4.2.10': 'professional-services',
      '4.2.12': 'professional-services',
      '4.2.14': 'incident-response',
      '4.3.2': 'support-restoration',
    });
  });

  it('routes malware (4.1.2) to the "malware" skill, active malware (4.1.2b, 4.1.2c) at priority 2, the rest at 3', () => {
    const where = (key: 'skill' | 'priority') =>
      Object.fromEntries(
        Object.entries(shipped.clauses)
          .filter(([, c]) => c[key] !== undefined)
          .map(([id, c]) => [id, c[key]]),
      );
    expect(where('skill')).toEqual({ '4.1.2a': 'malware', '4.1.2b': 'malware', '4.1.2c': 'malware' });
    expect(where('priority')).toEqual({ '4.1.2b': 2, '4.1.2c': 2 });
    expect(shipped.routing).toEqual({ defaultPriority: 3, paidPlanStep: 1, paidPlanClause: '[sla]', triageSkill: 'triage' });
  });
});

describe('loadRuleSet: problems', () => {
  it('rejects what is not an object', () => {
    expect(() => loadRuleSet(null, 'x.json')).toThrow('x.json: not a JSON object');
    expect(() => loadRuleSet('rules', 'x.json')).toThrow('not a JSON object');
  });

  const CASES: Array<[string, (r: Record<string, any>) => void, string]> = [
    ['a missing version', (r) => delete r.version, 'version is missing'],
    ['an empty version', (r) => (r.version = ''), 'version is missing'],
    ['a missing effectiveFrom', (r) => delete r.effectiveFrom, 'effectiveFrom must be an ISO date'],
    ['a bad effectiveFrom', (r) => (r.effectiveFrom = 'next Tuesday'), 'effectiveFrom must be an ISO date'],
    ['a bad clause kind', (r) => (r.clauses['4.2.11'].kind = 'maybe'), 'clause 4.2.11: kind must be one of included, excluded, refusal, caveat, term'],
    ['an unknown offer on a clause', (r) => (r.clauses['4.2.5'].offer = 'free-lunch'), 'clause 4.2.5: unknown offer free-lunch'],
    ['a missing clause title', (r) => delete r.clauses['4.1.1'].title.ru, 'clause 4.1.1: title.ru is missing'],
    ['no clauses', (r) => (r.clauses = {}), 'clauses are missing'],
    ['an offer without countries', (r) => delete r.offers['incident-response'].countries, 'offers.incident-response.countries is missing'],
    ['a missing offer', (r) => delete r.offers['premium-support'], 'offers.premium-support.countries is missing'],
    ['an offer name missing a language', (r) => delete r.offers['professional-services'].name.lv, 'offers.professional-services.name.lv is missing'],
    ['a missing self-service language', (r) => delete r.selfService.business.lv, 'selfService.business.lv is missing'],
    ['a missing message', (r) => delete r.messages.ru['out-of-scope'], 'messages.ru.out-of-scope is missing'],
    ['a missing message language', (r) => delete r.messages.lv, 'messages.lv.refused.version is missing'],
    ['a threshold above 1', (r) => (r.classification.confidenceThreshold = 1.5), 'classification.confidenceThreshold must be 0..1'],
    ['a negative threshold', (r) => (r.classification.confidenceThreshold = -0.1), 'classification.confidenceThreshold must be 0..1'],
    ['a threshold that is not a number', (r) => (r.classification.confidenceThreshold = '0.6'), 'classification.confidenceThreshold must be 0..1'],
    ['a missing classification', (r) => delete r.classification, 'classification.confidenceThreshold must be 0..1'],
    ['a clause decline threshold above 1', (r) => (r.classification.declineThresholds = { '4.2.11': 1.2 }), 'classification.declineThresholds.4.2.11 must be 0..1'],
    ['a clause decline threshold for a clause not in the file', (r) => (r.classification.declineThresholds = { '4.2.99': 0.7 }), 'classification.declineThresholds.4.2.99: not a clause of this file'],
    [
      'a sure-out-of-scope rule without its confidence',
      (r) => (r.classification.sureOutOfScope = { outOfScope: 0.99 }),
      'classification.sureOutOfScope must be { outOfScope: 0..1, confidence: 0..1 }',
    ],
    [
      'a sure-out-of-scope rule above 1',
      (r) => (r.classification.sureOutOfScope = { outOfScope: 1.5, confidence: 0.8 }),
      'classification.sureOutOfScope must be { outOfScope: 0..1, confidence: 0..1 }',
    ],
    ['bad splitting', (r) => (r.splitting = 'sometimes'), 'splitting must be split, ask or off'],
    ['a clause priority out of range', (r) => (r.clauses['4.1.2b'].priority = 0), 'clause 4.1.2b: priority must be an integer 1..3'],
    ['a fractional clause priority', (r) => (r.clauses['4.1.1'].priority = 2.5), 'clause 4.1.1: priority must be an integer 1..3'],
    ['a clause priority that is not a number', (r) => (r.clauses['4.1.2c'].priority = 'high'), 'clause 4.1.2c: priority must be an integer 1..3'],
    ['a bad clause skill', (r) => (r.clauses['4.1.2a'].skill = 'Malware!'), "clause 4.1.2a: skill must be a short lowercase word, like a team's skill"],
    ['an empty clause skill', (r) => (r.clauses['4.1.1'].skill = ''), "clause 4.1.1: skill must be a short lowercase word, like a team's skill"],
    ['a clause asking for the triage skill', (r) => (r.clauses['4.1.3'].skill = 'triage'), 'clause 4.1.3: skill must not be the triage skill triage'],
    ['a missing routing', (r) => delete r.routing, 'routing.defaultPriority must be an integer 1..3'],
    ['a default priority out of range', (r) => (r.routing.defaultPriority = 4), 'routing.defaultPriority must be an integer 1..3'],
    ['a negative paid-plan step', (r) => (r.routing.paidPlanStep = -1), 'routing.paidPlanStep must be an integer 0..2'],
    ['a paid-plan step beyond the levels', (r) => (r.routing.paidPlanStep = 3), 'routing.paidPlanStep must be an integer 0..2'],
    ['a paid-plan clause not in the file', (r) => (r.routing.paidPlanClause = '[vip]'), 'routing.paidPlanClause must be a clause id of this file, got "[vip]"'],
    ['a missing paid-plan clause', (r) => delete r.routing.paidPlanClause, 'routing.paidPlanClause must be a clause id of this file, got undefined'],
    ['a bad triage skill', (r) => (r.routing.triageSkill = ''), "routing.triageSkill must be a short lowercase word, like a team's skill"],
  ];

  it.each(CASES)('reports %s', (_name, change, problem) => {
    const message = problemsOf(broken(change));
    expect(message).toContain(problem);
    expect(message.startsWith('test.json (version ')).toBe(true);
  });

  it('accepts the thresholds 0 and 1 and every splitting mode', () => {
    for (const t of [0, 1]) expect(loadRuleSet(broken((r) => (r.classification.confidenceThreshold = t))).classification.confidenceThreshold).toBe(t);
    for (const mode of ['split', 'ask', 'off']) expect(loadRuleSet(broken((r) => (r.splitting = mode))).splitting).toBe(mode);
  });

  it('accepts every priority level, a paid-plan step of 0 and a new skill', () => {
    for (const p of [1, 2, 3]) expect(loadRuleSet(broken((r) => (r.clauses['4.1.1'].priority = p))).clauses['4.1.1'].priority).toBe(p);
    expect(loadRuleSet(broken((r) => (r.routing.paidPlanStep = 0))).routing.paidPlanStep).toBe(0);
    expect(loadRuleSet(broken((r) => (r.clauses['4.1.3'].skill = 'licensing'))).clauses['4.1.3'].skill).toBe('licensing');
  });

  it('reports every problem in one error, naming the file and version', () => {
    const message = problemsOf(
      broken((r) => {
        r.version = '2027-01-01';
        r.effectiveFrom = 'soon';
        r.clauses['4.2.11'].kind = 'maybe';
        r.clauses['4.2.5'].offer = 'free-lunch';
        delete r.selfService.home.ru;
        r.classification.confidenceThreshold = 2;
        r.splitting = 'yes';
      }),
    );
    expect(message.startsWith('test.json (version 2027-01-01): ')).toBe(true);
    for (const problem of [
      'effectiveFrom must be an ISO date',
      'clause 4.2.11: kind must be one of',
      'clause 4.2.5: unknown offer free-lunch',
      'selfService.home.ru is missing',
      'classification.confidenceThreshold must be 0..1',
      'splitting must be split, ask or off',
    ]) {
      expect(message).toContain(problem);
    }
    expect(message.split('; ')).toHaveLength(6);
  });

  it('shows "?" when the version itself is missing', () => {
    expect(problemsOf(broken((r) => delete r.version))).toContain('test.json (version ?): version is missing');
  });
});

describe('ruleSetInForce and the versioning rule', () => {
  /** A later version: training (4.2.11) becomes included, the threshold rises, Incident Response is sold everywhere. */
  const v2027: RuleSet = loadRuleSet(
    broken((r) => {
      r.version = '2027-01-01';
      r.effectiveFrom = '2027-01-01T00:00:00Z';
      r.clauses['4.2.11'].kind = 'included';
      r.classification.confidenceThreshold = 0.8;
      r.offers['incident-response'].countries = ['*'];
    }),
    'v2027.json',
  );
  const versions = [v2027, shipped];

  it('picks the version whose effective date is the latest not after receipt, whatever the order', () => {
    expect(ruleSetInForce(versions, new Date('2026-12-31T23:59:59.999Z')).version).toBe('2022-04-07');
    expect(ruleSetInForce(versions, new Date('2027-01-01T00:00:00Z')).version).toBe('2027-01-01');
    expect(ruleSetInForce([shipped, v2027], new Date('2030-01-01T00:00:00Z')).version).toBe('2027-01-01');
    expect(ruleSetInForce([shipped], new Date('2030-01-01T00:00:00Z')).version).toBe('2022-04-07');
  });

  it('applies a version from its effective instant on', () => {
    expect(ruleSetInForce(versions, new Date('2022-04-07T00:00:00Z')).version).toBe('2022-04-07');
  });

  it('throws for a request received before the first version', () => {
    expect(() => ruleSetInForce(versions, new Date('2022-04-06T23:59:59Z'))).toThrow('no rules version is in force at 2022-04-06T23:59:59.000Z');
    expect(() => ruleSetInForce([], new Date())).toThrow('no rules version is in force');
  });

  const supported: EligibilityResult = {
    decision: 'supported',
    segment: 'business',
    clauses: ['4.5b', '2.4'],
    reason: 'a valid business licence is registered',
    messageKey: null,
    offer: null,
    failedRequirement: null,
    supportPlan: null,
  };
  const ctx: RequestContext = { country: 'BR', language: 'en', segment: 'business', productCode: 'kesb', productName: 'KESB', version: '12' };
  const decide = (receivedAt: string, clause: string, confidence: number) => scopeOutcome(ruleSetInForce(versions, new Date(receivedAt)), supported, { clause, confidence }, ctx);

  it('a new version changes the decision on training (4.2.11) only for requests received after its date', () => {
    const before = decide('2026-12-31T12:00:00Z', '4.2.11', 0.99);
    expect(before.scope).toBe('excluded');
    expect(before.outcome).toMatchObject({ kind: 'out-of-scope', clauses: ['4.2.11'] });
    const after = decide('2027-01-02T12:00:00Z', '4.2.11', 0.99);
    expect(after).toEqual({ scope: 'included', outcome: null });
    // its own decline threshold (0.8) applied while it was excluded; included, the confidence threshold (0.8 then) decides
    expect(decide('2026-12-31T12:00:00Z', '4.2.11', 0.8).scope).toBe('excluded');
    expect(decide('2026-12-31T12:00:00Z', '4.2.11', 0.75).scope).toBe('unknown');
    expect(decide('2027-01-02T12:00:00Z', '4.2.11', 0.75).scope).toBe('unknown');
    expect(decide('2027-01-02T12:00:00Z', '4.2.11', 0.85).scope).toBe('included');
  });

  it('a new version changes the confidence threshold only for requests received after its date', () => {
    expect(decide('2026-06-01T00:00:00Z', '4.1.1', 0.7).scope).toBe('included');
    expect(decide('2027-06-01T00:00:00Z', '4.1.1', 0.7).scope).toBe('unknown');
  });

  it('a new version changes where an offer is made only for requests received after its date', () => {
    expect(decide('2026-06-01T00:00:00Z', '4.2.14', 0.99).outcome?.offer).toBeNull();
    expect(decide('2027-06-01T00:00:00Z', '4.2.14', 0.99).outcome?.offer).toBe('incident-response');
  });

  it('loading a new version does not change the shipped one', () => {
    expect(shipped.clauses['4.2.11'].kind).toBe('excluded');
    expect(shipped.classification.confidenceThreshold).toBe(0.6);
  });
});

describe('fillTemplate', () => {
  it('fills every placeholder, repeatedly', () => {
    expect(fillTemplate('{a} and {b} and {a}', { a: '1', b: '2' })).toBe('1 and 2 and 1');
  });

  it('leaves unknown placeholders visible', () => {
    expect(fillTemplate('rule {clause}: {title}', { clause: '4.2.5' })).toBe('rule 4.2.5: {title}');
  });

  it('inserts an empty value as empty, and values literally', () => {
    expect(fillTemplate('[{requirement}]', { requirement: '' })).toBe('[]');
    expect(fillTemplate('{x}', { x: '$& {y}', y: 'no' })).toBe('$& {y}');
  });

  it('leaves text without placeholders alone', () => {
    expect(fillTemplate('Plain “text”.', { a: '1' })).toBe('Plain “text”.');
  });
});

describe('replyLanguage', () => {
  it('keeps a language the rules have texts in', () => {
    expect(replyLanguage('en')).toBe('en');
    expect(replyLanguage('lv')).toBe('lv');
    expect(replyLanguage('ru')).toBe('ru');
  });

  it('falls back to English otherwise', () => {
    expect(replyLanguage('de')).toBe('en');
    expect(replyLanguage('')).toBe('en');
    expect(replyLanguage(null)).toBe('en');
    expect(replyLanguage(undefined)).toBe('en');
  });
});
