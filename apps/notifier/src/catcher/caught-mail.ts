import type { HeaderLines, ParsedMail } from 'mailparser';

/** One mail the catcher received over SMTP, parsed (mailparser), as the outbox page and tests read it. */
export interface CaughtMail {
  /** The catcher's own id (increasing; not the Message-ID). */
  id: string;
  receivedAt: string;
  /** The SMTP envelope: MAIL FROM and every RCPT TO (Bcc recipients show only here). */
  envelope: { from: string | null; to: string[] };
  from: string;
  to: string;
  cc: string;
  replyTo: string | null;
  subject: string;
  /** The Date header, ISO-8601, or null when missing or unreadable. */
  date: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  listUnsubscribe: string | null;
  /** Every header as sent, in order, unfolded: [name, value]. */
  headers: [string, string][];
  text: string | null;
  html: string | null;
  /** Bytes of the raw message. */
  size: number;
}

/** Header lines as [name, value], unfolded (continuation lines joined by one space). */
function headerPairs(lines: HeaderLines): [string, string][] {
  return lines.map(({ line }) => {
    const colon = line.indexOf(':');
    return [
      line.slice(0, colon).trim(),
      line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    ];
  });
}

const addresses = (value: ParsedMail['to']): string => (Array.isArray(value) ? value.map((a) => a.text).join(', ') : (value?.text ?? ''));

/** The catcher's record of a parsed message. */
export function toCaughtMail(id: string, parsed: ParsedMail, envelope: CaughtMail['envelope'], size: number, receivedAt = new Date()): CaughtMail {
  const headers = headerPairs(parsed.headerLines);
  const header = (name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;
  const references = parsed.references === undefined ? [] : Array.isArray(parsed.references) ? parsed.references : [parsed.references];
  return {
    id,
    receivedAt: receivedAt.toISOString(),
    envelope,
    from: parsed.from?.text ?? '',
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    replyTo: parsed.replyTo?.text ?? null,
    subject: parsed.subject ?? '',
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references,
    listUnsubscribe: header('list-unsubscribe'),
    headers,
    text: parsed.text ?? null,
    // mailparser gives `false` when there is no HTML part.
    html: typeof parsed.html === 'string' ? parsed.html : null,
    size,
  };
}
