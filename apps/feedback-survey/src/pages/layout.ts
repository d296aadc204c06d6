import { contentSecurityPolicy, html, type SafeHtml } from '@support/platform';

/** Where the survey pages' bundled assets are served (page-assets.controller.ts). */
export const ASSETS = {
  surveyCss: '/surveys/assets/survey.css',
  csatCss: '/reports/csat/app.css',
  csatJs: '/reports/csat/app.js',
} as const;

/** The survey form and its message pages: no script at all (the form works without it), styles from this origin, posts to this origin. */
export const SURVEY_PAGE_CSP = contentSecurityPolicy({ 'style-src': "'self'", 'img-src': "'self'", 'form-action': "'self'" });

/** The CSAT report: its script and styles from this origin, API calls to this origin only, nothing inline. */
export const CSAT_PAGE_CSP = contentSecurityPolicy({
  'script-src': "'self'",
  'style-src': "'self'",
  'connect-src': "'self'",
  'img-src': "'self'",
  'form-action': "'none'",
});

/** The document around a page's main content, with its stylesheet and (deferred) script. */
export function layout(lang: string, title: string, body: SafeHtml, assets: { css: string; js?: string }): string {
  return html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="${assets.css}">${assets.js && html`<script src="${assets.js}" defer></script>`}</head>
<body><main>${body}</main></body></html>`.value;
}
