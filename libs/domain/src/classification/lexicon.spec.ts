import { defaultLexicon, findLexiconFile, loadLexicon } from './lexicon';
import { classify } from './classify';

const minimal = () => ({
  version: 't1',
  clauses: { '4.1.1': { scope: 'included', terms: { en: [['crash*', 2]] } } },
});

describe('lexicon', () => {
  it('finds and loads config/classifier/lexicon.json', () => {
    expect(findLexiconFile()).toMatch(/config[\\/]classifier[\\/]lexicon\.json$/);
    const lx = defaultLexicon();
    expect(lx.version).toBeTruthy();
    expect(lx.caveats.map((c) => c.id).sort()).toEqual(['4.4.1', '4.4.2', '4.4.3', '4.4.4', '4.4.5', '4.4.6']);
    expect(lx.clauses.every((c) => c.scope === (c.id.startsWith('4.2.') ? 'excluded' : 'included'))).toBe(true);
  });

  it('loads a minimal lexicon and classifies with it', () => {
    const lx = loadLexicon(minimal());
    expect(classify({ subject: '', description: 'it crashes' }, lx).clause).toBe('4.1.1');
  });

  it('records the version of the lexicon with every classification', () => {
    expect(classify({ subject: '', description: 'it crashes' }, loadLexicon(minimal())).lexiconVersion).toBe('t1');
    expect(classify({ subject: '', description: 'Hello' }, loadLexicon(minimal())).lexiconVersion).toBe('t1');
    expect(classify({ subject: '', description: 'it crashes' }).lexiconVersion).toBe(defaultLexicon().version);
  });

  it.each([
    [null, /root/],
    [{ ...minimal(), version: '' }, /version/],
    [{ ...minimal(), clauses: { '9.9': { scope: 'included', terms: { en: ['x'] } } } }, /clauses\["9\.9"\]/],
    [{ ...minimal(), clauses: { '4.1.1': { scope: 'maybe', terms: { en: ['x'] } } } }, /clauses\["4\.1\.1"\]\.scope/],
    [{ ...minimal(), clauses: { '4.1.1': { scope: 'included', terms: { de: ['x'] } } } }, /clauses\["4\.1\.1"\]\.terms\.de/],
    [{ ...minimal(), clauses: { '4.1.1': { scope: 'included', terms: { en: [['crash*', -1]] } } } }, /terms\.en\[0\].*weight/],
    [{ ...minimal(), clauses: { '4.1.1': { scope: 'included', terms: { en: [''] } } } }, /terms\.en\[0\]/],
    [{ ...minimal(), clauses: { '4.1.1': { scope: 'included', terms: { en: [['x', 1, 'nope']] } } } }, /unknown context "nope"/],
    [{ ...minimal(), settings: { threshold: 'high' } }, /settings\.threshold/],
    [{ ...minimal(), settings: { colour: 1 } }, /settings\.colour/],
    [{ ...minimal(), caveats: { '4.4.x': { terms: { en: ['x'] } } } }, /caveats\["4\.4\.x"\]/],
    [{ ...minimal(), topics: { bug: '4.9.9' } }, /topics\["bug"\]/],
  ])('rejects a bad lexicon with an error naming the entry (%#)', (json, message) => {
    expect(() => loadLexicon(json)).toThrow(message as RegExp);
  });
});

describe('a messenger or a phone named in a fault is not a request for help by phone (4.2.6)', () => {
  it.each([
    ['lv', 'Safe Kids pēc pēdējā atjauninājuma dēla telefonā bloķē visas lietotnes, pat WhatsApp un zvanus.'],
    ['en', 'After the update Kaspersky blocks WhatsApp calls on my phone.'],
  ])('%s', (_, description) => {
    const r = classify({ subject: 'Safe Kids', description });
    expect(r.evidence.filter((e) => e.clause === '4.2.6')).toEqual([]);
    expect(r.clause).not.toBe('4.2.6');
  });

  it.each([
    ['lv', 'Lūdzu zvaniet man un palīdziet savākt žurnālus.'],
    ['lt', 'Gal galite padėti telefonu surinkti žurnalus?'],
  ])('while asking to be called still is (%s)', (_, description) => {
    expect(classify({ subject: 'Logs', description }).clause).toBe('4.2.6');
  });
});
