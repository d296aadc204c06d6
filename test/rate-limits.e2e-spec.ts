import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntakeModule } from '../apps/intake/src/intake.module';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { startSystem, type TestSystem } from './support/system';

const WINDOW_MS = 5000;
const AUTH_FAILURES = 5;
const SUBMISSIONS = 3;
const PUBLIC_PER_IP = 8;
const LIMITS = {
  RATE_LIMIT_WINDOW_MS: String(WINDOW_MS),
  AUTH_FAILURE_LIMIT: String(AUTH_FAILURES),
  SUBMISSION_RATE_LIMIT: String(SUBMISSIONS),
  PUBLIC_RATE_LIMIT: String(PUBLIC_PER_IP),
};

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/**
 * One HTTP call to a listening system from a chosen loopback address (127.0.0.0/8 is all this
 * machine), so that tests can call from several client IPs without trusting any proxy header.
 */
function call(sys: TestSystem, method: string, path: string, options: { from?: string; key?: string; authorization?: string; body?: unknown } = {}): Promise<Answer> {
  const { port } = sys.app.getHttpServer().address() as AddressInfo;
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = {};
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.authorization) headers.authorization = options.authorization;
  if (payload) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, localAddress: options.from ?? '127.0.0.1', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // a page or an asset
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let guesses = 0;
const wrongKey = () => `pro_wrong-guess-${Date.now()}-${guesses++}`;
const retryAfter = (a: Answer) => Number(a.headers['retry-after']);

function expectTooMany(a: Answer, message: RegExp) {
  expect({ status: a.status, body: a.body }).toEqual({ status: 429, body: { statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(message) } });
  expect(retryAfter(a)).toBeGreaterThanOrEqual(1);
  expect(retryAfter(a)).toBeLessThanOrEqual(WINDOW_MS / 1000);
}

