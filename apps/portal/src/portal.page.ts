import { html, keyPage, type SafeHtml } from '@support/platform';

/**
 * The company portal (GET /portal): static markup only, in the shell of the pages that sign in with
 * a key, like the desk (libs/platform/src/http/key-page.ts). The script (client/*.ts, bundled to
 * /portal/app.js) fills it from the /v1 API with textContent, never innerHTML.
 */
export function portalPage(): SafeHtml {
  return keyPage({
    heading: 'Company portal',
    base: '/portal',
    keyLabel: 'Company key',
    keyId: 'company-key',
    keyHint: 'The portal key your support provider issued to your company. It stays in this browser tab only, until you sign out or close the tab.',
    whoLabel: 'Signed in for',
    whoId: 'company-name',
    body: html`  <div id="portal" class="portal" hidden>
    <section class="panel" aria-labelledby="requests-h">
      <h2 id="requests-h">Your requests</h2>
      <p class="hint">Your company's support requests, newest first: those whose licence the licence check confirmed as your company's (rule 2.4).</p>
      <ul id="requests" class="requests"></ul>
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
`,
  });
}
