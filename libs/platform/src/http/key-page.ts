import { html, type SafeHtml } from './html';

export interface KeyPageParts {
  /** The h1 and the title's first part, e.g. "Agent desk". */
  heading: string;
  /** Where the page's bundle is served: `${base}/app.js` and `${base}/app.css`, e.g. "/desk". */
  base: string;
  /** The key's label and the id of its input, e.g. "Agent key", "agent-key". */
  keyLabel: string;
  keyId: string;
  keyHint: string;
  /** The words before the signed-in name and the id of the element holding it, e.g. "Signed in as", "agent-name". */
  whoLabel: string;
  whoId: string;
  /** What shows once signed in (hidden until then by the page's script). */
  body: SafeHtml;
}

/**
 * The shell of a page that signs in with a key in the browser (the desk, the portal): static
 * markup with a skip link, a header bar with who is signed in, the live regions for status and
 * alerts, and the sign-in form. The page's script (`${base}/app.js`) fills it from the /v1 API with
 * textContent; script and styles are same-origin files, so the policy needs no 'unsafe-inline'.
 */
export function keyPage(p: KeyPageParts): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${p.heading} · Support</title>
<link rel="stylesheet" href="${p.base}/app.css">
<script src="${p.base}/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="bar">
  <h1>${p.heading}</h1>
  <div id="who" class="who" hidden>
    <span>${p.whoLabel} <strong id="${p.whoId}"></strong></span>
    <button id="sign-out" type="button" class="quiet">Sign out</button>
  </div>
</header>
<div class="messages">
  <p id="status" class="status" role="status" aria-live="polite"></p>
  <p id="alert" class="alert" role="alert" aria-live="assertive" hidden></p>
</div>
<main id="main" tabindex="-1">
  <section id="signin" class="panel signin" aria-labelledby="signin-h">
    <h2 id="signin-h">Sign in</h2>
    <form id="signin-form" novalidate>
      <label for="${p.keyId}">${p.keyLabel}</label>
      <input id="${p.keyId}" name="key" type="password" autocomplete="off" spellcheck="false" required aria-describedby="key-hint">
      <p id="key-hint" class="hint">${p.keyHint}</p>
      <button type="submit" class="primary">Sign in</button>
    </form>
    <noscript><p class="alert">This page needs JavaScript.</p></noscript>
  </section>

${p.body}
</main>
</body>
</html>
`;
}
