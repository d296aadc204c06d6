import { queuePriority, chooseTeam, priorityFor, type RoutingInput } from './choose-team';
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadRuleSet, type RuleSet } from '../rules';
import { DEMO_TEAMS, team } from '../testing/demo-catalogue';

const RULES_FILE = join(__dirname, '..', '..', '..', '..', 'config', 'rules', '2022-04-07.json');
const raw = (): Record<string, any> => JSON.parse(readFileSync(RULES_FILE, 'utf8'));
const rules: RuleSet = loadRuleSet(raw(), RULES_FILE);

const TEAMS = DEMO_TEAMS;

const input = (over: Partial<RoutingInput> = {}): RoutingInput => ({
  segment: 'home',
  country: 'LV',
  language: 'lv',
  clause: '4.1.1',
  scope: 'included',
  ...over,
});

describe('chooseTeam: segment × country × language (2.2)', () => {
  it('routes a Latvian home request to the Latvian home team', () => {
    expect(chooseTeam(rules, TEAMS, input())).toEqual({ teamId: 'home-lv', reason: 'home team for LV, speaks lv', fallback: false, clauses: ['2.2'] });
  });

  it('routes a business request to a business team, never a home team', () => {
    expect(chooseTeam(rules, TEAMS, input({ segment: 'business' }))?.teamId).toBe('business-baltics');
    expect(chooseTeam(rules, TEAMS, input({ segment: 'business', country: 'DE', language: 'de' }))?.teamId).toBe('business-intl');
  });

  it('a team listing the country beats a "*" team, even one speaking the language', () => {
    const teams = [team('a-any', 'home', ['*'], ['en']), team('b-lt', 'home', ['LT'], ['lt'])];
    expect(chooseTeam(rules, teams, input({ country: 'LT', language: 'en' }))?.teamId).toBe('b-lt');
  });

  it('a "*" team covers a country no one lists', () => {
    expect(chooseTeam(rules, TEAMS, input({ country: 'DE', language: 'de' }))).toEqual({ teamId: 'home-intl', reason: 'home team for DE', fallback: false, clauses: ['2.2'] });
  });

  it('prefers, among teams of the country, one that speaks the language', () => {
    const teams = [team('a-lv-en', 'home', ['LV'], ['en']), team('b-lv-ru', 'home', ['LV'], ['ru'])];
    expect(chooseTeam(rules, teams, input({ language: 'ru' }))).toEqual({ teamId: 'b-lv-ru', reason: 'home team for LV, speaks ru', fallback: false, clauses: ['2.2'] });
    expect(chooseTeam(rules, teams, input({ language: 'en' }))?.teamId).toBe('a-lv-en');
  });

  it('without a language, ties are broken by team id', () => {
    const teams = [team('b-lv', 'home', ['LV'], ['ru']), team('a-lv', 'home', ['LV'], ['en'])];
    expect(chooseTeam(rules, teams, input({ language: null }))).toEqual({ teamId: 'a-lv', reason: 'home team for LV', fallback: false, clauses: ['2.2'] });
  });

  it('does not route a known-scope request to a triage team', () => {
    const teams = [team('a-triage-lv', 'home', ['LV'], ['lv'], ['triage']), team('b-any', 'home', ['*'], ['en'])];
    expect(chooseTeam(rules, teams, input())?.teamId).toBe('b-any');
  });
});

