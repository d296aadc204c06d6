import { createHash } from 'node:crypto';

/**
 * The identity of a mail for idempotency: SHA-256 of its sender and Message-ID, so the same mail
 * sent again (a retry after a lost 250, a resend) is recognised, and nobody can suppress another
 * sender's mail by reusing its Message-ID; a mail without one is known by its bytes. Hashed: a
 * Message-ID may be longer than a key column and says nothing we need to keep.
 */
export function messageKey(sender: string, messageId: string | undefined, raw: Buffer): string {
  const id = messageId?.trim();
  const hash = createHash('sha256').update(`${sender.trim().toLowerCase()}\n`);
  return (id ? hash.update(`id:${id}`) : hash.update('raw:').update(raw)).digest('hex');
}

/** A reply's key on one request: a mail to two reply addresses is one reply on each. */
export const replyKey = (messageKey: string, requestId: string): string => createHash('sha256').update(`${messageKey}:${requestId}`).digest('hex');
