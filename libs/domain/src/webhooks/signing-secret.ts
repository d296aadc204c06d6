/** Standard Webhooks secrets: `whsec_` and the base64 of 24 to 64 random bytes. */
export const SECRET_PREFIX = 'whsec_';
export const SECRET_MIN_BYTES = 24;
export const SECRET_MAX_BYTES = 64;

/** Why `secret` is not a usable signing secret, or null. */
export function secretProblem(secret: string): string | null {
  const want = `secret must be "${SECRET_PREFIX}" followed by the base64 of ${SECRET_MIN_BYTES}–${SECRET_MAX_BYTES} random bytes`;
  if (!secret.startsWith(SECRET_PREFIX)) return want;
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return `${want} (not base64)`;
  const bytes = Buffer.from(encoded, 'base64').length;
  return bytes < SECRET_MIN_BYTES || bytes > SECRET_MAX_BYTES ? `${want} (got ${bytes} bytes)` : null;
}
