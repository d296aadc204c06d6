import { html, keyPage, type SafeHtml } from '@support/platform';
import { supervisorMarkup } from './supervisor.page';
import { workListMarkup } from './work-list.page';

/**
 * The agents' page (GET /desk): static markup only, in the shell of the pages that sign in with a
 * key (libs/platform/src/http/key-page.ts). Everything that shows data is built by the page's
 * script (client/*.ts, bundled to /desk/app.js) with textContent, never innerHTML.
 */
export function deskPage(): SafeHtml {
  return keyPage({
    heading: 'Agent desk',
    base: '/desk',
    keyLabel: 'Agent key',
    keyId: 'agent-key',
    keyHint: 'The key an administrator gave you. It stays in this browser tab only, until you sign out or close the tab.',
    whoLabel: 'Signed in as',
    whoId: 'agent-name',
    body: html`  <div id="desk" class="layout" hidden>
    ${workListMarkup()}
    <div class="side">
      <section class="panel" aria-labelledby="queues-h">
        <h2 id="queues-h" data-i18n="queues.heading">Your queues</h2>
        <table id="queues" class="queues">
          <caption class="sr-only" data-i18n="queues.caption">Requests waiting, and being worked, in each of your teams' queues</caption>
          <thead><tr><th scope="col" data-i18n="queues.team">Team</th><th scope="col" class="num" data-i18n="queues.waiting">Waiting</th><th scope="col" class="num" data-i18n="queues.active">Being worked</th></tr></thead>
          <tbody></tbody>
        </table>
        <p id="returning" class="returning"></p>
        <div class="buttons">
          <button id="claim" type="button" class="primary" aria-keyshortcuts="c" data-i18n="queues.claim">Claim next request</button>
          <button id="refresh" type="button" data-i18n="queues.refresh">Refresh</button>
          <button id="keys" type="button" aria-keyshortcuts="?" aria-haspopup="dialog" data-i18n="keys.button">Keyboard shortcuts</button>
        </div>
        <p id="refreshed" class="hint"></p>
      </section>
      <section class="panel" aria-labelledby="mine-h">
        <h2 id="mine-h" data-i18n="mine.heading">My requests</h2>
        <ul id="mine" class="mine"></ul>
      </section>
    </div>

    <section id="work" class="panel work" aria-labelledby="work-h">
      <h2 id="work-h" tabindex="-1">No request open</h2>
      <p id="work-empty" class="hint" data-i18n="work.empty">Claim the next request, or open one of yours.</p>
      <div id="request" hidden>
        <p id="req-meta" class="meta"></p>
        <div id="lease" class="lease" aria-live="polite"></div>
        <div id="details"></div>
        <section id="customer" class="customer" aria-labelledby="customer-h">
          <h3 id="customer-h" data-i18n="customer.heading">Customer</h3>
          <div id="customer-body" aria-live="polite"></div>
        </section>

        <section class="act" aria-labelledby="act-h">
          <h3 id="act-h" data-i18n="work.heading">Work on it</h3>
          <p id="act-note" class="hint"></p>
          <form id="reply-form" novalidate>
            <label for="reply-suggestion" data-i18n="suggest.label">Start from a suggested reply</label>
            <select id="reply-suggestion" aria-describedby="reply-suggestion-hint"></select>
            <p id="reply-suggestion-hint" class="hint" data-i18n="suggest.hint">The rules' text for the request's clause, the self-service pointers (rule 2.1) and the macros for its language. Picking one replaces the message; edit it before sending.</p>
            <label for="reply-body" data-i18n="work.message">Message to the customer</label>
            <textarea id="reply-body" name="body" rows="5" required aria-keyshortcuts="r Control+Enter"></textarea>
            <div class="buttons">
              <button type="submit" value="answer" class="primary" data-i18n="work.send">Send reply</button>
              <button id="ask-info" type="submit" value="information-request" data-i18n="work.askInfo">Ask for information</button>
              <button type="submit" value="diagnostic-utility" data-i18n="work.askUtility">Ask to run a diagnostic utility</button>
            </div>
            <p class="hint" data-i18n="work.waitHint">Asking for information, or to run a diagnostic utility, sends the message and waits for the customer (status awaiting-customer; rules [cooperation], [utilities]).</p>
          </form>
          <form id="resolve-form" novalidate>
            <label for="resolve-summary" data-i18n="work.summary">Resolution summary</label>
            <textarea id="resolve-summary" name="summary" rows="3" required aria-keyshortcuts="s Control+Enter"></textarea>
            <div class="buttons">
              <button type="submit" class="primary" data-i18n="work.resolve">Resolve</button>
              <button id="release" type="button" data-i18n="work.release">Release to the team queue</button>
            </div>
          </form>
        </section>

        <section class="act triage" aria-labelledby="triage-h">
          <h3 id="triage-h" data-i18n="triage.heading">Triage</h3>
          <p id="triage-note" class="hint"></p>
          <form id="note-form" novalidate>
            <label for="note-body" data-i18n="triage.note">Internal note</label>
            <textarea id="note-body" name="body" rows="2" required aria-describedby="note-hint" aria-keyshortcuts="i Control+Enter"></textarea>
            <p id="note-hint" class="hint" data-i18n="triage.noteHint">For agents only: never shown to the customer nor sent in any mail.</p>
            <div class="buttons"><button type="submit" data-i18n="triage.addNote">Add internal note</button></div>
          </form>
          <h4 id="notes-h" data-i18n="triage.notes">Internal notes</h4>
          <ul id="notes" class="notes" aria-labelledby="notes-h"></ul>
          <form id="transfer-form" novalidate>
            <label for="transfer-team" data-i18n="triage.team">Transfer to team</label>
            <select id="transfer-team" name="team" required></select>
            <label for="transfer-reason" data-i18n="triage.transferReason">Reason for the transfer</label>
            <input id="transfer-reason" name="reason" type="text" maxlength="1000" required>
            <div class="buttons"><button type="submit" data-i18n="triage.transfer">Transfer</button></div>
          </form>
          <form id="reclassify-form" novalidate>
            <label for="reclassify-clause" data-i18n="triage.clause">Reclassify to clause</label>
            <select id="reclassify-clause" name="clause" required></select>
            <label for="reclassify-reason" data-i18n="triage.reclassifyReason">Reason for the new clause</label>
            <input id="reclassify-reason" name="reason" type="text" maxlength="1000" required>
            <div class="buttons"><button type="submit" data-i18n="triage.reclassify">Reclassify</button></div>
          </form>
        </section>
      </div>
    </section>
    ${supervisorMarkup()}
  </div>

  <dialog id="keys-help" class="keys-help" aria-labelledby="keys-h">
    <h2 id="keys-h" data-i18n="keys.title">Keyboard shortcuts</h2>
    <dl class="keys">
      <dt><kbd>c</kbd></dt><dd data-i18n="keys.claim">Claim the next request</dd>
      <dt><kbd>r</kbd></dt><dd data-i18n="keys.reply">Write a reply to the customer</dd>
      <dt><kbd>s</kbd></dt><dd data-i18n="keys.resolve">Write the resolution summary</dd>
      <dt><kbd>n</kbd></dt><dd data-i18n="keys.next">Open the next of my requests</dd>
      <dt><kbd>i</kbd></dt><dd data-i18n="keys.note">Write an internal note</dd>
      <dt><kbd>/</kbd></dt><dd data-i18n="keys.search">Search the work list</dd>
      <dt><kbd>j</kbd> / <kbd>k</kbd></dt><dd data-i18n="keys.rows">Next / previous request of the work list (the arrow keys too, inside the list)</dd>
      <dt><kbd>Ctrl</kbd> + <kbd>Enter</kbd></dt><dd data-i18n="keys.send">Send (reply, resolution or note) from its text box</dd>
      <dt><kbd>?</kbd></dt><dd data-i18n="keys.help">Show this list</dd>
      <dt><kbd>Esc</kbd></dt><dd data-i18n="keys.escape">Close this list</dd>
    </dl>
    <label class="check"><input id="keys-on" type="checkbox" checked> <span data-i18n="keys.singleKeys">Single-key shortcuts (c, r, s, n, i, /, j, k, ?)</span></label>
    <div class="buttons"><button id="keys-close" type="button" class="primary" data-i18n="keys.close">Close</button></div>
  </dialog>
`,
  });
}