describe.each(testDatabases())('rate limits on real Redis (%s)', (db) => {
  let sys: TestSystem;
  let second: TestSystem | undefined;

  const newProducer = async (id: string): Promise<string> => {
    const created = await call(sys, 'PUT', `/v1/admin/producers/${id}`, { key: sys.adminKey, body: { name: id } });
    expect(created.status).toBe(201);
    return created.body.key;
  };

  beforeAll(async () => {
    sys = await startSystem(db, LIMITS);
    await sys.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await second?.stop({ keepData: true });
    await sys?.stop();
  });

  it('locks a guessing address out with 429 and Retry-After after the limit; a right key of another principal from another address still works', async () => {
    const from = '127.0.0.2';
    for (let i = 0; i < AUTH_FAILURES; i++) expect((await call(sys, 'GET', '/v1/requests', { from, key: wrongKey() })).status).toBe(401);
    const refused = await call(sys, 'GET', '/v1/requests', { from, key: wrongKey() });
    expectTooMany(refused, /too many failed authentications/);
    // The address is locked, even for a right key: guessing from it stops until the window ends.
    expectTooMany(await call(sys, 'GET', '/v1/requests', { from, key: sys.producerKey }), /too many failed authentications/);
    // Another principal's key from another address is not affected.
    expect((await call(sys, 'GET', '/v1/requests', { from: '127.0.0.3', key: sys.adminKey })).status).toBe(200);
  });

  it('counts failures atomically: of many parallel guesses from one address, at most the limit are looked at', async () => {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 200 }, () => call(sys, 'GET', '/v1/requests', { from: '127.0.0.4', key: wrongKey() })));
    // On a loaded machine the burst can outlast the window; each window the burst spans allows the limit again.
    const windows = Math.ceil((Date.now() - started) / WINDOW_MS);
    const statuses = answers.map((a) => a.status);
    const looked = statuses.filter((s) => s === 401).length;
    expect(looked).toBeGreaterThanOrEqual(AUTH_FAILURES);
    expect(looked).toBeLessThanOrEqual(AUTH_FAILURES * windows);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - looked);
  });

  it('locks a presented key out whatever address it comes from (only its hash is kept)', async () => {
    const guess = wrongKey();
    for (let i = 0; i < AUTH_FAILURES; i++) expect((await call(sys, 'GET', '/v1/requests', { from: `127.0.1.${i + 1}`, key: guess })).status).toBe(401);
    expectTooMany(await call(sys, 'GET', '/v1/requests', { from: '127.0.1.100', key: guess }), /too many failed authentications/);
    // That address has one failure only: another key from it is looked at.
    expect((await call(sys, 'GET', '/v1/requests', { from: '127.0.1.100', key: sys.adminKey })).status).toBe(200);
  });

  it('locks guessing at the queue dashboard out too, counting with the API: the same key and address', async () => {
    const from = '127.0.0.12';
    const guess = wrongKey();
    expect((await call(sys, 'GET', '/v1/requests', { from, key: guess })).status).toBe(401);
    for (let i = 1; i < AUTH_FAILURES; i++) {
      const basic = `Basic ${Buffer.from(`admin:${i === 1 ? guess : wrongKey()}`).toString('base64')}`;
      expect((await call(sys, 'GET', '/admin/queues', { from, authorization: basic })).status).toBe(401);
    }
    expectTooMany(await call(sys, 'GET', '/admin/queues', { from, key: wrongKey() }), /too many failed authentications/);
    expectTooMany(await call(sys, 'GET', '/admin/queues', { from, key: sys.adminKey }), /too many failed authentications/);
    // The guessed key has failed twice (API and dashboard), so is not locked yet from another address.
    expect((await call(sys, 'GET', '/admin/queues', { from: '127.0.0.13', key: guess })).status).toBe(401);
    expect((await call(sys, 'GET', '/admin/queues', { from: '127.0.0.13', key: sys.adminKey })).status).toBe(200);
  });

  it('does not count calls without a key: nothing is guessed', async () => {
    for (let i = 0; i < AUTH_FAILURES + 3; i++) expect((await call(sys, 'GET', '/v1/requests', { from: '127.0.0.5' })).status).toBe(401);
    expect((await call(sys, 'GET', '/v1/requests', { from: '127.0.0.5', key: sys.adminKey })).status).toBe(200);
  });

  it('limits submissions and previews per producer, not per address', async () => {
    const key = await newProducer('rate-a');
    const other = await newProducer('rate-b');
    expect((await call(sys, 'POST', '/v1/triage/preview', { key, body: submission() })).status).toBe(200);
    expect((await call(sys, 'POST', '/v1/requests', { key, body: submission() })).status).toBe(202);
    expect((await call(sys, 'POST', '/v1/triage/preview', { key, body: submission(), from: '127.0.0.6' })).status).toBe(200);
    const refused = await call(sys, 'POST', '/v1/requests', { key, body: submission(), from: '127.0.0.7' });
    expectTooMany(refused, /too many submissions/);
    expectTooMany(await call(sys, 'POST', '/v1/triage/preview', { key, body: submission() }), /too many submissions/);
    // Reading is not a submission; another producer has its own count.
    expect((await call(sys, 'GET', '/v1/requests', { key })).status).toBe(200);
    expect((await call(sys, 'POST', '/v1/requests', { key: other, body: submission() })).status).toBe(202);
  });

  it('caps the public routes per address, but never /health and /metrics, and not the keyed API', async () => {
    const from = '127.0.0.8';
    for (let i = 0; i < PUBLIC_PER_IP; i++) expect((await call(sys, 'GET', i % 2 ? '/desk' : '/desk/app.css', { from })).status).toBe(200);
    expectTooMany(await call(sys, 'GET', '/desk/app.js', { from }), /too many requests from this address/);
    expectTooMany(await call(sys, 'POST', '/v1/surveys/not-a-token', { from, body: { score: 5 } }), /too many requests from this address/);
    const formPost = await call(sys, 'POST', '/surveys/not-a-token', { from, body: { score: 5 } });
    expectTooMany(formPost, /too many requests from this address/);
    expect(formPost.headers['content-type']).toMatch(/^application\/json/);
    expect((await call(sys, 'GET', '/health', { from })).status).toBe(200);
    expect((await call(sys, 'GET', '/metrics', { from })).status).toBe(200);
    expect((await call(sys, 'GET', '/v1/requests', { from, key: sys.adminKey })).status).toBe(200);
    expect((await call(sys, 'GET', '/desk', { from: '127.0.0.9' })).status).toBe(200);
  });

  it('shares the counts between two processes on the same Redis prefix', async () => {
    second = await startSystem(db, LIMITS, { features: [IntakeModule], sharing: sys });
    await second.app.listen(0, '127.0.0.1');
    const from = '127.0.0.10';
    for (let i = 0; i < AUTH_FAILURES; i++) expect((await call(i % 2 ? second : sys, 'GET', '/v1/requests', { from, key: wrongKey() })).status).toBe(401);
    expectTooMany(await call(second, 'GET', '/v1/requests', { from, key: wrongKey() }), /too many failed authentications/);
    expectTooMany(await call(sys, 'GET', '/v1/requests', { from, key: sys.producerKey }), /too many failed authentications/);

    const key = await newProducer('rate-shared');
    for (let i = 0; i < SUBMISSIONS; i++) expect((await call(i % 2 ? second : sys, 'POST', '/v1/triage/preview', { key, body: submission() })).status).toBe(200);
    expectTooMany(await call(second, 'POST', '/v1/requests', { key, body: submission() }), /too many submissions/);
    expectTooMany(await call(sys, 'POST', '/v1/requests', { key, body: submission() }), /too many submissions/);
  });

  it('takes calls again once the window has passed, and counts anew', async () => {
    const from = '127.0.0.11';
    for (let i = 0; i < AUTH_FAILURES; i++) expect((await call(sys, 'GET', '/v1/requests', { from, key: wrongKey() })).status).toBe(401);
    const refused = await call(sys, 'GET', '/v1/requests', { from, key: wrongKey() });
    expectTooMany(refused, /too many failed authentications/);
    const key = await newProducer('rate-reset');
    for (let i = 0; i < SUBMISSIONS; i++) expect((await call(sys, 'POST', '/v1/triage/preview', { key, body: submission() })).status).toBe(200);
    expectTooMany(await call(sys, 'POST', '/v1/triage/preview', { key, body: submission() }), /too many submissions/);

    await sleep(WINDOW_MS + 200);
    expect((await call(sys, 'GET', '/v1/requests', { from, key: sys.producerKey })).status).toBe(200);
    for (let i = 0; i < AUTH_FAILURES; i++) expect((await call(sys, 'GET', '/v1/requests', { from, key: wrongKey() })).status).toBe(401);
    expect((await call(sys, 'GET', '/v1/requests', { from, key: wrongKey() })).status).toBe(429);
    expect((await call(sys, 'POST', '/v1/triage/preview', { key, body: submission() })).status).toBe(200);
  });
});
