import { extractFeatures } from './features';

const noLexicon = { ranking: [], clause: null, confidence: 0 };

describe('extractFeatures', () => {
  it("repeats the subject's words as features of their own, weighing more than the body's", () => {
    const v = extractFeatures('Boot time long', 'Since the last Windows update my laptop needs minutes to start.', noLexicon, 'en');
    expect(v.get('w:^boot')).toBeGreaterThan(v.get('w:boot')!);
    expect(v.has('w:^updat')).toBe(false);
    expect(v.has('w:updat')).toBe(true);
  });

  it('has no subject features without a subject', () => {
    const v = extractFeatures('', 'The scan freezes at 50 %.', noLexicon, 'en');
    expect([...v.keys()].some((f) => f.startsWith('w:^'))).toBe(false);
  });
});
