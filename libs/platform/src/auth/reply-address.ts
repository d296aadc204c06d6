import { Inject, Injectable } from '@nestjs/common';
import { SETTINGS, type Settings } from '../settings';
import { checkReplyToken, makeReplyToken, normaliseAddress, REPLY_TOKEN_LENGTH } from './reply-token';
import { TokenSigner } from './token-signer';

/** The local part of the support address; a reply address is `support+<token>`. */
export const SUPPORT_LOCAL_PART = 'support';
const KEY_LABEL = 'reply-address';

export type ReplyAddressCheck = { ok: true; requestId: string } | { ok: false; reason: 'not-a-reply-address' | 'invalid' | 'expired' | 'sender-mismatch' };

/** The support address of a mail domain: new submissions go here. */
export const supportAddress = (mailDomain: string): string => `${SUPPORT_LOCAL_PART}@${mailDomain}`;

/**
 * Per-request reply addresses (`Reply-To` of every mail to a customer, CONTRACT.md "Reaching
 * people"): `support+<token>@MAIL_DOMAIN`, the token carrying the request id and an expiry and
 * bound to the customer's address (reply-token.ts). Keys are derived from the token secrets
 * (TokenSigner: TOKEN_SECRET or the stored one, and TOKEN_SECRETS_PREVIOUS), so they rotate with
 * them: an address made under a previous secret still works until it expires.
 * An address lives CUSTOMER_TOKEN_TTL_MS from the mail that carried it, to the end of that UTC day.
 */
@Injectable()
export class ReplyAddresses {
  constructor(
    private readonly signer: TokenSigner,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** The reply address of a request for mail sent to `customerEmail` now. */
  addressFor(requestId: string, customerEmail: string, now = new Date()): string {
    const [key] = this.signer.derivedKeys(KEY_LABEL);
    const token = makeReplyToken(key, requestId, customerEmail, new Date(now.getTime() + this.settings.customerTokenTtlMs));
    return `${SUPPORT_LOCAL_PART}+${token}@${this.settings.mailDomain}`;
  }

  /** Whether `recipient` has the shape of a reply address of this domain (no signature checked): what the SMTP receiver accepts at RCPT time. */
  looksLikeReplyAddress(recipient: string): boolean {
    const token = this.tokenOf(recipient);
    return token !== null && token.length === REPLY_TOKEN_LENGTH && /^[a-z2-7]+$/.test(token);
  }

  /** Which request a mail from `sender` to `recipient` answers, or why it answers none. */
  verify(recipient: string, sender: string, now = new Date()): ReplyAddressCheck {
    const token = this.tokenOf(recipient);
    if (token === null) return { ok: false, reason: 'not-a-reply-address' };
    return checkReplyToken(this.signer.derivedKeys(KEY_LABEL), token, sender, now);
  }

  /** The token of `support+<token>@MAIL_DOMAIN` (lowercased), or null for any other address. */
  private tokenOf(recipient: string): string | null {
    const address = normaliseAddress(recipient);
    const at = address.lastIndexOf('@');
    if (at < 0 || address.slice(at + 1) !== this.settings.mailDomain) return null;
    const local = address.slice(0, at);
    const prefix = `${SUPPORT_LOCAL_PART}+`;
    return local.startsWith(prefix) ? local.slice(prefix.length) : null;
  }
}
