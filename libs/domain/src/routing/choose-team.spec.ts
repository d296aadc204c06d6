import { queuePriority, chooseTeam, priorityFor, type RoutingInput } from './choose-team';
import { DEMO_TEAMS, team } from '../testing/demo-catalogue';

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
    expect(chooseTeam(TEAMS, input())).toEqual({ teamId: 'home-lv', reason: 'home team for LV, speaks lv', fallback: false });
  });

  it('routes a business request to a business team, never a home team', () => {
    expect(chooseTeam(TEAMS, input({ segment: 'business' }))?.teamId).toBe('business-baltics');
    expect(chooseTeam(TEAMS, input({ segment: 'business', country: 'DE', language: 'de' }))?.teamId).toBe('business-intl');
  });

  it('a team listing the country beats a "*" team, even one speaking the language', () => {
    const teams = [team('a-any', 'home', ['*'], ['en']), team('b-lt', 'home', ['LT'], ['lt'])];
    expect(chooseTeam(teams, input({ country: 'LT', language: 'en' }))?.teamId).toBe('b-lt');
  });

  it('a "*" team covers a country no one lists', () => {
    expect(chooseTeam(TEAMS, input({ country: 'DE', language: 'de' }))).toEqual({ teamId: 'home-intl', reason: 'home team for DE', fallback: false });
  });

  it('prefers, among teams of the country, one that speaks the language', () => {
    const teams = [team('a-lv-en', 'home', ['LV'], ['en']), team('b-lv-ru', 'home', ['LV'], ['ru'])];
    expect(chooseTeam(teams, input({ language: 'ru' }))).toEqual({ teamId: 'b-lv-ru', reason: 'home team for LV, speaks ru', fallback: false });
    expect(chooseTeam(teams, input({ language: 'en' }))?.teamId).toBe('a-lv-en');
  });

  it('without a language, ties are broken by team id', () => {
    const teams = [team('b-lv', 'home', ['LV'], ['ru']), team('a-lv', 'home', ['LV'], ['en'])];
    expect(chooseTeam(teams, input({ language: null }))).toEqual({ teamId: 'a-lv', reason: 'home team for LV', fallback: false });
  });

  it('does not route a known-scope request to a triage team', () => {
    const teams = [team('a-triage-lv', 'home', ['LV'], ['lv'], ['triage']), team('b-any', 'home', ['*'], ['en'])];
    expect(chooseTeam(teams, input())?.teamId).toBe('b-any');
  });
});

describe('chooseTeam: skills', () => {
  it.each(['4.1.2a', '4.1.2b', '4.1.2c'])('sends a malware request (%s) to the malware team of the country', (clause) => {
    expect(chooseTeam(TEAMS, input({ clause }))).toEqual({ teamId: 'home-malware', reason: 'home team for LV, speaks lv, malware skill', fallback: false });
  });

  it('does not send other requests to the malware team', () => {
    expect(chooseTeam(TEAMS, input({ clause: '4.1.4a' }))?.teamId).toBe('home-lv');
    expect(chooseTeam(TEAMS, input({ clause: null }))?.teamId).toBe('home-lv');
  });

  it('the country comes before the malware skill', () => {
    expect(chooseTeam(TEAMS, input({ clause: '4.1.2b', country: 'DE', language: 'en' }))?.teamId).toBe('home-intl');
  });

  it('the language comes before the malware skill', () => {
    const teams = [team('a-malware', 'home', ['LV'], ['lv'], ['malware']), team('b-lv-ru', 'home', ['LV'], ['ru'])];
    expect(chooseTeam(teams, input({ clause: '4.1.2c', language: 'ru' }))?.teamId).toBe('b-lv-ru');
    expect(chooseTeam(teams, input({ clause: '4.1.2c', language: 'lv' }))?.teamId).toBe('a-malware');
  });
});

