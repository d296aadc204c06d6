import { settingsFromEnv } from '../settings';
import { ReplyAddresses } from './reply-address';
import { TokenSigner } from './token-signer';

const OLD = 'the-old-secret-that-signed-last-year-0123';
const CURRENT = 'the-current-secret-that-signs-now-456789';
const OTHER = 'an-installation-we-never-heard-about-xyz';
const DAY = 24 * 3600_000;
const NOW = new Date('2026-03-10T12:00:00.000Z');
const ID = 'req_0123456789abcdef0123456789abcdef';
const CUSTOMER = 'Anna.Berzina@Example.LV';

const addresses = (secret: string, previous: string[] = [], env: Record<string, string> = {}) => {
  const signer = new TokenSigner(null as never, settingsFromEnv({}));
  signer.useSecrets(secret, previous);
  return new ReplyAddresses(signer, settingsFromEnv({ MAIL_DOMAIN: 'help.example.com', CUSTOMER_TOKEN_TTL_MS: String(30 * DAY), ...env }));
};
const token = (address: string) => address.slice('support+'.length, address.indexOf('@'));
const withToken = (address: string, t: string) => `support+${t}@help.example.com`;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

describe('ReplyAddresses', () => {
  const current = addresses(CURRENT, [OLD]);
  const address = current.addressFor(ID, CUSTOMER, NOW);

  it('makes support+<token>@MAIL_DOMAIN, lowercase, with a local part of at most 64 characters (RFC 5321)', () => {
    expect(address).toMatch(/^support\+[a-z2-7]{56}@help\.example\.com$/);
    expect(address.indexOf('@')).toBeLessThanOrEqual(64);
    expect(current.looksLikeReplyAddress(address)).toBe(true);
  });

  it('verifies to the request id for its customer, whatever the case of either address', () => {
    expect(current.verify(address, CUSTOMER, NOW)).toEqual({ ok: true, requestId: ID });
    expect(current.verify(address.toUpperCase(), 'anna.berzina@example.lv', NOW)).toEqual({ ok: true, requestId: ID });
    expect(current.verify(`<${address}>`, ` <${CUSTOMER.toUpperCase()}> `, NOW)).toEqual({ ok: true, requestId: ID });
  });

  it('gives the same address all day (the expiry is a whole UTC day) and another one for another request', () => {
    expect(current.addressFor(ID, CUSTOMER, new Date(NOW.getTime() + 3600_000))).toBe(address);
    expect(current.addressFor(ID.replace('0123', '9999'), CUSTOMER, NOW)).not.toBe(address);
  });

  it('expires at the end of the UTC day the lifetime ends in', () => {
    const end = new Date('2026-04-10T00:00:00.000Z'); // NOW + 30 days, to the end of that day
    expect(current.verify(address, CUSTOMER, new Date(end.getTime() - 1))).toEqual({ ok: true, requestId: ID });
    expect(current.verify(address, CUSTOMER, end)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another sender, but says expired first for an expired address', () => {
    expect(current.verify(address, 'someone.else@example.lv', NOW)).toEqual({ ok: false, reason: 'sender-mismatch' });
    expect(current.verify(address, 'anna.berzina@example.lv.evil.com', NOW)).toEqual({ ok: false, reason: 'sender-mismatch' });
    expect(current.verify(address, 'someone.else@example.lv', new Date(NOW.getTime() + 40 * DAY))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses every single changed character as invalid', () => {
    const t = token(address);
    for (let i = 0; i < t.length; i++) {
      const changed = t.slice(0, i) + ALPHABET[(ALPHABET.indexOf(t[i]) + 1) % 32] + t.slice(i + 1);
      expect({ i, check: current.verify(withToken(address, changed), CUSTOMER, NOW) }).toEqual({ i, check: { ok: false, reason: 'invalid' } });
    }
  });

  it('refuses forged, truncated, extended and junk tokens as invalid', () => {
    const t = token(address);
    const stranger = addresses(OTHER).addressFor(ID, CUSTOMER, NOW);
    for (const bad of [stranger, withToken(address, t.slice(1)), withToken(address, `${t}a`), withToken(address, 'a'.repeat(56)), withToken(address, `${t.slice(0, -1)}1`), withToken(address, '')]) {
      expect({ bad, check: current.verify(bad, CUSTOMER, NOW) }).toEqual({ bad, check: { ok: false, reason: 'invalid' } });
    }
    expect(current.looksLikeReplyAddress(withToken(address, t.slice(1)))).toBe(false);
  });

  it('is no reply address: the plain support address, another domain, another local part, junk', () => {
    for (const other of ['support@help.example.com', address.replace('help.example.com', 'example.com'), address.replace('support+', 'sales+'), 'nonsense', '', '@']) {
      expect(current.verify(other, CUSTOMER, NOW)).toEqual({ ok: false, reason: 'not-a-reply-address' });
      expect(current.looksLikeReplyAddress(other)).toBe(false);
    }
  });

  it('rotates with the token secrets: an address of a previous secret verifies, a dropped secret does not', () => {
    const old = addresses(OLD).addressFor(ID, CUSTOMER, NOW);
    expect(old).not.toBe(address);
    expect(current.verify(old, CUSTOMER, NOW)).toEqual({ ok: true, requestId: ID });
    expect(current.verify(old, 'someone.else@example.lv', NOW)).toEqual({ ok: false, reason: 'sender-mismatch' });
    expect(addresses(CURRENT).verify(old, CUSTOMER, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(addresses(OLD).verify(address, CUSTOMER, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses to make an address for an id that is not req_<32 hex>', () => {
    for (const bad of ['req_1', 'sub_0123456789abcdef0123456789abcdef', `${ID}0`, ID.toUpperCase()]) expect(() => current.addressFor(bad, CUSTOMER, NOW)).toThrow(/req_<32 hex digits>/);
  });
});
