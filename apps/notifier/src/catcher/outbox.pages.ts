import { html, layout, type SafeHtml } from '@support/platform';
import type { CaughtMail } from './caught-mail';

/** Where the outbox pages are (outbox.controller.ts). */
export const OUTBOX = {
  list: '/admin/outbox',
  mail: (id: string) => `/admin/outbox/${encodeURIComponent(id)}`,
  mailHtml: (id: string) => `/admin/outbox/${encodeURIComponent(id)}/html`,
  css: '/admin/outbox/assets/outbox.css',
} as const;

const when = (iso: string | null) => (iso ? html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time>` : '—');

/** GET /admin/outbox: the caught mails, newest first. No script: links and a table. */
export function outboxPage(mails: CaughtMail[], catcher: { port: number | null; capacity: number }): string {
  const rows = mails.map(
    (m) => html`<tr>
<td data-label="Received">${when(m.receivedAt)}</td><td data-label="To">${m.to || m.envelope.to.join(', ')}</td><td data-label="Subject"><a href="${OUTBOX.mail(m.id)}">${m.subject || '(no subject)'}</a></td><td data-label="From">${m.from}</td>
</tr>`,
  );
  const body = html`<h1>Outbox: the demo's caught mails</h1>
<p>Every mail the system sent to the local SMTP catcher${catcher.port === null ? ' (stopped)' : html` on port <code>${catcher.port}</code>`}, newest first: ${mails.length} caught. It keeps the last ${catcher.capacity} in memory, until the process stops. <a href="${OUTBOX.list}">Refresh</a></p>
${
  mails.length
    ? html`<div class="scroll"><table class="mails">
<caption class="sr-only">Caught mails, newest first</caption>
<thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">From</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`
    : html`<p role="status">No mail caught yet.</p>`
}`;
  return layout('en', 'Outbox · Support', body, { css: OUTBOX.css });
}

const field = (label: string, value: SafeHtml | string | null | undefined) => html`<dt>${label}</dt><dd>${value === null || value === undefined || value === '' ? '—' : value}</dd>`;

/**
 * GET /admin/outbox/:id: one mail. Its HTML part is shown in a sandboxed frame (no scripts, no
 * same-origin rights) loaded from a route of its own with its own strict policy (mail-html.ts);
 * the text part and the headers are shown as text.
 */
export function mailPage(m: CaughtMail): string {
  const body = html`<p><a href="${OUTBOX.list}">← All caught mails</a></p>
<h1>${m.subject || '(no subject)'}</h1>
<dl class="facts">
${field('From', m.from)}${field('To', m.to)}${field('Cc', m.cc)}${field('Reply-To', m.replyTo)}${field('Date', when(m.date))}${field('Received', when(m.receivedAt))}
${field('Message-ID', m.messageId)}${field('In-Reply-To', m.inReplyTo)}${field('References', m.references.join(' '))}${field('List-Unsubscribe', m.listUnsubscribe)}
${field('Envelope', `${m.envelope.from ?? '<>'} → ${m.envelope.to.join(', ')}`)}${field('Size', `${m.size} bytes`)}
</dl>
<section aria-labelledby="html-h"><h2 id="html-h">HTML part</h2>
${m.html !== null ? html`<iframe class="mail-html" title="The HTML part of the mail, rendered without its scripts" sandbox src="${OUTBOX.mailHtml(m.id)}"></iframe>` : html`<p>This mail has no HTML part.</p>`}
</section>
<section aria-labelledby="text-h"><h2 id="text-h">Text part</h2>
${m.text !== null ? html`<pre class="text">${m.text}</pre>` : html`<p>This mail has no text part.</p>`}
</section>
<section aria-labelledby="headers-h"><h2 id="headers-h">Headers</h2>
<div class="scroll"><table class="headers"><caption class="sr-only">Every header as sent</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Value</th></tr></thead>
<tbody>${m.headers.map(([name, value]) => html`<tr><th scope="row">${name}</th><td>${value}</td></tr>`)}</tbody></table></div>
</section>`;
  return layout('en', `${m.subject || 'Mail'} · Outbox`, body, { css: OUTBOX.css });
}

/** The page for an id the catcher does not hold (any more). */
export function missingMailPage(id: string): string {
  return layout(
    'en',
    'Not found · Outbox',
    html`<h1>No such mail</h1><p role="status">The catcher holds no mail ${id} (only the last ones are kept, and none after a restart).</p><p><a href="${OUTBOX.list}">All caught mails</a></p>`,
    {
      css: OUTBOX.css,
    },
  );
}
