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
});
