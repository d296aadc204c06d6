import { csatReportPage, messagePage, surveyFormPage } from '.';

const TEXTS = { title: 'How did we do?', intro: 'About "<b>your</b>" request', typeLegend: 'Type', scoreLegend: 'Score', scoreLow: 'bad', scoreHigh: 'great', commentLabel: 'Comment', submit: 'Send' };
const TYPES = [{ id: 'speed', labels: { en: 'Speed & <i>care</i>', lv: 'Ātrums', ru: 'Скорость' } }];

describe('survey pages', () => {
  it('render the form with every value escaped, no script and no inline style', () => {
    const page = surveyFormPage('en', 'tok/en', TEXTS, TYPES as never, 'Pick <one>');
    expect(page).toContain('<p>About &quot;&lt;b&gt;your&lt;/b&gt;&quot; request</p>');
    expect(page).toContain('value="speed" required> Speed &amp; &lt;i&gt;care&lt;/i&gt;</label>');
    expect(page).toContain('<p class="error" role="alert">Pick &lt;one&gt;</p>');
    expect(page).toContain('action="/surveys/tok%2Fen"');
    expect(page).toContain('<link rel="stylesheet" href="/surveys/assets/survey.css">');
    expect(page).not.toMatch(/<script|<style|style=/);
    expect(messagePage('lv', 'Paldies', '<ok>')).toContain('<p role="status">&lt;ok&gt;</p>');
  });

  it('load the CSAT report script from its own file', () => {
    const page = csatReportPage();
    expect(page).toContain('<script src="/reports/csat/app.js" defer></script>');
    expect(page).not.toMatch(/<script>|<script(?![^>]*\bsrc=)|<style|style=/);
  });
});
