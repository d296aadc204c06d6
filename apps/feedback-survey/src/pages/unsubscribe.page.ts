import { html } from '@support/platform';
import { ASSETS, layout } from './layout';

/** "No more surveys?": a button, not an action on GET (mail scanners follow links; RFC 8058 asks for a POST). */
export function unsubscribePage(lang: string, token: string, texts: { title: string; ask: string; button: string }): string {
  return layout(
    lang,
    texts.title,
    html`
<h1>${texts.title}</h1>
<p>${texts.ask}</p>
<form method="post" action="/surveys/unsubscribe/${encodeURIComponent(token)}">
  <button type="submit">${texts.button}</button>
</form>`,
    { css: ASSETS.surveyCss },
  );
}
