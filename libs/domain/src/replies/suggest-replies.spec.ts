import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleSet } from '../rules';
import { type Macro, type SuggestionRequest, suggestReplies } from './suggest-replies';

const RULES_FILE = join(__dirname, '..', '..', '..', '..', 'config', 'rules', '2022-04-07.json');
const rules = loadRuleSet(JSON.parse(readFileSync(RULES_FILE, 'utf8')), RULES_FILE);

const request = (over: Partial<SuggestionRequest> = {}): SuggestionRequest => ({
  language: 'lv',
  country: 'LV',
  segment: 'home',
  productCode: 'KAV',
  productVersion: '21.3',
  classification: { clause: '4.1.2a' },
  eligibility: { decision: 'supported', clauses: ['4.5a'], reason: 'home', licenceProblem: null },
  ...over,
});
const macro = (id: string, language: Macro['language'], clauses: string[] = [], name = id): Macro => ({ id, name, language, clauses, body: `${id} text` });

describe('suggestReplies', () => {
  it('offers the self-service pointers of the segment in the request language for an included clause, as the draft', () => {
    const s = suggestReplies(rules, request(), []);
    expect(s).toMatchObject({ language: 'lv', fallback: false, clause: '4.1.2a', draft: 'self-service:home' });
    expect(s.items).toHaveLength(1);
    expect(s.items[0].text).toContain(rules.selfService.home.lv);
    expect(s.items[0].clauses).toEqual(['2.1']);
  });

  it("starts from the rules' decline text of an excluded clause, with the offer where the region sells it", () => {
    const lv = suggestReplies(rules, request({ classification: { clause: '4.2.14' } }), []);
    expect(lv.draft).toBe('rules:4.2.14');
    expect(lv.items[0].text).toContain(rules.clauses['4.2.14'].title.lv);
    expect(lv.items[0].text).toContain(rules.offers['incident-response'].name.lv);
    const elsewhere = suggestReplies(rules, request({ country: 'BR', classification: { clause: '4.2.14' } }), []);
    expect(elsewhere.items[0].text).not.toContain(rules.offers['incident-response'].name.lv);
  });

  it('offers the limited-licence text for a business request whose licence only allows licence questions', () => {
    const s = suggestReplies(rules, request({ segment: 'business', language: 'ru', eligibility: { decision: 'limited', clauses: ['2.4', '4.5b'], reason: 'x', licenceProblem: 'expired' } }), []);
    expect(s.items[0]).toMatchObject({ id: 'rules:4.1.2a', kind: 'rules', language: 'ru' });
    expect(s.items[0].text).toContain(rules.messages.ru['licence.expired']);
    expect(s.items[1].text).toContain(rules.selfService.business.ru);
  });

  it('falls back to English texts and English macros for a language the rules have no texts in', () => {
    const s = suggestReplies(rules, request({ language: 'de' }), [macro('m-lv', 'lv'), macro('m-en', 'en')]);
    expect(s).toMatchObject({ language: 'en', fallback: true });
    expect(s.items.map((i) => i.id)).toEqual(['self-service:home', 'macro:m-en']);
    expect(s.items[0].text).toContain(rules.selfService.home.en);
  });

  it("lists the macros of the request's language for its clause (or any clause), by name", () => {
    const macros = [macro('b', 'lv', [], 'Beta'), macro('a', 'lv', ['4.1.2a'], 'Alpha'), macro('c', 'lv', ['4.1.3']), macro('d', 'en')];
    const s = suggestReplies(rules, request(), macros);
    expect(s.items.filter((i) => i.kind === 'macro').map((i) => [i.id, i.name])).toEqual([
      ['macro:a', 'Alpha'],
      ['macro:b', 'Beta'],
    ]);
    expect(suggestReplies(rules, request({ classification: null }), macros).items.map((i) => i.id)).toEqual(['self-service:home', 'macro:b']);
  });
});
