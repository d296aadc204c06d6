import { stdSerializers } from 'pino';

/**
 * Logs without secrets or personal data. Credentials travel in three places: the Authorization
 * header (pino `redact`), URLs (survey links carry their token in the path: `/surveys/<token>`,
 * `/v1/surveys/<token>`), and text (an error message, a mail's Reply-To `support+<token>@…`).
 * What is replaced:
 * - signed tokens `<purpose>.<subject>.<mac>` (customer `ct.…`, survey `sv.…`) and JWS-looking
 *   `xxx.yyy.zzz` strings; API keys (`pro_…`, `age_…`, `adm_…`, `com_…`, `whsec_…`) and the
 *   configured secrets (ADMIN_API_KEY, TOKEN_SECRET) wherever they appear;
 * - e-mail addresses;
 * - the path segment after `surveys/` (the token) and `licences/` (a licence key is the customer's),
 *   and query parameters named like credentials;
 * - the bound parameters of a failed query (TypeORM's QueryFailedError.parameters: e-mail,
 *   licence key, description ...) and PostgreSQL's `detail` (`Key (email)=(…)`).
 * Request ids stay: they are what an operator searches by.
 */
export const REDACTED = '[redacted]';

const SIGNED_TOKEN = /\b[a-z]{2,8}\.[A-Za-z0-9_~-]{1,120}\.[A-Za-z0-9_-]{20,}\b/g;
const JWS = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const API_KEY = /\b(?:pro|age|adm|com)_[A-Za-z0-9_-]{20,}|\bwhsec_[A-Za-z0-9_+/=-]{8,}/g;
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;

/**
 * E-mail addresses replaced, as `/[A-Za-z0-9._%+-]+@<EMAIL_DOMAIN>/g` would, but from each "@" outwards: the pattern, tried at
 * every letter of a long word, ran to the word's end again each time (~0.7 s for a 20,000-letter URL, and every request's URL
 * is logged). The leftmost match is the one at the first "@" with letters before it and a domain after it.
 */
function withoutEmails(text: string, mark: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > from && EMAIL_LOCAL.test(text[start - 1])) start--;
    if (start === at) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    if (!EMAIL_DOMAIN.exec(text)) continue;
    out += text.slice(from, start) + mark;
    from = EMAIL_DOMAIN.lastIndex;
    at = from - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
const SURVEY_PATH = /(\/(?:surveys|licences)\/)[^/?#\s"]+/g;
const CREDENTIAL_QUERY = /([?&](?:token|key|api[_-]?key|access[_-]?token|secret|password|signature)=)[^&#\s"]*/gi;
const SENSITIVE_KEYS = /^(parameters|detail|authorization|cookie|password|secret|token|customerToken|apiKey|api_key|key)$/i;

export interface Redactor {
  /** A string with every token, key, secret and e-mail address replaced. */
  text(value: string): string;
  /** A copy of plain objects and arrays (depth-limited) with sensitive keys dropped and strings redacted; other values as they are. */
  value(value: unknown, depth?: number): unknown;
}

export function redactor(secrets: (string | null | undefined)[] = []): Redactor {
  const known = secrets.filter((s): s is string => !!s && s.length >= 8);
  const text = (value: string): string => {
    let out = value;
    for (const secret of known) out = out.split(secret).join(REDACTED);
    return withoutEmails(out.replace(SURVEY_PATH, `$1${REDACTED}`).replace(CREDENTIAL_QUERY, `$1${REDACTED}`), '[email]')
      .replace(JWS, REDACTED)
      .replace(SIGNED_TOKEN, REDACTED)
      .replace(API_KEY, REDACTED);
  };
  const value = (input: unknown, depth = 0): unknown => {
    if (typeof input === 'string') return text(input);
    if (depth > 6 || input === null || typeof input !== 'object') return input;
    if (Array.isArray(input)) return input.map((v) => value(v, depth + 1));
    const proto = Object.getPrototypeOf(input);
    if (proto !== Object.prototype && proto !== null) return input; // class instances have serializers (req, res, err)
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input as Record<string, unknown>)) out[k] = SENSITIVE_KEYS.test(k) && typeof v !== 'number' && typeof v !== 'boolean' ? REDACTED : value(v, depth + 1);
    return out;
  };
  return { text, value };
}

type SerializedRequest = { url?: string; params?: unknown; query?: unknown; headers?: Record<string, unknown>; [k: string]: unknown };

/**
 * pino options for nestjs-pino's pinoHttp: the serializers of req (URL, params, query) and err
 * (message, stack, query parameters), a hook that redacts every logged message and object, and
 * redact paths for headers that carry credentials.
 */
export function redactingLogOptions(secrets: (string | null | undefined)[]) {
  const r = redactor(secrets);
  return {
    redact: {
      paths: ['req.headers.authorization', 'req.headers["proxy-authorization"]', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'],
      censor: REDACTED,
    },
    serializers: {
      req: (req: SerializedRequest) => {
        // pino-std-serializers hands over a plain copy: change it, never the live request.
        if (typeof req.url === 'string') req.url = r.text(req.url);
        if (req.params !== undefined) req.params = r.value(req.params);
        if (req.query !== undefined) req.query = r.value(req.query);
        return req;
      },
      err: (error: unknown) => {
        const raw = error instanceof Error ? stdSerializers.err(error) : error;
        if (!raw || typeof raw !== 'object') return typeof raw === 'string' ? r.text(raw) : raw;
        let serialized: Record<string, unknown>;
        try {
          serialized = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>; // plain objects all the way down (nested causes too)
        } catch {
          serialized = { type: (raw as { type?: unknown }).type, message: (raw as { message?: unknown }).message, stack: (raw as { stack?: unknown }).stack };
        }
        const { parameters: _p, detail: _d, driverError, ...rest } = serialized;
        const out = r.value({ ...rest }) as Record<string, unknown>;
        if (driverError && typeof driverError === 'object') {
          const { parameters: _dp, detail: _dd, ...driver } = driverError as Record<string, unknown>;
          out.driverError = r.value({ ...driver });
        }
        if (_p !== undefined) out.parameters = REDACTED;
        return out;
      },
    },
    hooks: {
      // Every log call: its message and its plain objects (the Nest logger's context, a worker's failure ...).
      logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(
          this,
          args.map((a) => r.value(a)),
        );
      },
    },
  };
}
