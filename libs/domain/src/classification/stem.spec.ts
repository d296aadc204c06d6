import { stemEnglish, stemRussian } from './stem';
import { extractFeatures } from './features';

describe('stemRussian', () => {
  it.each([
    [['удалил', 'удалила', 'удалить'], 'удал'],
    [['файл', 'файла', 'файлом', 'файлы'], 'файл'],
    [['антивирус', 'антивируса', 'антивирусом'], 'антивирус'],
    [['лицензия', 'лицензии', 'лицензию'], 'лиценз'],
    [['ругается', 'ругался'], 'руга'],
  ])('gives one stem to the forms of a word (%j)', (forms, stem) => {
    for (const form of forms) expect(stemRussian(form)).toBe(stem);
  });

  it('leaves other languages and short words alone', () => {
    expect(stemRussian('installer')).toBe('installer');
    expect(stemRussian('vīruss')).toBe('vīruss');
    expect(stemRussian('на')).toBe('на');
  });

  it('makes the model see one word feature for differently inflected messages', () => {
    const lexicon = { ranking: [], clause: null, confidence: 0 };
    const a = extractFeatures('', 'Антивирус удалил файл', lexicon, 'ru');
    const b = extractFeatures('', 'антивирусом удалила файлы', lexicon, 'ru');
    const words = (v: Map<string, number>) => [...v.keys()].filter((k) => k.startsWith('w:')).sort();
    expect(words(a)).toEqual(words(b));
  });
});

describe('stemEnglish', () => {
  it.each([
    [['quarantined', 'quarantines', 'quarantine'], 'quarantin'],
    [['blocked', 'blocking', 'blocks'], 'block'],
    [['flagged', 'flags'], 'flag'],
    [['viruses', 'virus'], 'virus'],
  ])('gives one stem to the forms of a word (%j)', (forms, stem) => {
    for (const form of forms) expect(stemEnglish(form)).toBe(stem);
  });

  it('keeps words ending in -ss, -us, -is and non-English tokens', () => {
    expect(stemEnglish('access')).toBe('access');
    expect(stemEnglish('this')).toBe('this');
    expect(stemEnglish('vīruss')).toBe('vīruss');
    expect(stemEnglish('файлы')).toBe('файлы');
  });
});
