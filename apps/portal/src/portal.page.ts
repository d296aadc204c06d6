import { html, type SafeHtml } from '@support/platform';

/**
 * The company portal (GET /portal): static markup only, like the desk (apps/agent-desk/src/desk).
 * The script (client/*.ts, bundled to /portal/app.js) fills it from the /v1 API with textContent,
 * never innerHTML; script and styles are same-origin files, so the policy needs no 'unsafe-inline'.
 */
export function portalPage(): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Company portal · Support</title>
<link rel="stylesheet" href="/portal/app.css">
<script src="/portal/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="bar">
  <h1>Company portal</h1>
  <div id="who" class="who" hidden>
    <span>Signed in for <strong id="company-name"></strong></span>
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
      <label for="company-key">Company key</label>
      <input id="company-key" name="key" type="password" autocomplete="off" spellcheck="false" required aria-describedby="key-hint">
      <p id="key-hint" class="hint">The portal key your support provider issued to your company. It stays in this browser tab only, until you sign out or close the tab.</p>
      <button type="submit" class="primary">Sign in</button>
    </form>
    <noscript><p class="alert">This page needs JavaScript.</p></noscript>
  </section>

  <div id="portal" class="portal" hidden>
    <section class="panel" aria-labelledby="requests-h">
      <h2 id="requests-h">Your requests</h2>
      <p class="hint">Your company's support requests, newest first: those whose licence the licence check confirmed as your company's (rule 2.4).</p>
      <ul id="requests" class="requests" aria-live="polite"></ul>
      <div class="buttons">
        <button id="more" type="button" hidden>Show older requests</button>
        <button id="refresh" type="button">Refresh</button>
      </div>
    </section>

    <section id="work" class="panel work" aria-labelledby="request-h">
      <h2 id="request-h" tabindex="-1">No request open</h2>
      <p id="request-empty" class="hint">Open one of your requests to read the conversation and answer it.</p>
      <div id="request" hidden>
        <p id="req-meta" class="meta"></p>
        <div id="details"></div>
        <h3 id="conversation-h">Conversation</h3>
        <ol id="conversation" class="conversation" aria-labelledby="conversation-h"></ol>
        <form id="reply-form" novalidate>
          <label for="reply-body">Your answer</label>
          <textarea id="reply-body" name="body" rows="4" required aria-describedby="reply-hint"></textarea>
          <p id="reply-hint" class="hint"></p>
          <div class="buttons"><button id="reply-submit" type="submit" class="primary">Send answer</button></div>
        </form>
      </div>
    </section>

    <section class="panel" aria-labelledby="feedback-h">
      <h2 id="feedback-h">Feedback</h2>
      <p class="hint">Tell us how we did: feedback about support for business products is given here, in your company's portal (rule 7.2).</p>
      <div id="surveys"></div>
    </section>
  </div>
</main>
</body>
</html>
`;
}
