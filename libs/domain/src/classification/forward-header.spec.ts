import { customerWords } from './customer-words';
import { withoutForwardHeaders } from './forward-header';

const FORWARDED = 'The scanner deletes my invoice.pdf every time I download it.';

describe('a forwarded mail: its header is not the request', () => {
  it.each([
    [
      'Gmail',
      `FYI\n\n---------- Forwarded message ---------\nFrom: John Smith <john@acme.example>\nDate: Mon, Mar 2, 2026 at 9:14 AM\nSubject: scanner problem\nTo: <it@acme.example>\n\n${FORWARDED}`,
    ],
    ['Apple Mail', `FYI\n\nBegin forwarded message:\n\nFrom: John Smith <john@acme.example>\nSubject: scanner problem\n\n${FORWARDED}`],
    ['Outlook', `FYI\n\n-----Original Message-----\nFrom: John Smith\nSent: Monday, March 2, 2026 9:14 AM\nTo: IT\nSubject: scanner problem\n\n${FORWARDED}`],
    ['Russian', `См. ниже\n\n---------- Пересылаемое сообщение ----------\nОт: Иван <ivan@example.ru>\nДата: 2 марта 2026 г.\nТема: сканер\n\n${FORWARDED}`],
  ])('%s: under a short note, the forwarded mail is read without its header', (_, text) => {
    const note = text.split('\n')[0];
    expect(
      withoutForwardHeaders(text)
        .split('\n')
        .filter((l) => l.trim()),
    ).toEqual([note, FORWARDED]);
    expect(customerWords(text)).toContain(FORWARDED);
  });

  it('under a note that tells the story, the forwarded mail is history and goes', () => {
    const note = 'Since the last update the scanner deletes every invoice we download, what can we do?';
    expect(customerWords(`${note}\n\n---------- Forwarded message ---------\nFrom: John <john@acme.example>\nDate: Mon, Mar 2, 2026\n\nSee attached.`)).toBe(note);
  });

  it('keeps a text without a forwarded mail as written', () => {
    expect(withoutForwardHeaders('From: the start the scan hangs.\nSubject: none')).toBe('From: the start the scan hangs.\nSubject: none');
  });
});
