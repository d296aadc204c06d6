import { contentSecurityPolicy } from '@support/platform';

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

export { layout } from '@support/platform';