describe('chooseTeam: skills', () => {
  it.each(['4.1.2a', '4.1.2b', '4.1.2c'])('sends a malware request (%s) to the malware team of the country', (clause) => {
    expect(chooseTeam(rules, TEAMS, input({ clause }))).toEqual({ teamId: 'home-malware', reason: 'home team for LV, speaks lv, malware skill', fallback: false, clauses: ['2.2', clause] });
  });

  it('does not send other requests to the malware team', () => {
    expect(chooseTeam(rules, TEAMS, input({ clause: '4.1.4a' }))?.teamId).toBe('home-lv');
    expect(chooseTeam(rules, TEAMS, input({ clause: null }))?.teamId).toBe('home-lv');
  });

  it('the country comes before the malware skill', () => {
    expect(chooseTeam(rules, TEAMS, input({ clause: '4.1.2b', country: 'DE', language: 'en' }))?.teamId).toBe('home-intl');
  });

  it('cites the clause only when the team was chosen for its skill', () => {
    expect(chooseTeam(rules, TEAMS, input({ clause: '4.1.2b', country: 'DE', language: 'en' }))?.clauses).toEqual(['2.2']);
    expect(chooseTeam(rules, TEAMS, input({ clause: '4.1.2b' }))?.clauses).toEqual(['2.2', '4.1.2b']);
  });

  it('the language comes before the malware skill', () => {
    const teams = [team('a-malware', 'home', ['LV'], ['lv'], ['malware']), team('b-lv-ru', 'home', ['LV'], ['ru'])];
    expect(chooseTeam(rules, teams, input({ clause: '4.1.2c', language: 'ru' }))?.teamId).toBe('b-lv-ru');
    expect(chooseTeam(rules, teams, input({ clause: '4.1.2c', language: 'lv' }))?.teamId).toBe('a-malware');
  });
});

describe('chooseTeam: unknown scope goes to human triage', () => {
  it('routes to the triage team of the segment', () => {
    expect(chooseTeam(rules, TEAMS, input({ scope: 'unknown', clause: null }))).toEqual({ teamId: 'home-triage', reason: 'scope unknown: human triage', fallback: false, clauses: ['2.2'] });
    expect(chooseTeam(rules, TEAMS, input({ scope: 'unknown', segment: 'business' }))?.teamId).toBe('business-triage');
  });

  it('prefers a triage team that lists the country', () => {
    const teams = [team('a-triage', 'home', ['*'], ['en'], ['triage']), team('b-triage-lv', 'home', ['LV'], ['lv'], ['triage'])];
    expect(chooseTeam(rules, teams, input({ scope: 'unknown' }))?.teamId).toBe('b-triage-lv');
    expect(chooseTeam(rules, teams, input({ scope: 'unknown', country: 'DE' }))?.teamId).toBe('a-triage');
  });

  it('does not pick a triage team that does not cover the country over one that does', () => {
    const teams = [team('a-triage-ee', 'home', ['EE'], ['et'], ['triage']), team('z-triage', 'home', ['*'], ['en'], ['triage'])];
    expect(chooseTeam(rules, teams, input({ scope: 'unknown' }))).toEqual({ teamId: 'z-triage', reason: 'scope unknown: human triage', fallback: false, clauses: ['2.2'] });
  });

  it('marks it a fallback when no triage team covers the country', () => {
    const teams = [team('a-triage-ee', 'home', ['EE'], ['et'], ['triage']), team('home-lv', 'home', ['LV'], ['lv'])];
    expect(chooseTeam(rules, teams, input({ scope: 'unknown' }))).toEqual({
      teamId: 'a-triage-ee',
      reason: 'scope unknown: human triage, no triage team covers LV',
      fallback: true,
      clauses: ['2.2'],
    });
  });

  it('without a triage team, an unknown-scope request goes to the ordinary team', () => {
    const teams = [team('home-lv', 'home', ['LV'], ['lv'])];
    expect(chooseTeam(rules, teams, input({ scope: 'unknown' }))).toEqual({ teamId: 'home-lv', reason: 'home team for LV, speaks lv', fallback: false, clauses: ['2.2'] });
  });
});

describe('chooseTeam: fallback when no team covers the country', () => {
  const baltic = [team('home-lv', 'home', ['LV'], ['lv']), team('home-triage', 'home', ['EE'], ['en'], ['triage']), team('business-baltics', 'business', ['LV'], ['lv'])];

  it('falls back to the triage team of the segment', () => {
    expect(chooseTeam(rules, baltic, input({ country: 'DE', language: 'de' }))).toEqual({
      teamId: 'home-triage',
      reason: 'no home team covers DE: fallback',
      fallback: true,
      clauses: ['2.2'],
    });
  });

  it('falls back to a "*" triage team when no ordinary team covers the country', () => {
    const teams = [team('home-lv', 'home', ['LV'], ['lv']), team('home-triage', 'home', ['*'], ['en'], ['triage'])];
    expect(chooseTeam(rules, teams, input({ country: 'DE' }))).toMatchObject({ teamId: 'home-triage', fallback: true });
  });

  it('falls back to any team of the segment when there is no triage team', () => {
    expect(chooseTeam(rules, baltic, input({ segment: 'business', country: 'DE', language: 'de' }))).toEqual({
      teamId: 'business-baltics',
      reason: 'no business team covers DE: fallback',
      fallback: true,
      clauses: ['2.2'],
    });
  });

  it('returns null when the segment has no team at all', () => {
    expect(
      chooseTeam(
        rules,
        baltic.filter((t) => t.segment === 'home'),
        input({ segment: 'business' }),
      ),
    ).toBeNull();
    expect(chooseTeam(rules, [], input())).toBeNull();
    expect(chooseTeam(rules, [], input({ scope: 'unknown' }))).toBeNull();
  });
});

