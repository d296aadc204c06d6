import type { FeedbackType, SurveyLanguage } from '@support/domain';
import { html } from '@support/platform';
import { ASSETS, layout } from './layout';

export interface FormTexts {
  title: string;
  intro: string;
  typeLegend: string;
  scoreLegend: string;
  scoreLow: string;
  scoreHigh: string;
  commentLabel: string;
  submit: string;
}

/**
 * The survey form (rule 7.1): feedback type, a 1–5 score and a comment, in the customer's
 * language. Plain HTML that posts to /surveys/:token (no script needed); every value is escaped;
 * radio groups are fieldsets with legends, every control has a label, all of it keyboard-usable.
 */
export function surveyFormPage(lang: SurveyLanguage, token: string, texts: FormTexts, types: FeedbackType[], error?: string): string {
  const typeChoices = types.map((t, i) => html`${i > 0 && '\n'}<label class="choice"><input type="radio" name="feedbackType" value="${t.id}" required> ${t.labels[lang]}</label>`);
  const scores = [1, 2, 3, 4, 5].map(
    (n) =>
      html`${n > 1 && '\n'}<label><input type="radio" name="score" value="${n}" required> ${n}${n === 1 ? html` <span class="hint">(${texts.scoreLow})</span>` : n === 5 ? html` <span class="hint">(${texts.scoreHigh})</span>` : ''}</label>`,
  );
  return layout(
    lang,
    texts.title,
    html`
<h1>${texts.title}</h1>
<p>${texts.intro}</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/surveys/${encodeURIComponent(token)}">
  <fieldset><legend>${texts.typeLegend}</legend>
${typeChoices}
  </fieldset>
  <fieldset><legend>${texts.scoreLegend}</legend>
  <div class="scores">
${scores}
  </div>
  </fieldset>
  <p><label class="block" for="comment">${texts.commentLabel}</label>
  <textarea id="comment" name="comment" maxlength="2000"></textarea></p>
  <button type="submit">${texts.submit}</button>
</form>`,
    { css: ASSETS.surveyCss },
  );
}
