import { createHash } from 'node:crypto';

/**
 * The identity of a mail for idempotency: SHA-256 of its Message-ID, so the same mail sent again
 * (a retry after a lost 250, a resend) is recognised; a mail without one is known by its bytes.
 * Hashed: a Message-ID may be longer than a key column and says nothing we need to keep.
 */
export function messageKey(messageId: string | undefined, raw: Buffer): string {
  const id = messageId?.trim();
  return createHash('sha256')
    .update(id ? `id:${id}` : 'raw:')
    .update(id ? '' : raw)
    .digest('hex');
}
