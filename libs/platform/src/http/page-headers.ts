/**
 * Headers of the server-rendered pages and their same-origin assets. Pages load their script and
 * styles as files from this origin and run nothing inline, so each page's Content-Security-Policy
 * can be strict: `default-src 'none'` plus exactly what the page needs, never 'unsafe-inline'.
 */
export const COMMON_PAGE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export function contentSecurityPolicy(directives: Record<string, string>): string {
  return Object.entries({ 'default-src': "'none'", ...directives, 'base-uri': "'none'", 'frame-ancestors': "'none'" })
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Headers for an HTML page under the given policy (no framing, not cached). */
export function pageHeaders(csp: string): Record<string, string> {
  return { ...COMMON_PAGE_HEADERS, 'Content-Security-Policy': csp, 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' };
}

/** Headers for a page's script or stylesheet (revalidated, so a new build shows at once). */
export const ASSET_HEADERS: Record<string, string> = { ...COMMON_PAGE_HEADERS, 'Cache-Control': 'no-cache' };
