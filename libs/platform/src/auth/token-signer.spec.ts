import { decodeProtectedHeader, SignJWT } from 'jose';
import { settingsFromEnv } from '../settings';
import { looksLikeToken, TokenSigner } from './token-signer';

const OLD = 'the-old-secret-that-signed-last-year-0123';
const CURRENT = 'the-current-secret-that-signs-now-456789';
const OTHER = 'an-installation-we-never-heard-about-xyz';
const DAY = 24 * 3600_000;
const NOW = new Date('2026-03-10T12:00:00.000Z');
const LATER = new Date(NOW.getTime() + 30 * DAY);

const signer = (secret: string, previous: string[] = []) => {
  const s = new TokenSigner(null as never, settingsFromEnv({}));
  s.useSecrets(secret, previous);
  return s;
};

/** Changes one character of a token at `index` to another base64url character. */
const flip = (token: string, index: number) => token.slice(0, index) + (token[index] === 'A' ? 'B' : 'A') + token.slice(index + 1);

describe('TokenSigner (compact JWS, HS256, with jose)', () => {
  const current = signer(CURRENT, [OLD]);

  it('signs a JWS with kid, iss, aud (the purpose), sub, iat and exp, and verifies it', async () => {
    const token = await current.sign('customer', 'req_1', { issuedAt: NOW, expiresAt: LATER });
    expect(looksLikeToken(token)).toBe(true);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', kid: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/), typ: 'JWT' });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload).toEqual({ iss: 'support-workflow', aud: 'support:customer', sub: 'req_1', iat: NOW.getTime() / 1000, exp: LATER.getTime() / 1000 });
    expect(await current.verify('customer', token, NOW)).toEqual({ ok: true, subject: 'req_1', issuedAt: NOW, expiresAt: LATER });
  });

  it('gives the same token for the same claims and key (a repeated answer is byte-for-byte the same)', async () => {
    const at = { issuedAt: NOW, expiresAt: LATER };
    expect(await current.sign('customer', 'req_1', at)).toBe(await current.sign('customer', 'req_1', at));
    expect(await current.sign('customer', 'req_1', at)).not.toBe(await current.sign('customer', 'req_2', at));
  });

  describe('expiry', () => {
    it('is valid up to exp and expired from exp on, saying which subject expired', async () => {
      const token = await current.sign('survey', 'sv_1', { expiresAt: LATER });
      expect((await current.verify('survey', token, new Date(LATER.getTime() - 1000))).ok).toBe(true);
      expect(await current.verify('survey', token, LATER)).toEqual({ ok: false, reason: 'expired', subject: 'sv_1', expiresAt: LATER });
      expect(await current.verify('survey', token, new Date(LATER.getTime() + DAY))).toMatchObject({ ok: false, reason: 'expired' });
    });

    it('says invalid, not expired, for an expired token that was tampered with', async () => {
      const token = await current.sign('survey', 'sv_1', { expiresAt: NOW });
      expect(await current.verify('survey', flip(token, token.length - 5), LATER)).toEqual({ ok: false, reason: 'invalid' });
    });
  });

  describe('key rotation (kid)', () => {
    it('verifies tokens of the previous secrets and signs only with the current one', async () => {
      const before = signer(OLD);
      const old = await before.sign('customer', 'req_1', { expiresAt: LATER });
      const fresh = await current.sign('customer', 'req_1', { expiresAt: LATER });
      expect(decodeProtectedHeader(old).kid).not.toBe(decodeProtectedHeader(fresh).kid);
      expect(await current.verify('customer', old, NOW)).toMatchObject({ ok: true, subject: 'req_1' });
      // The old installation does not know the new key.
      expect(await before.verify('customer', fresh, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('refuses a secret once it is dropped from the previous list, and a stranger’s key', async () => {
      const old = await signer(OLD).sign('customer', 'req_1', { expiresAt: LATER });
      expect(await signer(CURRENT).verify('customer', old, NOW)).toEqual({ ok: false, reason: 'invalid' });
      expect(await current.verify('customer', await signer(OTHER).sign('customer', 'req_1', { expiresAt: LATER }), NOW)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('refuses a token whose kid names a known key but was signed with another (kid is not trusted alone)', async () => {
      const kid = decodeProtectedHeader(await current.sign('customer', 'x', { expiresAt: LATER })).kid as string;
      const forged = await new SignJWT({ iss: 'support-workflow', aud: 'support:customer', sub: 'req_1' })
        .setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' })
        .setExpirationTime(LATER)
        .sign(new TextEncoder().encode(OTHER));
      expect(await current.verify('customer', forged, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });
  });

  describe('tampering', () => {
    it('refuses appended characters, appended parts and every single changed character', async () => {
      const token = await current.sign('customer', 'req_1', { issuedAt: NOW, expiresAt: LATER });
      for (const bad of [`${token}.x`, `${token}x`, `${token}=`, `${token} `, `x${token}`, token.slice(0, -1), `${token}.${token}`]) {
        expect({ bad, check: await current.verify('customer', bad, NOW) }).toEqual({ bad, check: { ok: false, reason: 'invalid' } });
      }
      for (let i = 0; i < token.length; i++) {
        if (token[i] === '.') continue;
        const bad = flip(token, i);
        expect({ i, check: await current.verify('customer', bad, NOW) }).toEqual({ i, check: { ok: false, reason: 'invalid' } });
      }
    });

    it('refuses a signature whose last character differs only in the unused bits (non-canonical base64url)', async () => {
      const token = await current.sign('customer', 'req_1', { expiresAt: LATER });
      const last = token[token.length - 1];
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const twin = alphabet[alphabet.indexOf(last) + 1];
      // Decodes to the same 32 bytes under a lenient decoder.
      expect(Buffer.from(`${token.slice(token.lastIndexOf('.') + 1, -1)}${twin}`, 'base64url')).toEqual(Buffer.from(token.slice(token.lastIndexOf('.') + 1), 'base64url'));
      expect(await current.verify('customer', `${token.slice(0, -1)}${twin}`, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('refuses alg none, another algorithm, a missing kid and a missing exp', async () => {
      const key = new TextEncoder().encode(CURRENT);
      const kid = decodeProtectedHeader(await current.sign('customer', 'x', { expiresAt: LATER })).kid as string;
      const claims = { iss: 'support-workflow', aud: 'support:customer', sub: 'req_1' };
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid, typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, exp: LATER.getTime() / 1000 })).toString('base64url')}.`;
      const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512', kid, typ: 'JWT' }).setExpirationTime(LATER).sign(key);
      const noKid = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setExpirationTime(LATER).sign(key);
      const noExp = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' }).sign(key);
      for (const bad of [none, hs512, noKid, noExp]) expect(await current.verify('customer', bad, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('refuses the old HMAC format and junk', async () => {
      for (const bad of ['ct.req_1.abc', '', '..', 'a.b.c', 'pro_abcdef', 'x'.repeat(5000)]) expect(await current.verify('customer', bad, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });
  });

  describe('purpose confusion', () => {
    it('never lets a survey token pass as a customer token, or the other way round', async () => {
      const survey = await current.sign('survey', 'sv_1', { expiresAt: LATER });
      const customer = await current.sign('customer', 'req_1', { expiresAt: LATER });
      expect(await current.verify('customer', survey, NOW)).toEqual({ ok: false, reason: 'invalid' });
      expect(await current.verify('survey', customer, NOW)).toEqual({ ok: false, reason: 'invalid' });
      // Not even once expired (an expired token of the other purpose is no "expired" answer either).
      expect(await current.verify('customer', survey, new Date(LATER.getTime() + DAY))).toEqual({ ok: false, reason: 'invalid' });
    });
  });
});
