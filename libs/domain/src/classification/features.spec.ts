import { extractFeatures } from './features';

const noLexicon = { ranking: [], clause: null, confidence: 0 };

describe('extractFeatures', () => {
  it("repeats the subject's words as features of their own, weighing more than the body's", () => {
    const v = extractFeatures('Boot time long', 'Since the last Windows update my laptop needs minutes to start.', noLexicon, 'en');
    expect(v.get('w:^boot')).toBeGreaterThan(v.get('w:boot')!);
    expect(v.has('w:^updat')).toBe(false);
    expect(v.has('w:updat')).toBe(true);
  });

  it('reads a title that names no problem ("Help", "Вопрос") only as words of the text', () => {
    const v = extractFeatures('Help: licence', 'How do I move my licence to a new computer?', noLexicon, 'en');
    expect(v.has('w:^help')).toBe(false);
    expect(v.has('w:help')).toBe(true);
    expect([...v.keys()].some((f) => f.startsWith('w:^licen'))).toBe(true);
    const ru = extractFeatures('Вопрос', 'Как перенести лицензию на новый компьютер?', noLexicon, 'ru');
    expect([...ru.keys()].some((f) => f.startsWith('w:^'))).toBe(false);
  });

  it('has no subject features without a subject', () => {
    const v = extractFeatures('', 'The scan freezes at 50 %.', noLexicon, 'en');
    expect([...v.keys()].some((f) => f.startsWith('w:^'))).toBe(false);
  });

  it('weighs the words the model knows as if the words it never learnt were not there (typos, names, template lines)', () => {
    const story = 'The full scan freezes at fifty percent every single time, and the whole program stops responding until I restart the computer.';
    const noise = 'Xqzv wrtplk mnbvcx qwrtzp lkjhgf zxcvbn poiuyt asdfgh qazwsx edcrfv tgbyhn ujmikl olpqaz wsxedc rfvtgb yhnujm ikolpq';
    const alone = extractFeatures('', story, noLexicon, 'en');
    const knownToTheModel = (f: string) => alone.has(f);
    const padded = extractFeatures('', `${story}\n${noise}`, noLexicon, 'en', [], knownToTheModel);
    expect(padded.get('w:scan')).toBeCloseTo(alone.get('w:scan')!, 12);
    // without a model's vocabulary every word counts, and the noise dilutes the story
    expect(extractFeatures('', `${story}\n${noise}`, noLexicon, 'en').get('w:scan')).toBeLessThan(alone.get('w:scan')! * 0.8);
  });
});
