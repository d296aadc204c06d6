import { COMMON_PAGE_HEADERS } from '@support/platform';

/**
 * Headers for a caught mail's own HTML, served alone for the outbox's sandboxed frame. Mail HTML
 * is untrusted: the CSP `sandbox` (no allow-scripts, no allow-same-origin) keeps its scripts from
 * running even when the URL is opened directly, `default-src 'none'` keeps it from loading or
 * sending anything (no tracking pixels, no forms); only its inline styles and data: images show.
 * Framed by the outbox page of this origin only.
 */
export const MAIL_HTML_HEADERS: Record<string, string> = {
  ...COMMON_PAGE_HEADERS,
  'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
  'Cache-Control': 'no-store',
};