describe('chooseTeam: unknown scope goes to human triage', () => {
  it('routes to the triage team of the segment', () => {
    expect(chooseTeam(TEAMS, input({ scope: 'unknown', clause: null }))).toEqual({ teamId: 'home-triage', reason: 'scope unknown: human triage', fallback: false });
    expect(chooseTeam(TEAMS, input({ scope: 'unknown', segment: 'business' }))?.teamId).toBe('business-triage');
  });

  it('prefers a triage team that lists the country', () => {
    const teams = [team('a-triage', 'home', ['*'], ['en'], ['triage']), team('b-triage-lv', 'home', ['LV'], ['lv'], ['triage'])];
    expect(chooseTeam(teams, input({ scope: 'unknown' }))?.teamId).toBe('b-triage-lv');
    expect(chooseTeam(teams, input({ scope: 'unknown', country: 'DE' }))?.teamId).toBe('a-triage');
  });

  it('does not pick a triage team that does not cover the country over one that does', () => {
    const teams = [team('a-triage-ee', 'home', ['EE'], ['et'], ['triage']), team('z-triage', 'home', ['*'], ['en'], ['triage'])];
    expect(chooseTeam(teams, input({ scope: 'unknown' }))).toEqual({ teamId: 'z-triage', reason: 'scope unknown: human triage', fallback: false });
  });

  it('marks it a fallback when no triage team covers the country', () => {
    const teams = [team('a-triage-ee', 'home', ['EE'], ['et'], ['triage']), team('home-lv', 'home', ['LV'], ['lv'])];
    expect(chooseTeam(teams, input({ scope: 'unknown' }))).toEqual({
      teamId: 'a-triage-ee',
      reason: 'scope unknown: human triage, no triage team covers LV',
      fallback: true,
    });
  });

  it('without a triage team, an unknown-scope request goes to the ordinary team', () => {
    const teams = [team('home-lv', 'home', ['LV'], ['lv'])];
    expect(chooseTeam(teams, input({ scope: 'unknown' }))).toEqual({ teamId: 'home-lv', reason: 'home team for LV, speaks lv', fallback: false });
  });
});

describe('chooseTeam: fallback when no team covers the country', () => {
  const baltic = [
    team('home-lv', 'home', ['LV'], ['lv']),
    team('home-triage', 'home', ['EE'], ['en'], ['triage']),
    team('business-baltics', 'business', ['LV'], ['lv']),
  ];

  it('falls back to the triage team of the segment', () => {
    expect(chooseTeam(baltic, input({ country: 'DE', language: 'de' }))).toEqual({
      teamId: 'home-triage',
      reason: 'no home team covers DE: fallback',
      fallback: true,
    });
  });

  it('falls back to a "*" triage team when no ordinary team covers the country', () => {
    const teams = [team('home-lv', 'home', ['LV'], ['lv']), team('home-triage', 'home', ['*'], ['en'], ['triage'])];
    expect(chooseTeam(teams, input({ country: 'DE' }))).toMatchObject({ teamId: 'home-triage', fallback: true });
  });

  it('falls back to any team of the segment when there is no triage team', () => {
    expect(chooseTeam(baltic, input({ segment: 'business', country: 'DE', language: 'de' }))).toEqual({
      teamId: 'business-baltics',
      reason: 'no business team covers DE: fallback',
      fallback: true,
    });
  });

  it('returns null when the segment has no team at all', () => {
    expect(chooseTeam(baltic.filter((t) => t.segment === 'home'), input({ segment: 'business' }))).toBeNull();
    expect(chooseTeam([], input())).toBeNull();
    expect(chooseTeam([], input({ scope: 'unknown' }))).toBeNull();
  });
});

describe('priorityFor', () => {
  it('is 3 for an ordinary request', () => {
    expect(priorityFor('4.1.1', null)).toBe(3);
    expect(priorityFor('4.1.2a', null)).toBe(3);
    expect(priorityFor(null, null)).toBe(3);
  });

  it('is 2 for active malware problems (4.1.2b, 4.1.2c)', () => {
    expect(priorityFor('4.1.2b', null)).toBe(2);
    expect(priorityFor('4.1.2c', null)).toBe(2);
  });

  it('a paid plan moves a request one step ahead, never beyond 1', () => {
    expect(priorityFor('4.1.1', 'premium')).toBe(2);
    expect(priorityFor(null, 'premium')).toBe(2);
    expect(priorityFor('4.1.2b', 'premium')).toBe(1);
    expect(priorityFor('4.1.2c', 'home-plus')).toBe(1);
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
