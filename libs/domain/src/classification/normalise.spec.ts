import { editDistance, tokenize, tokenizeBySentence, withinOneEdit } from './normalise';

describe('tokenize', () => {
  it.each([
    ['Kаspersky Windоws', ['kaspersky', 'windows']], // Cyrillic а, о in Latin words
    ['прoграмма вирус', ['программа', 'вирус']], // a Latin o in a Russian word
    ['bаза', ['bаза']], // a letter without a look-alike: left as typed
    ['fal\u200Bse posi\u00ADtive \u202Eok', ['false', 'positive', 'ok']],
    ['ｆａｌｓｅ　ＰＯＳＩＴＩＶＥ', ['false', 'positive']],
    ['1с Windows-ом', ['1с', 'windows', 'ом']],
  ])('%j → %j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['installer', 9, 'installer', true],
    ['instaler', 8, 'installer', true],
    ['installler', 10, 'installer', true],
    ['insatller', 9, 'installer', true],
    ['instlaler', 9, 'installer', true],
    ['instalerr', 9, 'installer', false],
    ['karantīns', 8, 'karantin', true],
    ['quarantined', 10, 'quarantine', true],
    ['quarantined', 8, 'quarantine', false],
  ])('%s (first %i letters) against %s: %s', (a, aLen, b, expected) => {
    expect(withinOneEdit(a, aLen, b)).toBe(expected);
  });

  it('agrees with editDistance on every prefix of words one or two edits apart', () => {
    const words = ['scan', 'scans', 'sacn', 'scna', 'skan', 'scanner', 'scaner', 'updat', 'update', 'upadte', 'обновлени', 'обнавлени', 'atjaunin', 'atjaunināt'];
    for (const a of words)
      for (const b of words)
        for (let len = 0; len <= a.length + 1; len++) {
          const expected = len <= a.length && editDistance(a.slice(0, len), b, 1) <= 1;
          expect([a, len, b, withinOneEdit(a, len, b)]).toEqual([a, len, b, expected]);
        }
  });
});

describe('tokenizeBySentence', () => {
  it.each([
    ["Kaspersky doesnt start. Why?! It's v21.3\nwrapped line\n\nNew paragraph", [0, 0, 0, 0, 1, 2, 2, 2, 2, 2, 2, 3, 3]],
    ['Пpoграмма не работает… Kаspersky', [0, 0, 0, 1]],
  ])("numbers the sentences of tokenize's tokens: %s", (text, sentences) => {
    const { tokens, sentenceOf } = tokenizeBySentence(text);
    expect(tokens).toEqual(tokenize(text));
    expect(sentenceOf).toEqual(sentences);
  });
});
