/**
 * The survey app's server-rendered pages: typed template functions on the one escaping `html`
 * tag (libs/platform/src/http/html.ts); browser code and styles in client/, bundled by esbuild.
 */
export { csatReportPage } from './csat-report.page';
export { ASSETS, CSAT_PAGE_CSP, SURVEY_PAGE_CSP } from './layout';
export { messagePage } from './message.page';
export { PageAssetsController } from './page-assets.controller';
export { type FormTexts, surveyFormPage } from './survey-form.page';
export { unsubscribePage } from './unsubscribe.page';