describe('priorityFor', () => {
  it('is 3 for an ordinary request', () => {
    expect(priorityFor(rules, '4.1.1', null).priority).toBe(3);
    expect(priorityFor(rules, '4.1.2a', null).priority).toBe(3);
    expect(priorityFor(rules, null, null).priority).toBe(3);
  });

  it('is 2 for active malware problems (4.1.2b, 4.1.2c)', () => {
    expect(priorityFor(rules, '4.1.2b', null).priority).toBe(2);
    expect(priorityFor(rules, '4.1.2c', null).priority).toBe(2);
  });

  it('a paid plan moves a request one step ahead, never beyond 1', () => {
    expect(priorityFor(rules, '4.1.1', 'premium').priority).toBe(2);
    expect(priorityFor(rules, null, 'premium').priority).toBe(2);
    expect(priorityFor(rules, '4.1.2b', 'premium').priority).toBe(1);
    expect(priorityFor(rules, '4.1.2c', 'home-plus').priority).toBe(1);
  });

  it('says what set the level, citing the clause and, when the plan raised it, [sla]', () => {
    expect(priorityFor(rules, '4.1.1', null)).toEqual({ priority: 3, reason: 'default priority 3', clauses: [] });
    expect(priorityFor(rules, '4.1.2b', null)).toEqual({ priority: 2, reason: 'priority 2 for 4.1.2b', clauses: ['4.1.2b'] });
    expect(priorityFor(rules, '4.1.2b', 'premium')).toEqual({ priority: 1, reason: 'priority 2 for 4.1.2b, raised to 1 by the paid plan premium', clauses: ['4.1.2b', '[sla]'] });
    expect(priorityFor(rules, null, 'premium')).toEqual({ priority: 2, reason: 'default priority 3, raised to 2 by the paid plan premium', clauses: ['[sla]'] });
  });

  it('does not cite the plan when the level is already the highest', () => {
    const top = loadRuleSet({ ...raw(), routing: { ...raw().routing, defaultPriority: 1 } });
    expect(priorityFor(top, '4.1.1', 'premium')).toEqual({ priority: 1, reason: 'default priority 1', clauses: [] });
  });

  it('gives a clause the rules do not know the default priority', () => {
    expect(priorityFor(rules, '9.9', 'premium')).toEqual({ priority: 2, reason: 'default priority 3, raised to 2 by the paid plan premium', clauses: ['[sla]'] });
  });
});

