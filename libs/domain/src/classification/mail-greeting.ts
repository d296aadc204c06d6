/**
 * The greeting a mail or a form message opens with ("Hello support team,", "Здравствуйте.", "Labdien!"): not the
 * request, and on a short message it weighs as much as the words that decide.
 */
const GREETING = new RegExp(
  '^\\s*(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening|day)|' +
    'здравствуйте|здравствуй|добрый (?:день|вечер)|доброе утро|доброго времени суток|привет|уважаемые?|' +
    'labdien|sveiki|sveicināti|labrīt|tere|tere päevast|hea|laba diena|sveiki|labas|gerb\\p{L}*)' +
    // whom it greets: "support team", "Sir or Madam", a name; not what follows ("Hello, I have two problems:")
    "(?:[\\s,]+[\\p{L}.'-]+){0,4}[\\s,.!]*$",
  'iu',
);
const NOT_AN_ADDRESSEE =
  /(?:^|[\s,])(?:i|we|my|have|has|two|three|some|a|question|questions|problem|problems|issue|issues|у|меня|нас|есть|два|две|три|вопрос\p{L}*|проблем\p{L}*|man|mums|ir|divas|pāris|jautājum\p{L}*|problēm\p{L}*|mul|meil|on|kaks|küsimus\p{L}*|mure\p{L}*|turiu|turime|du|dvi|klausim\p{L}*|problem\p{L}*)(?=[\s,.!]|$)/iu;
const GREETING_LINE_MAX = 60;

const isGreeting = (line: string): boolean => line.length <= GREETING_LINE_MAX && GREETING.test(line) && !NOT_AN_ADDRESSEE.test(line);

/** The text without the greeting on its first written line (as written when that is all there is). */
export function withoutGreeting(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0 || !isGreeting(lines[first])) return text;
  const rest = lines
    .slice(first + 1)
    .join('\n')
    .trim();
  return /[\p{L}\p{N}]/u.test(rest) ? rest : text;
}
