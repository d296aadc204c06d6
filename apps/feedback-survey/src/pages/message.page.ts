import { html } from '@support/platform';
import { ASSETS, layout } from './layout';

/** A one-message page: thanks, expired, already answered, not valid. */
export function messagePage(lang: string, title: string, message: string): string {
  return layout(lang, title, html`<h1>${title}</h1>\n<p role="status">${message}</p>`, { css: ASSETS.surveyCss });
}
