/**
 * A form's facts about the sender, the machine and the ticket ("OS: Windows 10 Pro", "Phone: …", "Priority: Normal"), and
 * the short answers under a form's heading that names one ("### Version" / "4.2.0"): for the agent, not the problem.
 */
import { VERDICT } from './verdict';

/**
 * A form's field with a short value ("OS: Windows 10 Pro", "Version: 21.3", "License: ABCDE-…", "Attached: report.zip"):
 * facts for the agent, not the problem, and "License:" or "OS:" read as a licence or an operating-system question.
 * A value that says something ("Licence key: ABCD-1234 is not accepted") is the customer's words.
 */
const FIELD_NAME =
  '(?:app |product |os |browser |contact |контактный |контактная )?(?:product|version|build|os|operating system|platform|browser|device|licen[cs]e(?: key)?|key|attached|attachments?|' +
  // a contact form's and a forum post's facts about the sender and the machine (the security software in use is a fact, like the product)
  'name|full name|first name|last name|surname|e-?mail|email address|phone|telephone|country|company|organi[sz]ation|cpu|processor|gpu|graphics(?: card)?|ram|memory|av|anti-?virus|security software|' +
  // a helpdesk's own fields, when a ticket is exported or forwarded
  'ticket|case|priority|status|requester|category|type|assignee|environment|system info(?:rmation)?|specs|' +
  'инициатор|заявитель|подразделение|отдел|категория|приоритет|статус|исполнитель|контактное лицо|' +
  'продукт|версия|ос|операционная система|лицензия|ключ|вложени[ея]|имя|фамилия|отчество|фио|инн(?: организации)?|e-?mail|эл\\. почта|электронная почта|телефон|страна|компания|организация|' +
  'produkts|versija|licence|pielikum[si]|vārds|tālrunis|valsts|uzņēmums|toode|versioon|litsents|manus(?:ed)?|nimi|telefon|riik|ettevõte|' +
  'produktas|licencija|priedai|vardas|telefonas|šalis|įmonė)';
/** (the name may be bold or italic: "**Version**: 21.3", "**OS:** Windows 11") */
const FIELD = new RegExp(`^\\s*(?:[-*]\\s*)?(?:\\*\\*|__|\\*|_)?${FIELD_NAME}(?:\\*\\*|__|\\*|_)?\\s*:\\s*(?:\\*\\*|__)?\\s*([^?]{0,40})$`, 'iu');
const FIELD_VALUE_WORDS_MAX = 4;
const SAYS_SOMETHING = /(?:^|\s)(?:not|no|never|expired|не|нет|ne|nav|ei|neveikia|nedarbojas)(?=\s|$)/iu;
const isOneField = (line: string): boolean => {
  const value = FIELD.exec(line)?.[1];
  return value !== undefined && value.trim().split(/\s+/).length <= FIELD_VALUE_WORDS_MAX && !SAYS_SOMETHING.test(value) && !VERDICT.test(value);
};
/** A helpdesk's reference ("Ticket #48213", "Обращение №48213"), perhaps with its date ("Заявка № 00045123 от 02.03.2026"). */
const REFERENCE = /^\s*(?:ticket|case|request|issue|обращение|заявка|запрос|pieteikums|pöördumine|užklausa)\s*(?:#|№|no\.?|nr\.?)\s*\d+(?:\s+(?:от|of|from|no|nuo)\s+[\d./-]{6,10})?\s*$/iu;
/** One field, or several on a line between bars ("Ticket #48213 | Priority: Normal | Status: New"). */
export const isField = (line: string): boolean => {
  if (!line.includes('|')) return isOneField(line) || REFERENCE.test(line);
  return line.split('|').every((part) => REFERENCE.test(part) || isOneField(part));
};
/** A word after a field's name that makes the heading a topic ("Licence problem"), not a field ("Версия программы"). */
const PROBLEM_WORD = '(?:problem|issue|error|bug|question|fail|проблем|ошибк|вопрос|сбо|problēm|kļūd|probleem|viga|problem|klaid)';
const FIELD_LABEL = new RegExp(`^(?:your |the )?(?:[\\p{L}\\d.-]+ )?${FIELD_NAME}(?:s| versions?| numbers?| used| (?!${PROBLEM_WORD})[\\p{L}\\d.-]+)?$`, 'iu');
const FIELD_QUESTION = new RegExp(`^(?:what|which|on which)\\s(?:.*\\s)?${FIELD_NAME}s?(?:\\s|$)`, 'iu');
/** A form's heading over a fact, not the story: "### Version", "### Версия программы", "### What browsers are you seeing the problem on?". */
export const isFieldHeading = (label: string): boolean => {
  const l = label.replace(/[?:\s]+$/u, '');
  return FIELD_LABEL.test(l) || (/\?$/.test(label) && FIELD_QUESTION.test(l));
};
/** Such an answer: a value or a short list ("Windows 11", "4.2.0 (Default)", "Chrome, Firefox"), or a longer one of versions and sizes ("- Windows 10 Pro 22H2 (19045.4046), 16 GB RAM"), not a sentence. */
const FIELD_ANSWER_WORDS_MAX = 6;
const FIELD_ANSWER_WITH_NUMBERS_WORDS_MAX = 12;
export const isFieldAnswer = (line: string): boolean => {
  const t = line.trim();
  const words = t.split(/\s+/).length;
  const short = words <= FIELD_ANSWER_WORDS_MAX || (words <= FIELD_ANSWER_WITH_NUMBERS_WORDS_MAX && /\d/.test(t));
  return short && !/[.!?]$/.test(t) && !SAYS_SOMETHING.test(t);
};
