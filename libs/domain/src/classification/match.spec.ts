import { compileTerm, defaultLexicon, termLists } from './lexicon';
import { HeadDirectory, occursIn, TextHeads, TextIndex } from './match';

describe('TextHeads', () => {
  const lexicon = defaultLexicon();
  const lists = termLists(lexicon);
  const headsOf = (...texts: string[]) =>
    new TextHeads(
      texts.map((t) => new TextIndex(t, lexicon.settings)),
      HeadDirectory.of(lexicon),
    );
  const texts = [
    'Kaspersky deleted my installer as Trojan.Win32.Generic, is this a false positive? Please add an option to whitelist it.',
    'После обновления Windows не запускается игра, антивирус отключал — не помогло',
    'Pēc atjaunināšanas programma nestrādā un dators ļoti lēns',
    'Minu arvuti on aeglane ja viirusetõrje blokeerib faili',
    'Antivirusas ištrynė mano failą, prašau padėti',
  ];

  it.each(texts)('offers every term of every list that occurs in the text: %s', (text) => {
    const heads = headsOf('', text);
    let occurring = 0;
    for (const terms of lists) {
      const offered = new Set(heads.candidates(terms));
      terms.forEach((term, i) => {
        if (!heads.texts.some((t) => t.locate(term, lexicon.settings.fuzzyFactor) !== null)) return;
        occurring++;
        expect(offered.has(i)).toBe(true);
      });
    }
    expect(occurring).toBeGreaterThan(2);
  });

  it('offers only a small part of the lexicon for a message (what makes it pay)', () => {
    const heads = headsOf('', texts[0]);
    const all = lists.reduce((n, terms) => n + terms.length, 0);
    const offered = lists.reduce((n, terms) => n + heads.candidates(terms).length, 0);
    expect(offered).toBeGreaterThan(0);
    expect(offered).toBeLessThan(all / 5);
  });

  it('offers a term by its longest word: a text without it does not try "does not work"', () => {
    const own = [compileTerm('does not work', 'en', 'test'), compileTerm('false positive', 'en', 'test')];
    expect(headsOf('', 'It does not start, and the positive side is...').candidates(own)).toEqual([1]);
    expect(headsOf('', 'The scan does not work').candidates(own)).toEqual([0]);
    expect(occursIn(own, headsOf('', 'The scan does not work'))).toBe(true);
  });

  it('walks a list that is not the lexicon’s own whole', () => {
    const own = [compileTerm('blue screen', 'en', 'test'), compileTerm('ok', 'en', 'test'), compileTerm('printer', 'en', 'test')];
    const heads = headsOf('', 'A blue screen after the update');
    expect(heads.candidates(own).sort()).toEqual([0, 1]);
    expect(occursIn(own, heads)).toBe(true);
    expect(occursIn(own.slice(2), heads)).toBe(false);
  });
});

describe('TextIndex.locate', () => {
  const settings = defaultLexicon().settings;
  const without = compileTerm('без касперск*', 'ru', 'test');
  const blocks = compileTerm('kaspersky block*', 'en', 'test');

  it('finds a phrase with words between its words, within one sentence', () => {
    expect(new TextIndex('Без всякого касперского всё работает', settings).locate(without, settings.fuzzyFactor)).not.toBeNull();
    expect(new TextIndex('Kaspersky always blocks it', settings).locate(blocks, settings.fuzzyFactor)).not.toBeNull();
  });

  // "…closes without any error. Kaspersky I turned off" is not "without Kaspersky": the phrase was evidence of the opposite
  it.each([
    ['ru', 'Игра закрывается без всякой ошибки. Касперского выключал, всё равно вылетает.', without],
    ['en', 'I use Kaspersky!\nIt blocks nothing, the game crashes anyway.', blocks],
    ['en', 'Kaspersky\n\nblocks', blocks],
  ])('does not join words of two sentences into a phrase (%s)', (_lang, text, term) => {
    expect(new TextIndex(text, settings).locate(term, settings.fuzzyFactor)).toBeNull();
  });

  it('reads a hard-wrapped line and a version number as one sentence', () => {
    expect(new TextIndex('I think Kaspersky\nblocks the 2.0 installer', settings).locate(blocks, settings.fuzzyFactor)).not.toBeNull();
    expect(new TextIndex('Kaspersky 21.3 blocks it', settings).locate(compileTerm('kaspersky 21 3 block*', 'en', 'test'), settings.fuzzyFactor)).not.toBeNull();
  });
});
