import type { INestApplication } from '@nestjs/common';
import { assertInputShape, FORBIDDEN_KEYS, InvalidInputError, shownKey, stringProblem } from '@support/contracts';
import type { NextFunction, Request, Response } from 'express';
import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { invalidInputBody } from './invalid-input.filter';

/**
 * The HTTP boundary, before routing and before any handler: every request that reaches a
 * controller has a path and a query without NUL bytes, lone surrogates, bad percent-encoding or
 * prototype keys, and a JSON body (only JSON on /v1) of a bounded size that parsed, is valid UTF-8
 * and passed the shape checks (libs/contracts/src/input-shape.ts). Whatever is refused here is
 * answered like InvalidInputFilter answers: a JSON body naming the problem, never a 5xx.
 *
 * Installed by `hardenHttp(app)` before `app.init()`: the parsers are named `jsonParser` and
 * `urlencodedParser`, so Nest does not add its own (100 kB, silently dropping nothing).
 */

/**
 * The largest valid value of each field of a submission (CONTRACT.md; SubmissionDto), strings as
 * their length in characters. boundary.spec.ts proves the DTO accepts these and refuses one more.
 */
export const SUBMISSION_MAXIMA = {
  idempotencyKey: 128,
  customer: { id: 128, email: 254, country: 2, language: 2 },
  companyId: 128,
  product: { code: 64, version: 32 },
  platform: { os: 32, osVersion: 32, ramMb: 2 ** 30, diskFreeMb: 2 ** 30 },
  licenceKey: 128,
  channel: 'portal',
  topic: 100,
  subject: 200,
  description: 20000,
} as const;

/**
 * Bytes a character can take in a JSON string at worst: class-validator counts a surrogate pair
 * (an emoji) as one character, and escaped it is `\uD83D\uDE00`, 12 bytes.
 */
export const WORST_BYTES_PER_CHAR = 12;
/** Room for whitespace around the members (a pretty-printed body with deep indentation). */
export const WHITESPACE_ALLOWANCE = 4096;

type Maxima = { readonly [key: string]: number | string | Maxima };
const NUMERIC_FIELDS = new Set(['ramMb', 'diskFreeMb']);

/**
 * The compact JSON size of the largest valid submission at its worst: every character of every
 * string escaped at WORST_BYTES_PER_CHAR, numbers at their largest, `channel` as its longest value.
 */
export function largestValidSubmissionBytes(maxima: Maxima = SUBMISSION_MAXIMA): number {
  let bytes = 2; // { }
  for (const [key, value] of Object.entries(maxima)) {
    bytes += JSON.stringify(key).length + 2; // "key": and a comma (one too many: harmless)
    if (typeof value === 'number') bytes += NUMERIC_FIELDS.has(key) ? String(value).length : 2 + value * WORST_BYTES_PER_CHAR;
    else if (typeof value === 'string') bytes += value.length + 2;
    else bytes += largestValidSubmissionBytes(value);
  }
  return bytes;
}

/**
 * The JSON body limit: the largest valid submission (the largest body of the API: replies and
 * admin records are smaller) at its worst, every character of every string escaped as a surrogate
 * pair (`\uXXXX\uXXXX`), plus room for whitespace, rounded up to whole KiB. A body beyond it can
 * never be valid: 413. Today 21,230 characters of strings → 255,049 bytes, + 4 KiB → 254 KiB (260,096 bytes);
 * a 20,000-character description fully `\uXXXX`-escaped (120 kB) fits with room to spare.
 */
export const JSON_BODY_LIMIT = Math.ceil((largestValidSubmissionBytes() + WHITESPACE_ALLOWANCE) / 1024) * 1024;

/** The survey form's own post (application/x-www-form-urlencoded): score, type and a 2,000-character comment. */
export const FORM_BODY_LIMIT = 64 * 1024;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isApi = (path: string) => path === '/v1' || path.startsWith('/v1/');

function reject(res: Response, error: InvalidInputError, close = false): void {
  if (res.headersSent) return;
  if (close) res.setHeader('Connection', 'close');
  res.status(error.status).json(invalidInputBody(error));
}

const fail = (status: 400 | 413 | 415, field: string, message: string) => new InvalidInputError([{ field, messages: [message] }], status);

const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/** `type/subtype` of the Content-Type, lower case, and its charset parameter. */
function mediaType(req: Request): { type: string; charset: string | null } {
  const header = req.headers['content-type'] ?? '';
  const [type, ...params] = header.split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]*)"?\s*$/i.exec(p)?.[1]).find((c) => c !== undefined) ?? null;
  return { type: type.trim().toLowerCase(), charset: charset?.toLowerCase() ?? null };
}

function decodePart(raw: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
  } catch {
    return null;
  }
}

