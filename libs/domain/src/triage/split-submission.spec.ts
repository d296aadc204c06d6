import { readFileSync } from 'fs';
import { join } from 'path';
import { loadRuleSet, type RuleSet, type SplitMode } from '../rules';
import { MAX_SPLIT_PARTS, splitSubmission } from './split-submission';

const RULES_FILE = join(__dirname, '..', '..', '..', '..', 'config', 'rules', '2022-04-07.json');
const shipped: RuleSet = loadRuleSet(JSON.parse(readFileSync(RULES_FILE, 'utf8')), RULES_FILE);
const withMode = (splitting: SplitMode): RuleSet => ({ ...shipped, splitting });

const TWO_EN = {
  subject: 'Two problems',
  description: 'I have two problems.\n1. Kaspersky deletes my own program as a trojan, but it is a false positive.\n2. Where can I download the installer for my second computer?',
};
const TWO_LV = {
  subject: 'Divas problēmas',
  description: 'Man ir divas problēmas.\n1. Kaspersky neatjaunina datubāzes, parādās kļūda.\n2. Kur var lejupielādēt instalācijas failu otram datoram?',
};
const TWO_RU = {
  subject: 'Две проблемы',
  description: 'У меня две проблемы.\n1. Антивирус не обновляет базы, появляется ошибка.\n2. Где скачать установочный файл для второго компьютера?',
};
const ONE = { subject: 'False positive', description: 'Kaspersky deletes my own program as a trojan, but it is a false positive. Please whitelist it.' };

describe('splitSubmission: rule 2.3 under the rules’ splitting mode', () => {
  it('split: one part per problem, and a notice listing them in the customer’s language', () => {
    const r = splitSubmission(withMode('split'), TWO_EN, 'en');
    expect(r.parts).toHaveLength(2);
    expect(r.problemsDetected).toBe(2);
    expect(r.notice).toContain('2 separate problems');
    expect(r.notice).toContain('rule 2.3');
    expect(r.notice).toContain('1) “Kaspersky deletes my own program as a trojan, but it is a false positive.”');
    expect(r.notice).toContain('2) “Where can I download the installer for my second computer?”');
    // the shared intro is not quoted as a problem
    expect(r.notice).not.toContain('I have two problems');
  });

  it('ask: keeps one part and asks for one request per problem', () => {
    const r = splitSubmission(withMode('ask'), TWO_EN, 'en');
    expect(r.parts).toEqual([TWO_EN]);
    expect(r.problemsDetected).toBe(2);
    expect(r.notice).toContain('Rule 2.3');
    expect(r.notice).toContain('please submit a separate request for each');
    expect(r.notice).toContain('“Where can I download the installer for my second computer?”');
  });

  it('off: neither splits nor tells', () => {
    expect(splitSubmission(withMode('off'), TWO_EN, 'en')).toEqual({ mode: 'off', parts: [TWO_EN], problemsDetected: 1, notice: null, language: 'en' });
  });

  it('split: a submission of more problems than one customer has in one message is kept whole, and the customer asked', () => {
    const many = { subject: 'Questions', description: Array.from({ length: 40 }, (_, i) => `${i + 1}. Where can I download the installer for computer ${i + 1}?`).join('\n') };
    const r = splitSubmission(withMode('split'), many, 'en');
    expect(r).toMatchObject({ mode: 'ask', parts: [many], problemsDetected: 40 });
    expect(r.notice).toContain('please submit a separate request for each');
    expect(r.notice).toContain(`${MAX_SPLIT_PARTS}) “Where can I download the installer for computer ${MAX_SPLIT_PARTS}?”`);
    expect(r.notice).not.toContain(`computer ${MAX_SPLIT_PARTS + 1}?`);
    // at the limit it still splits
    const limit = { ...many, description: many.description.split('\n').slice(0, MAX_SPLIT_PARTS).join('\n') };
    expect(splitSubmission(withMode('split'), limit, 'en')).toMatchObject({ mode: 'split', problemsDetected: MAX_SPLIT_PARTS });
  });

  it.each(['split', 'ask'] as const)('%s: a single problem gets no notice', (mode) => {
    expect(splitSubmission(withMode(mode), ONE, 'en')).toMatchObject({ parts: [ONE], problemsDetected: 1, notice: null });
  });

  it('writes the notice in Latvian and Russian, detecting the language when it is not given', () => {
    const lv = splitSubmission(withMode('split'), TWO_LV, undefined);
    expect(lv.language).toBe('lv');
    expect(lv.notice).toContain('noteikums 2.3');
    expect(lv.notice).toContain('“Kur var lejupielādēt instalācijas failu otram datoram?”');
    const ru = splitSubmission(withMode('ask'), TWO_RU, 'ru');
    expect(ru.parts).toHaveLength(1);
    expect(ru.notice).toContain('правилу 2.3');
    expect(ru.notice).toContain('«Где скачать установочный файл для второго компьютера?»');
  });

  it('answers in English for a language the rules have no texts in', () => {
    expect(splitSubmission(withMode('split'), TWO_EN, 'de')).toMatchObject({ language: 'en', problemsDetected: 2 });
  });
});
