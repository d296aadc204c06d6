import { withDeclinesOnEvidence } from './decline-evidence';

describe('withDeclinesOnEvidence', () => {
  const classes = ['4.1.1', '4.2.7', 'none'];

  it('drops an excluded clause the lexicon found no phrase for, and conditions the rest on it', () => {
    expect(withDeclinesOnEvidence([0.1, 0.8, 0.1], classes, [{ clause: '4.1.1', score: 2 }])).toEqual([0.5, 0, 0.5]);
  });

  it('keeps an excluded clause with its phrase in the text', () => {
    expect(withDeclinesOnEvidence([0.1, 0.8, 0.1], classes, [{ clause: '4.2.7', score: 1.5 }])).toEqual([0.1, 0.8, 0.1]);
  });
});
