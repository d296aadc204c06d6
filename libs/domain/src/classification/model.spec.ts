import { loadModel, predict } from './model';

/** Two features over three classes, written as the trainer writes config/classifier/model.json. */
const json = {
  version: 't',
  lexiconVersion: 'l',
  classes: ['4.1.1', '4.1.2a', 'none'],
  bias: [0, 0, 1],
  temperature: 1,
  weights: {
    'w:crash': [
      [0, 2],
      [2, -1],
    ],
    'w:trojan': [[1, 3]],
    'lex:4.1.1': [
      [0, 0.5],
      [1, -0.5],
    ],
  },
};

/** The model's prediction for a text with these feature values. */
const predictOn = (features: Record<string, number>) => predict(loadModel(json), new Map(Object.entries(features)));

describe('the learned model', () => {
  it('adds each known feature’s weights times its value to its classes, and ignores the features it does not know', () => {
    const p = predictOn({ 'w:crash': 1, 'w:unknown': 1, 'lex:4.1.1': 2 });
    // logits: 4.1.1 = 2 + 1, 4.1.2a = -1, none = 1 - 1
    const exps = [Math.exp(3), Math.exp(-1), Math.exp(0)];
    const sum = exps.reduce((a, b) => a + b, 0);
    p.probabilities.forEach((x, i) => expect(x).toBeCloseTo(exps[i] / sum, 12));
    expect(p.knownWords).toBe(1);
  });

  it('names the features that pushed a class, strongest first, and only those that pushed it up', () => {
    const p = predictOn({ 'w:crash': 1, 'w:trojan': 1, 'lex:4.1.1': 3 });
    expect(p.contributions(0, 5)).toEqual([
      { feature: 'w:crash', weight: 2 },
      { feature: 'lex:4.1.1', weight: 1.5 },
    ]);
    expect(p.contributions(1, 5)).toEqual([{ feature: 'w:trojan', weight: 3 }]);
    expect(p.contributions(0, 1)).toEqual([{ feature: 'w:crash', weight: 2 }]);
  });

  it('refuses a model file whose weights name a class it does not have', () => {
    expect(() => loadModel({ ...json, weights: { 'w:x': [[3, 1]] } })).toThrow(/Invalid classifier model: bad weight \[3,1\] of w:x/);
    expect(() => loadModel({ ...json, bias: [0] })).toThrow(/bias must have one number per class/);
  });
});
