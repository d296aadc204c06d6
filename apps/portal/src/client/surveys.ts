import { api, failure } from '@support/client/api';
import { $, clear, el } from '@support/client/dom';
import { fmtTime } from '@support/client/format';
import { say, warn } from '@support/client/messages';
import { state } from './state';
import type { PendingSurvey } from './types';

/**
 * The "Feedback" section (rule 7.2): the company's pending surveys (GET /v1/companies/:id/surveys),
 * each a form answered once with its token (POST /v1/surveys/:token).
 */

const SCORES = [
  [1, 'very dissatisfied'],
  [2, 'dissatisfied'],
  [3, 'neutral'],
  [4, 'satisfied'],
  [5, 'very satisfied'],
] as const;

function surveyForm(s: PendingSurvey, n: number): HTMLElement {
  const id = (name: string) => 'sv' + n + '-' + name;
  const about = s.subject ? 'Your request “' + s.subject + '”' : 'Our support over the last period';
  const form = el('form', { className: 'survey', novalidate: true, 'aria-labelledby': id('h') }, [
    el('h3', { id: id('h'), text: about }),
    el('p', { className: 'hint', text: 'Asked of ' + s.customerId + '; open until ' + fmtTime(s.expiresAt) + '.' }),
    el('fieldset', { className: 'scores' }, [
      el('legend', { text: 'How satisfied are you with the support? (1 to 5)' }),
      ...SCORES.map(([score, words]) =>
        el('label', { className: 'score' }, [
          el('input', { type: 'radio', name: 'score', value: String(score), required: true }),
          ' ' + score + ' ',
          el('span', { className: 'sr-only', text: words }),
        ]),
      ),
    ]),
    el('label', { for: id('type'), text: 'What is your feedback about?' }),
    el(
      'select',
      { id: id('type'), name: 'feedbackType', required: true, lang: s.language }, // the policy's labels come in the survey's language
      s.feedbackTypes.map((t) => el('option', { value: t.id, text: t.label })),
    ),
    el('label', { for: id('comment'), text: 'Comment (optional)' }),
    el('textarea', { id: id('comment'), name: 'comment', rows: '3', maxlength: '2000' }),
    el('div', { className: 'buttons' }, [el('button', { type: 'submit', className: 'primary', text: 'Send feedback' })]),
  ]);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void send(form, s);
  });
  return form;
}

async function send(form: HTMLFormElement, s: PendingSurvey): Promise<void> {
  const data = new FormData(form);
  const score = Number(data.get('score'));
  if (!score) {
    warn('Choose a score from 1 to 5 first.');
    form.querySelector<HTMLInputElement>('input[name=score]')?.focus();
    return;
  }
  const comment = String(data.get('comment') || '').trim();
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]') as HTMLButtonElement;
  button.disabled = true;
  try {
    await api('POST', '/v1/surveys/' + encodeURIComponent(s.token), { score, feedbackType: String(data.get('feedbackType')), ...(comment ? { comment } : {}) });
    say('Thank you: your feedback was sent.');
    await loadSurveys();
  } catch (err) {
    button.disabled = false;
    warn('Could not send the feedback: ' + failure(err).message);
  }
}

export async function loadSurveys(): Promise<void> {
  const company = state.company;
  if (!company) return;
  const res = await api<{ items: PendingSurvey[] }>('GET', '/v1/companies/' + encodeURIComponent(company.id) + '/surveys');
  const box = clear($('surveys'));
  if (!res.data.items.length) box.appendChild(el('p', { className: 'hint', text: 'No feedback asked of you right now. Thank you!' }));
  res.data.items.forEach((s, n) => box.appendChild(surveyForm(s, n)));
}
