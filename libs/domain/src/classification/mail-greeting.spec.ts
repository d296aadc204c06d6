import { withoutGreeting } from './mail-greeting';

describe('withoutGreeting: the greeting a message opens with', () => {
  it.each([
    ['Hello support team,\n\nMy key is refused.', 'My key is refused.'],
    ['Dear Sir or Madam,\nMy key is refused.', 'My key is refused.'],
    ['Hi!\nMy key is refused.', 'My key is refused.'],
    ['Здравствуйте.\n\nКлюч не принимается.', 'Ключ не принимается.'],
    ['Добрый день!\nКлюч не принимается.', 'Ключ не принимается.'],
    ['Labdien!\nAtslēga netiek pieņemta.', 'Atslēga netiek pieņemta.'],
    ['Tere,\nVõti ei sobi.', 'Võti ei sobi.'],
    ['Laba diena,\nRaktas netinka.', 'Raktas netinka.'],
  ])('drops it: %j', (text, words) => {
    expect(withoutGreeting(text)).toBe(words);
  });

  it.each([
    ['a greeting that announces the problems', 'Hello, I have two problems:\n1. the scan hangs\n2. my key is refused'],
    ['a greeting and the story on one line', 'Hi, the scan hangs at 80 % every time.'],
    ['Russian, announcing', 'Здравствуйте, у меня две проблемы:\nсканирование зависает'],
    ['nothing but a greeting', 'Hello,'],
    ['a sentence that starts like one', 'Hey, why does the scanner delete my files?'],
  ])('keeps %s', (_, text) => {
    expect(withoutGreeting(text)).toBe(text);
  });
});
