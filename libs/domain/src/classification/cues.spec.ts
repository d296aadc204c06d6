import { productCues } from './cues';
import { defaultLexicon, type Lexicon, loadLexicon } from './lexicon';
import { HeadDirectory, TextHeads, TextIndex } from './match';

describe('productCues', () => {
  const cuesWith = (lexicon: Lexicon, subject: string, description: string) =>
    productCues(new TextHeads([new TextIndex(subject, lexicon.settings), new TextIndex(description, lexicon.settings)], HeadDirectory.of(lexicon)), lexicon);
  const cues = (subject: string, description: string) => cuesWith(defaultLexicon(), subject, description);

  it('sees another vendor’s program named without any security product', () => {
    expect(cues('Chrome crashes', 'Since the update the browser closes when I open a new tab')).toEqual(['g:third-party']);
    expect(cues('', 'После обновления Windows не запускается игра')).toEqual(['g:third-party']);
  });

  it('sees a security product named, whoever the vendor, with or without another program', () => {
    expect(cues('', 'ESET deletes my installer')).toEqual(['g:security']);
    expect(cues('', 'Касперский удалил игру из папки Steam')).toEqual(['g:security', 'g:third-party']);
    expect(cues('Antivirus', 'the antivirus blocks Outlook from sending mail')).toEqual(['g:security', 'g:third-party']);
  });

  it('sees neither in a message that names nothing (written to us, it is about our product)', () => {
    expect(cues('', 'it crashes after the update')).toEqual([]);
  });

  // Whose fault it is, told by switching the product off: the outcome in the same sentence or the next one
  it.each([
    ['en', 'Outlook does not send mail.', 'I turned off the antivirus completely, still the same.', ['g:off-no-change']],
    ['en', 'Firefox crashes at start', 'After the update Firefox crashes. If I exit Kaspersky from the tray, Firefox opens normally.', ['g:off-works']],
    ['ru', 'Игра вылетает', 'Игра вылетает на загрузке. Касперского отключал — то же самое.', ['g:off-no-change']],
    ['et', 'Printer', 'Printer ei prindi, kui Kaspersky on sees. Kui kaitse pausile panna, prindib kohe.', ['g:off-works']],
  ])('sees a switch-off and its outcome (%s): %s', (_lang, subject, description, expected) => {
    expect(cues(subject, description).filter((c) => c.startsWith('g:off'))).toEqual(expected);
  });

  it('does not join a switch-off and an outcome sentences apart', () => {
    expect(cues('', 'I disabled the notifications last year.\n\nMy printer is old.\n\nThe scanner is the same model.').filter((c) => c.startsWith('g:off'))).toEqual([]);
    expect(cues('', 'The scan still stops at 40 %, the same as yesterday.').filter((c) => c.startsWith('g:off'))).toEqual([]);
  });

  it('gives nothing with a lexicon that has no product groups', () => {
    const lexicon = loadLexicon({ version: 't', clauses: { '4.1.1': { scope: 'included', terms: { en: ['crash'] } } } });
    expect(cuesWith(lexicon, '', 'Chrome crashes')).toEqual([]);
  });
});
