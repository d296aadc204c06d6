import { refersBack, splitSentences } from './split-segments';
import { randomTexts } from '../testing/random-texts';

/** The regular expression the sentence scanner replaced: its answers are the specification. */
function sentencesByRegex(text: string): string[] {
  const out: string[] = [];
  const re = /(?:[^.!?\n]|[.!?]+(?=[^\s.!?]))+(?:[.!?]+|\n|$)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].trim()) out.push(m[0]);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

describe('splitSentences', () => {
  it('ends a sentence at stops before a space or a line break, not inside "12.0.1" or "ninite.com"', () => {
    expect(splitSentences('Version 12.0.1 crashes! See ninite.com. Why?\nThanks')).toEqual(['Version 12.0.1 crashes!', ' See ninite.com.', ' Why?', 'Thanks']);
  });

  it('cuts as the regular expression it replaced did, on texts made of the characters that matter', () => {
    for (const text of randomTexts(['a', 'b', ' ', '.', '!', '?', '\n', '\t', '1', 'é', '😀'], 10_000, 24)) {
      expect(splitSentences(text)).toEqual(sentencesByRegex(text));
    }
  });

  it('reads a message of 20,000 stops: no sentence in it, or one after words', () => {
    expect(splitSentences('.'.repeat(20_000))).toEqual([]);
    expect(splitSentences(`Help${'.'.repeat(20_000)}`)).toEqual([`Help${'.'.repeat(20_000)}`]);
  });
});

describe('refersBack', () => {
  it.each([
    ['It crashes again after the restart.', true],
    ['This happens on every computer.', true],
    ['Это случается каждый день.', true],
    ['It would be nice to have a dark mode.', false],
    ["It'd be great to schedule scans by the hour.", false],
    ['There is no way to export the rules.', false],
    ['There should be an option to pause the scan.', false],
    ['It would crash with this file too.', true],
    ['There it crashes again.', true],
    ['My licence key is rejected.', false],
    ['But why did your antivirus never see it?', true],
    ['Но почему антивирус его не увидел?', true],
    ['However, the scan is slow.', true],
  ])('%j → %s', (text, expected) => {
    expect(refersBack(text)).toBe(expected);
  });
});
