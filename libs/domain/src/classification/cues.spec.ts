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

  it('gives nothing with a lexicon that has no product groups', () => {
    const lexicon = loadLexicon({ version: 't', clauses: { '4.1.1': { scope: 'included', terms: { en: ['crash'] } } } });
    expect(cuesWith(lexicon, '', 'Chrome crashes')).toEqual([]);
  });
});
