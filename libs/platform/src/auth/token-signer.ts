import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SettingEntity, UnitOfWork } from '@support/persistence';
import { errors, type JWSHeaderParameters, jwtVerify, type JWTPayload, SignJWT } from 'jose';
import { createHash, hkdfSync } from 'node:crypto';
import { DataSource } from 'typeorm';
import { randomSecret, SETTINGS, type Settings } from '../settings';

const SECRET_KEY = 'token-secret';
const ISSUER = 'support-workflow';
const ALGORITHM = 'HS256';
/** An HS256 signature is 32 bytes: 43 base64url characters, the last one carrying 4 bits and 2 zero bits. */
const SIGNATURE = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * What a token stands for. The purpose is the token's audience (`aud`): a token of one purpose
 * never verifies as another (a survey link is not a customer token, and the other way round).
 */
export const TOKEN_PURPOSES = { customer: 'support:customer', survey: 'support:survey', unsubscribe: 'support:unsubscribe' } as const;
export type TokenPurpose = keyof typeof TOKEN_PURPOSES;

export type TokenCheck =
  | { ok: true; subject: string; issuedAt: Date | null; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  /** Authentic, but past its `exp`. */
  | { ok: false; reason: 'expired'; subject: string; expiresAt: Date };

/** A signing secret and its key id: the first 16 base64url characters of SHA-256("kid:" + secret), so the id says nothing usable about the secret. */
interface SigningKey {
  kid: string;
  key: Uint8Array;
}

const signingKey = (secret: string): SigningKey => ({
  kid: createHash('sha256').update(`kid:${secret}`).digest('base64url').slice(0, 16),
  key: new TextEncoder().encode(secret),
});

/** Whether a bearer value has the shape of a compact JWS (three base64url parts); says nothing about its validity. */
export const looksLikeToken = (value: string): boolean => COMPACT.test(value);

/**
 * Signed bearer tokens (customer tokens, survey links) as compact JWS (RFC 7515) with HS256, made
 * and checked with `jose`: `{ alg: HS256, kid, typ: JWT }` and claims `iss`, `aud` (the purpose),
 * `sub` (the request or survey id), `exp` and, when given, `iat`. Nothing is stored per token: the
 * same claims under the same key give the same token, so a caller that derives `iat`/`exp` from
 * stored times (the submission's receipt, the survey's expiry) always hands out the same token.
 *
 * Keys: the current secret signs (TOKEN_SECRET, or one made once and kept in the settings table);
 * it and the TOKEN_SECRETS_PREVIOUS verify, chosen by the token's `kid`, so secrets rotate without
 * invalidating the tokens in the wild until they expire. Anything that is not exactly a token
 * this installation signed, of this purpose, is invalid: another `kid`, algorithm or audience,
 * a changed or appended character (including a non-canonical last signature character).
 */
@Injectable()
export class TokenSigner implements OnModuleInit {
  private current: SigningKey | null = null;
  private verifying = new Map<string, SigningKey>();
  private secrets: string[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async onModuleInit(): Promise<void> {
    this.useSecrets(this.settings.tokenSecret ?? (await this.storedSecret()), this.settings.tokenSecretsPrevious);
  }

  /** The signing secret first, then the older ones that still verify. */
  useSecrets(secret: string, previous: readonly string[] = []): void {
    this.secrets = [secret, ...previous];
    this.current = signingKey(secret);
    this.verifying = new Map([this.current, ...previous.map(signingKey)].map((k) => [k.kid, k]));
  }

  private async storedSecret(): Promise<string> {
    await UnitOfWork.for(this.dataSource).run((m) =>
      m
        .createQueryBuilder()
        .insert()
        .into(SettingEntity)
        .values({ key: SECRET_KEY, value: randomSecret(32) })
        .orIgnore()
        .execute(),
    );
    return (await this.dataSource.getRepository(SettingEntity).findOneByOrFail({ key: SECRET_KEY })).value;
  }

  private keys(): SigningKey {
    if (!this.current) throw new Error('TokenSigner used before its module was initialised');
    return this.current;
  }

  /**
   * Keys for another signing scheme (e.g. reply addresses), derived with HKDF from the same
   * secrets under `label`, current first: one secret to keep and rotate, and a key of one label
   * says nothing about the keys of another or about the JWS key.
   */
  derivedKeys(label: string): Buffer[] {
    this.keys();
    return this.secrets.map((secret) => Buffer.from(hkdfSync('sha256', secret, '', `support-workflow:${label}`, 32)));
  }

  /** A token of this purpose for `subject`, valid until `expiresAt` (whole seconds, rounded down). */
  async sign(purpose: TokenPurpose, subject: string, at: { expiresAt: Date; issuedAt?: Date }): Promise<string> {
    const { kid, key } = this.keys();
    const jwt = new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(TOKEN_PURPOSES[purpose])
      .setSubject(subject)
      .setExpirationTime(Math.floor(at.expiresAt.getTime() / 1000));
    if (at.issuedAt) jwt.setIssuedAt(Math.floor(at.issuedAt.getTime() / 1000));
    return jwt.sign(key);
  }

  /** Checks a token of this purpose as of `now`. */
  async verify(purpose: TokenPurpose, token: string, now = new Date()): Promise<TokenCheck> {
    if (token.length > 2048 || !looksLikeToken(token) || !SIGNATURE.test(token.slice(token.lastIndexOf('.') + 1))) return { ok: false, reason: 'invalid' };
    const options = { algorithms: [ALGORITHM], issuer: ISSUER, audience: TOKEN_PURPOSES[purpose], typ: 'JWT', currentDate: now, requiredClaims: ['sub', 'exp'] };
    try {
      const { payload } = await jwtVerify(token, (header: JWSHeaderParameters) => this.keyFor(header.kid), options);
      return { ok: true, subject: payload.sub as string, issuedAt: typeof payload.iat === 'number' ? new Date(payload.iat * 1000) : null, expiresAt: new Date((payload.exp as number) * 1000) };
    } catch (error) {
      // jose checks the signature before the claims: an expired token's claims are authentic, and
      // every other claim was checked before exp only if it came first; check them again here.
      if (error instanceof errors.JWTExpired && this.claimsFit(purpose, error.payload)) {
        return { ok: false, reason: 'expired', subject: error.payload.sub as string, expiresAt: new Date((error.payload.exp as number) * 1000) };
      }
      return { ok: false, reason: 'invalid' };
    }
  }

  private keyFor(kid: string | undefined): Uint8Array {
    const found = kid ? this.verifying.get(kid) : undefined;
    if (!found) throw new Error('no key with this kid');
    return found.key;
  }

  private claimsFit(purpose: TokenPurpose, payload: JWTPayload): boolean {
    return payload.iss === ISSUER && payload.aud === TOKEN_PURPOSES[purpose] && typeof payload.sub === 'string' && typeof payload.exp === 'number';
  }
}