/** Problems of the request line: the path's segments and the query's names and values. */
export function requestLineProblem(url: string): InvalidInputError | null {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const decoded = decodePart(segments[i], false);
    if (decoded === null) return fail(400, '(path)', `path segment ${i} is not valid percent-encoded UTF-8`);
    const problem = stringProblem(decoded);
    if (problem) return fail(400, '(path)', `path segment ${i} ${problem}`);
  }
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodePart(eq === -1 ? pair : pair.slice(0, eq), true);
    const value = eq === -1 ? '' : decodePart(pair.slice(eq + 1), true);
    if (name === null) return fail(400, '(query)', 'a query parameter name is not valid percent-encoded UTF-8');
    const field = shownKey(name);
    if (value === null) return fail(400, field, `query parameter ${field} is not valid percent-encoded UTF-8`);
    const problem = stringProblem(name) ?? stringProblem(value);
    if (problem) return fail(400, field, `query parameter ${field} ${problem}`);
    if (FORBIDDEN_KEYS.has(name)) return fail(400, field, `query parameter ${field} is not allowed`);
  }
  return null;
}

/** Path and query checks, and 415 for a body on /v1 that is not JSON. */
function requestLine(req: Request, res: Response, next: NextFunction): void {
  const problem = requestLineProblem(req.originalUrl ?? req.url);
  if (problem) return reject(res, problem);
  if (isApi(req.path) && BODY_METHODS.has(req.method) && hasBody(req) && mediaType(req).type !== 'application/json') {
    const sent = req.headers['content-type'] ? `Content-Type ${req.headers['content-type']}` : 'a body without a Content-Type';
    return reject(res, fail(415, 'Content-Type', `${sent} is not accepted here: send application/json (UTF-8)`), true);
  }
  next();
}

/** Reads the body up to `limit` bytes as UTF-8, or answers the problem itself (413, 415, 400) and gives null. */
function readText(req: Request, res: Response, limit: number, what: string): Promise<string | null> {
  return new Promise((resolve) => {
    const { charset } = mediaType(req);
    const done = (error: InvalidInputError) => {
      req.resume(); // the rest is read and dropped; the answer goes out now
      reject(res, error, true);
      resolve(null);
    };
    if (charset && charset !== 'utf-8' && charset !== 'utf8') return done(fail(415, 'Content-Type', `charset ${charset} is not supported: send UTF-8`));
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity') return done(fail(415, 'Content-Encoding', `Content-Encoding ${encoding} is not supported: send the body uncompressed`));
    const tooLarge = () => fail(413, '(body)', `the body is larger than ${limit} bytes, the most ${what} can take (the largest valid body, every character escaped)`);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return done(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        done(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      if (!over) resolve(null);
      over = true;
    });
    req.on('end', () => {
      if (over) return;
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        over = true;
        reject(res, fail(400, '(body)', 'the body is not valid UTF-8'));
        resolve(null);
      }
    });
  });
}

/** JSON bodies (any path): bounded, UTF-8, parsed, shape-checked (NUL, surrogates, prototype keys, depth, size). */
function jsonParser(req: Request, res: Response, next: NextFunction): void {
  if (!hasBody(req) || mediaType(req).type !== 'application/json') return next();
  void readText(req, res, JSON_BODY_LIMIT, 'a JSON body').then((text) => {
    if (text === null) return;
    if (text.trim() === '') return next();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return reject(res, fail(400, '(body)', `the body is not valid JSON: ${(error as Error).message}`));
    }
    try {
      assertInputShape(parsed);
    } catch (error) {
      return reject(res, error as InvalidInputError);
    }
    req.body = parsed;
    next();
  });
}

/** The survey form's own post: flat fields; what they hold is checked by the handler's DTO (it answers with the form). */
function urlencodedParser(req: Request, res: Response, next: NextFunction): void {
  if (!hasBody(req) || mediaType(req).type !== 'application/x-www-form-urlencoded') return next();
  void readText(req, res, FORM_BODY_LIMIT, 'a form').then((text) => {
    if (text === null) return;
    const fields: Record<string, string> = Object.create(null);
    for (const [name, value] of new URLSearchParams(text)) fields[name] = value;
    req.body = fields;
    next();
  });
}

/**
 * Errors of Node's HTTP parser (headers too large: 431; a malformed request: 400; a timeout: 408)
 * answered with a JSON body naming the problem, instead of a status line alone.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const message =
      status === 431
        ? 'the request headers are larger than the server accepts'
        : status === 408
          ? 'the request took too long to arrive'
          : `the request is not valid HTTP (${error.code ?? 'parse error'})`;
    const body = JSON.stringify({ statusCode: status, error: STATUS_CODES[status], message, errors: [{ field: '(request)', messages: [message] }] });
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

/** Installs the boundary on an app before `app.init()` (createHttpApp does; so does the test system). */
export function hardenHttp(app: INestApplication): INestApplication {
  app.use(requestLine);
  app.use(jsonParser);
  app.use(urlencodedParser);
  answerClientErrors(app.getHttpServer() as Server);
  return app;
}
