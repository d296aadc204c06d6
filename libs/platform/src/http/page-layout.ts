import { html, type SafeHtml } from './html';

/** The document around a server-rendered page's main content, with its stylesheet and (deferred) script from this origin. */
export function layout(lang: string, title: string, body: SafeHtml, assets: { css: string; js?: string }): string {
  return html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="${assets.css}">${assets.js && html`<script src="${assets.js}" defer></script>`}</head>
<body><main>${body}</main></body></html>`.value;
}
