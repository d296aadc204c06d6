/**
 * A light Russian stemmer for the learned model's word features: Russian words change their endings
 * with case, number, gender and tense ("удалил", "удаляет", "удалила"; "файл", "файла", "файлом"),
 * so without it every form is a feature of its own and a crafted or real message in an unseen form
 * shares nothing with the training examples. Follows the Snowball Russian algorithm's steps in a
 * shortened form: endings are removed only after the first vowel (the RV region), longest first.
 * Other languages' tokens are returned unchanged.
 */
const VOWEL = /[аеиоуыэюя]/;
const CYRILLIC = /^[а-яё]+$/;

const byLength = (xs: string[]): string[] => [...xs].sort((a, b) => b.length - a.length);
/** Endings that count only after а/я (Snowball's "group 1"). */
const afterAYa = (xs: string[]): RegExp => new RegExp(`[ая](?:${byLength(xs).join('|')})$`);
const plain = (xs: string[]): RegExp => new RegExp(`(?:${byLength(xs).join('|')})$`);

const GERUND_1 = afterAYa(['в', 'вши', 'вшись']);
const GERUND_2 = plain(['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись']);
const REFLEXIVE = plain(['ся', 'сь']);
const ADJECTIVE = ['ее', 'ие', 'ые', 'ое', 'ими', 'ыми', 'ей', 'ий', 'ый', 'ой', 'ем', 'им', 'ым', 'ом', 'его', 'ого', 'ему', 'ому', 'их', 'ых', 'ую', 'юю', 'ая', 'яя', 'ою', 'ею'];
const PARTICIPLE_ADJ_1 = new RegExp(`[ая](?:ем|нн|вш|ющ|щ)(?:${byLength(ADJECTIVE).join('|')})$`);
const PARTICIPLE_ADJ_2 = new RegExp(`(?:ивш|ывш|ующ)(?:${byLength(ADJECTIVE).join('|')})$`);
const ADJECTIVAL = plain(ADJECTIVE);
const VERB_1 = afterAYa(['ла', 'на', 'ете', 'йте', 'ли', 'й', 'л', 'ем', 'н', 'ло', 'но', 'ет', 'ют', 'ны', 'ть', 'ешь', 'нно']);
const VERB_2 = plain([
  'ила',
  'ыла',
  'ена',
  'ейте',
  'уйте',
  'ите',
  'или',
  'ыли',
  'ей',
  'уй',
  'ил',
  'ыл',
  'им',
  'ым',
  'ен',
  'ило',
  'ыло',
  'ено',
  'ят',
  'ует',
  'уют',
  'ит',
  'ыт',
  'ены',
  'ить',
  'ыть',
  'ишь',
  'ую',
  'ю',
]);
const NOUN = plain([
  'а',
  'ев',
  'ов',
  'ие',
  'ье',
  'е',
  'иями',
  'ями',
  'ами',
  'еи',
  'ии',
  'и',
  'ией',
  'ей',
  'ой',
  'ий',
  'й',
  'иям',
  'ям',
  'ием',
  'ем',
  'ам',
  'ом',
  'о',
  'у',
  'ах',
  'иях',
  'ях',
  'ы',
  'ь',
  'ию',
  'ью',
  'ю',
  'ия',
  'ья',
  'я',
]);

/** Removes the first matching ending; for the "after а/я" groups the а/я itself stays. */
function strip(rv: string, re: RegExp, keepFirst: boolean): string | null {
  const m = re.exec(rv);
  if (!m) return null;
  return rv.slice(0, m.index + (keepFirst ? 1 : 0));
}

export function stemRussian(word: string): string {
  if (!CYRILLIC.test(word)) return word;
  const w = word.replace(/ё/g, 'е');
  const v = w.search(VOWEL);
  if (v < 0) return w;
  const head = w.slice(0, v + 1);
  let rv = w.slice(v + 1);
  const gerund = strip(rv, GERUND_1, true) ?? strip(rv, GERUND_2, false);
  if (gerund !== null) rv = gerund;
  else {
    rv = strip(rv, REFLEXIVE, false) ?? rv;
    const adjectival = strip(rv, PARTICIPLE_ADJ_1, true) ?? strip(rv, PARTICIPLE_ADJ_2, false) ?? strip(rv, ADJECTIVAL, false);
    rv = adjectival ?? strip(rv, VERB_1, true) ?? strip(rv, VERB_2, false) ?? strip(rv, NOUN, false) ?? rv;
  }
  if (rv.endsWith('и')) rv = rv.slice(0, -1);
  if (rv.endsWith('нн')) rv = rv.slice(0, -1);
  if (rv.endsWith('ь')) rv = rv.slice(0, -1);
  return head + rv;
}

/**
 * A light English stemmer for the same purpose ("quarantined", "quarantines", "quarantine";
 * "blocked", "blocking"): plural/3rd-person -s, -ed, -ing and a final -e are removed, a doubled
 * final consonant is undone ("flagged" → "flag"). Words ending in -ss, -us, -is keep their s
 * ("virus", "access", "this"). Only for English messages: Latvian, Estonian and Lithuanian endings
 * are not these.
 */
const ENGLISH = /^[a-z]+$/;
const DOUBLE = /([bdfgmnprt])\1$/;

export function stemEnglish(word: string): string {
  if (word.length < 4 || !ENGLISH.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 5) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w !== word && DOUBLE.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}
