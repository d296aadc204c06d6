import { plainText } from './plain-text';
import { isAttribution, replyText } from './reply-text';
import { randomTexts } from '../testing/random-texts';

const ANSWER = 'Here is the log you asked for.\n\nThanks,\nAnna';

describe('replyText (quoted history stripped)', () => {
  it.each([
    ['en, Gmail', 'On Mon, 1 Dec 2026 at 10:00, Support <support@example.com> wrote:\n> Please send us the log.\n> Regards'],
    ['en, wrapped attribution', 'On Mon, 1 Dec 2026 at 10:00, Support Team of Example <support+abc@example.com>\nwrote:\n\n> Please send us the log.'],
    ['lv, Gmail', '2026. gada 1. dec., plkst. 10:00, Atbalsts <support@example.com> rakstīja:\n> Lūdzu, atsūtiet žurnālu.'],
    ['ru, Thunderbird', '01.12.2026 10:00, Support пишет:\n> Пришлите, пожалуйста, журнал.'],
    ['ru, Mail.ru', '1 декабря 2026, 10:00 +02:00 от Support <support@example.com>:\n> Пришлите журнал.'],
    ['ru, написал(а)', 'Понедельник, 1 декабря 2026, 10:00 Support написал(а):\nПришлите журнал.'],
    ['ru, Gmail', 'пн, 1 дек. 2026 г. в 10:00, Support <support@example.com>:\n> Пришлите журнал.'],
    ['en, Outlook', '________________________________\nFrom: Support <support@example.com>\nSent: Monday, December 1, 2026 10:00\nTo: Anna\nSubject: RE: req\n\nPlease send us the log.'],
    ['en, Outlook classic', '-----Original Message-----\nFrom: Support\nSent: Monday\n\nPlease send us the log.'],
    ['lv, Outlook', 'No: Atbalsts <support@example.com>\nNosūtīts: pirmdiena, 2026. gada 1. decembris 10:00\nKam: Anna\n\nLūdzu, atsūtiet žurnālu.'],
    ['ru, Outlook', '-----Исходное сообщение-----\nОт: Support\nОтправлено: 1 декабря 2026 г. 10:00\n\nПришлите журнал.'],
    ['ru, Outlook header block', 'От: Support <support@example.com>\nОтправлено: 1 декабря 2026 г. 10:00\nКому: Anna\n\nПришлите журнал.'],
    ["a helpdesk's reply marker (Zendesk)", '##- Please type your reply above this line -##\n\nYour request (48213) has been updated.\n\nPlease send us the log.'],
    ["a helpdesk's reply marker, ru", '-- Ответьте выше этой строки --\n\nПришлите журнал.'],
  ])('%s', (_, history) => {
    expect(replyText(`${ANSWER}\n\n${history}\n`)).toBe(ANSWER);
    expect(replyText(`${ANSWER}\r\n\r\n${history.replace(/\n/g, '\r\n')}`)).toBe(ANSWER);
  });

  it('drops quoted lines but keeps answers written between them', () => {
    expect(replyText('> Which version?\n21.3\n> Which Windows?\n11\n')).toBe('21.3\n11');
  });

  it('keeps a mail without history as it is, and words like "wrote" inside a sentence', () => {
    expect(replyText(ANSWER)).toBe(ANSWER);
    expect(replyText('I wrote: the scan stops at 40%. It is the same today.')).toBe('I wrote: the scan stops at 40%. It is the same today.');
    expect(replyText('From: my point of view the update breaks it.')).toBe('From: my point of view the update breaks it.');
  });

  it('is empty when the mail only quotes', () => {
    expect(replyText('> old\n> text')).toBe('');
  });
});

describe('isAttribution: "…, Support <support@example.com>:"', () => {
  /** The pattern it replaced, as the specification (the other forms, "wrote:" and the wrapped one, need words these texts lack). */
  const BY_PATTERN = /^.{0,200}\d.{0,200}<[^<>\s]+@[^<>\s]+>\s*:\s*$/;

  it('answers as the pattern it replaced, on short texts and on texts around its 200-character reaches', () => {
    const alphabet = ['1', 'a', '@', '<', '>', ':', ' ', '\r', '\u2028', 'x'];
    // and lines built as an attribution is, of random parts: what comes before the address (a digit here and there, now and
    // then a line break), the address, the end
    const letters = Array.from({ length: 30 }, () => 'a');
    const before = [...randomTexts([...letters, '1', ' ', '<'], 3_000, 450, 2), ...randomTexts([...letters, '1', '\r', '\u2028'], 500, 450, 5)];
    const address = randomTexts(['a', '@', 'a', 'a', '@', '<'], before.length, 5, 3);
    const end = randomTexts([' ', ':', ':', '\r'], before.length, 3, 4);
    const reaches = [199, 200, 201].flatMap((n) => [`${'a'.repeat(n)}1<a@b>:`, `1${'a'.repeat(n)}<a@b>:`, `${'a'.repeat(n)}1${'a'.repeat(n)}<a@b> :`]);
    const texts = [...randomTexts(alphabet, 20_000, 20), ...before.map((b, i) => `${b}<${address[i]}>${end[i]}`), ...reaches];
    const attributions = texts.filter((line) => BY_PATTERN.test(line));
    expect(attributions.length).toBeGreaterThan(100);
    for (const line of texts) expect(isAttribution([line], 0)).toBe(BY_PATTERN.test(line));
  });

  it('reads a line of "1<a@a@…" at once, as not one', () => {
    expect(isAttribution([`1<${'a@'.repeat(9_990)}`], 0)).toBe(false);
    expect(isAttribution([`1 Dec 2026, Support <${'a@'.repeat(50)}b>:`], 0)).toBe(true);
  });
});

describe('plainText', () => {
  it('drops NUL and other control characters, keeps tabs and line breaks, replaces lone surrogates', () => {
    expect(plainText('a\u0000b\u0007c\td\r\ne\u007f\uD800f 😀')).toBe('abc\td\r\ne\uFFFDf 😀');
  });
});
