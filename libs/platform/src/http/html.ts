/**
 * Server-rendered pages are typed TypeScript template functions built with the `html` tag below
 * rather than a template engine: the compiler checks every value a page takes, there are no
 * template files to find at run time (from dist/ or, under ts-jest, from source), and one helper
 * does all the escaping. Every `${value}` is escaped unless it is itself the result of `html`, so
 * user data can only reach a page as text.
 */

/** Markup that is safe to insert as it is: only `html` (and `trustedHtml` for constants) make one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

/** Escapes text for HTML element content and attribute values (quoted with " or '). */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c] as string);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/**
 * Tagged template for markup: interpolated strings and numbers are escaped; `html` results and
 * arrays of them go in as they are; null, undefined and false render nothing (for `${cond && html`…`}`).
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}