describe('a new rules version routes differently, with no code change', () => {
  /** 2027: lost licences (4.1.3) go first to a "licensing" team, false positives (4.1.2a) to anyone, everything else at 2, no paid-plan step, triage is "dispatch". */
  const v2027: RuleSet = loadRuleSet(
    (() => {
      const r = raw();
      r.version = '2027-01-01';
      r.effectiveFrom = '2027-01-01T00:00:00Z';
      r.clauses['4.1.3'].skill = 'licensing';
      r.clauses['4.1.3'].priority = 1;
      delete r.clauses['4.1.2a'].skill;
      r.clauses['4.1.2b'].priority = 3;
      r.routing = { defaultPriority: 2, paidPlanStep: 0, paidPlanClause: '[paid]', triageSkill: 'dispatch' };
      return r;
    })(),
    'v2027.json',
  );
  const teams = [...DEMO_TEAMS, team('lv-licensing', 'home', ['LV'], ['lv'], ['licensing']), team('home-dispatch', 'home', ['*'], ['en', 'lv'], ['dispatch'])];

  it('sends a clause to the team with the skill the version gives it', () => {
    expect(chooseTeam(rules, teams, input({ clause: '4.1.3' }))?.teamId).toBe('home-lv');
    expect(chooseTeam(v2027, teams, input({ clause: '4.1.3' }))).toEqual({
      teamId: 'lv-licensing',
      reason: 'home team for LV, speaks lv, licensing skill',
      fallback: false,
      clauses: ['2.2', '4.1.3'],
    });
  });

  it('no longer sends a clause to a skill the version takes away', () => {
    expect(chooseTeam(rules, DEMO_TEAMS, input({ clause: '4.1.2a' }))?.teamId).toBe('home-malware');
    expect(chooseTeam(v2027, DEMO_TEAMS, input({ clause: '4.1.2a' }))).toEqual({ teamId: 'home-lv', reason: 'home team for LV, speaks lv', fallback: false, clauses: ['2.2'] });
  });

  it('routes a clause the version adds to the team with its skill, at its priority', () => {
    const r = raw();
    r.version = '2027-06-01';
    r.clauses['4.1.5'] = {
      kind: 'included',
      skill: 'activation',
      priority: 2,
      title: { en: 'Activation problems', lv: 'Aktivizācijas problēmas', ru: 'Проблемы с активацией', et: 'Aktiveerimise probleemid', lt: 'Aktyvinimo problemos' },
    };
    const v = loadRuleSet(r, 'v.json');
    const withActivation = [...DEMO_TEAMS, team('lv-activation', 'home', ['LV'], ['lv'], ['activation'])];
    expect(chooseTeam(v, withActivation, input({ clause: '4.1.5' }))).toMatchObject({ teamId: 'lv-activation', clauses: ['2.2', '4.1.5'] });
    expect(priorityFor(v, '4.1.5', null)).toEqual({ priority: 2, reason: 'priority 2 for 4.1.5', clauses: ['4.1.5'] });
  });

  it("sends unknown scope to the teams with the version's triage skill", () => {
    expect(chooseTeam(rules, teams, input({ scope: 'unknown', clause: null }))?.teamId).toBe('home-triage');
    expect(chooseTeam(v2027, teams, input({ scope: 'unknown', clause: null }))?.teamId).toBe('home-dispatch');
  });

  it('sets priorities from the version: its clause levels, its default, its paid-plan step', () => {
    expect(priorityFor(rules, '4.1.3', null).priority).toBe(3);
    expect(priorityFor(v2027, '4.1.3', null)).toEqual({ priority: 1, reason: 'priority 1 for 4.1.3', clauses: ['4.1.3'] });
    expect(priorityFor(rules, '4.1.2b', null).priority).toBe(2);
    expect(priorityFor(v2027, '4.1.2b', null).priority).toBe(3);
    expect(priorityFor(rules, '4.1.1', 'premium').priority).toBe(2);
    expect(priorityFor(v2027, '4.1.1', 'premium')).toEqual({ priority: 2, reason: 'default priority 2', clauses: [] });
  });
});

describe('queuePriority', () => {
  const at = (iso: string) => new Date(iso);

  it('orders by level first, whatever the deadlines', () => {
    expect(queuePriority(1, null)).toBeLessThan(queuePriority(2, at('2026-01-01T00:00:00Z')));
    expect(queuePriority(2, null)).toBeLessThan(queuePriority(3, at('2026-01-01T00:00:00Z')));
  });

  it('orders by the earliest deadline within a level, and puts requests without one last', () => {
    expect(queuePriority(2, at('2026-11-25T10:00:00Z'))).toBeLessThan(queuePriority(2, at('2026-11-25T11:00:00Z')));
    expect(queuePriority(2, at('2030-01-01T00:00:00Z'))).toBeLessThan(queuePriority(2, null));
  });

  it('stays within the range BullMQ accepts', () => {
    for (const level of [0, 1, 2, 3, 9]) {
      for (const deadline of [null, at('2000-01-01T00:00:00Z'), at('2099-01-01T00:00:00Z')]) {
        const p = queuePriority(level, deadline);
        expect(p).toBeGreaterThanOrEqual(1);
        expect(p).toBeLessThanOrEqual(2_097_152);
      }
    }
  });
});
