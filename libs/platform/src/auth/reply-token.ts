import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of a per-request reply address (`support+<token>@MAIL_DOMAIN`), pure: no Nest, no clock.
 *
 * 35 bytes, written as 56 characters of lowercase base32 (RFC 4648 alphabet, no padding), so that
 * `support+` and the token stay within the 64 characters RFC 5321 allows a local part, and a mail
 * system that changes the case changes nothing (it is read lowercased). 280 bits are exactly 56
 * characters: every string of the right shape decodes to one byte string, there is no second
 * spelling of a token.
 *
 *   version (1) | request id (16: the 32 hex digits of req_<hex>) | expiry day (2: days since 1970, UTC) | sender tag (6) | tag (10)
 *
 * sender tag = HMAC(key, "b" | version | id | day | sender), 48 bits, binds the customer's address:
 * a reply address that leaked (a forwarded mail) does not work from another mailbox. The From of a
 * mail can be forged anyway, so this binding is a filter, not authentication; 48 bits is far beyond
 * what guessing over SMTP could reach.
 * tag = HMAC(key, "a" | everything before it), 80 bits: a forged or changed token is a blind guess.
 * Two tags tell a wrong sender apart from a forged token.
 */
export const REPLY_TOKEN_LENGTH = 56;
const VERSION = 1;
const BYTES = 35;
const ID_BYTES = 16;
const TAG = 10;
const SENDER_TAG = 6;
const DAY_MS = 24 * 3600_000;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const TOKEN_SHAPE = new RegExp(`^[a-z2-7]{${REPLY_TOKEN_LENGTH}}$`);
const REQUEST_ID = /^req_([0-9a-f]{32})$/;

export type ReplyTokenCheck = { ok: true; requestId: string } | { ok: false; reason: 'invalid' | 'expired' | 'sender-mismatch' };

/** How addresses are compared: case-insensitively, without surrounding blanks or angle brackets. */
export const normaliseAddress = (address: string): string =>
  address
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();

const base32 = (bytes: Buffer): string => {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
};

const fromBase32 = (text: string): Buffer => {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = (value << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return Buffer.from(out);
};

const mac = (key: Buffer, parts: (string | Buffer)[], length: number): Buffer => {
  const h = createHmac('sha256', key);
  for (const part of parts) h.update(part);
  return h.digest().subarray(0, length);
};

/** The token for a request id of the shape `req_<32 hex>`, expiring at the end of `expiresAt`'s UTC day (so a day's mails share one address). */
export function makeReplyToken(key: Buffer, requestId: string, sender: string, expiresAt: Date): string {
  const hex = REQUEST_ID.exec(requestId)?.[1];
  if (!hex) throw new Error(`a reply address needs a request id of the form req_<32 hex digits> (got ${JSON.stringify(requestId.slice(0, 40))})`);
  const day = Math.ceil(expiresAt.getTime() / DAY_MS);
  if (!(day > 0 && day < 65536)) throw new Error('a reply address expiry must fall between 1970 and 2149');
  const body = Buffer.alloc(1 + ID_BYTES + 2);
  body.writeUInt8(VERSION, 0);
  Buffer.from(hex, 'hex').copy(body, 1);
  body.writeUInt16BE(day, 1 + ID_BYTES);
  const signed = Buffer.concat([body, mac(key, ['b', body, normaliseAddress(sender)], SENDER_TAG)]);
  return base32(Buffer.concat([signed, mac(key, ['a', signed], TAG)]));
}

/**
 * Checks a token (any case) against the keys, current first, and the sender as of `now`. A token
 * that no key made is `invalid` whatever else is wrong with it; an authentic one is `expired` from
 * its expiry day on, then `sender-mismatch` when the sender is not the address it was made for.
 */
export function checkReplyToken(keys: readonly Buffer[], token: string, sender: string, now: Date): ReplyTokenCheck {
  const text = token.toLowerCase();
  if (!TOKEN_SHAPE.test(text)) return { ok: false, reason: 'invalid' };
  const bytes = fromBase32(text);
  if (bytes.length !== BYTES || bytes[0] !== VERSION) return { ok: false, reason: 'invalid' };
  const signed = bytes.subarray(0, BYTES - TAG);
  const key = keys.find((k) => timingSafeEqual(mac(k, ['a', signed], TAG), bytes.subarray(BYTES - TAG)));
  if (!key) return { ok: false, reason: 'invalid' };
  const body = signed.subarray(0, 1 + ID_BYTES + 2);
  if (now.getTime() >= body.readUInt16BE(1 + ID_BYTES) * DAY_MS) return { ok: false, reason: 'expired' };
  if (!timingSafeEqual(mac(key, ['b', body, normaliseAddress(sender)], SENDER_TAG), signed.subarray(body.length))) return { ok: false, reason: 'sender-mismatch' };
  return { ok: true, requestId: `req_${body.subarray(1, 1 + ID_BYTES).toString('hex')}` };
}
