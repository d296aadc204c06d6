import {
  attemptOutcome,
  DEFAULT_RETRY_POLICY,
  eventListProblems,
  isPrivateAddress,
  maxAttempts,
  nextRetryDelay,
  retrySchedule,
  secretProblem,
  subscribedTo,
  targetProblems,
  webhookBody,
  webhookDeliveryId,
} from '.';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('the webhook retry schedule', () => {
  it('doubles from the first wait, is capped, and ends exactly when the window ends', () => {
    const waits = retrySchedule(DEFAULT_RETRY_POLICY);
    expect(waits.slice(0, 4)).toEqual([30_000, MIN, 2 * MIN, 4 * MIN]);
    expect(Math.max(...waits)).toBe(4 * HOUR);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(24 * HOUR);
    expect(maxAttempts(DEFAULT_RETRY_POLICY)).toBe(waits.length + 1);
  });

  it('gives the wait after n failed attempts, then null', () => {
    const policy = { firstDelayMs: 100, maxDelayMs: 400, retryForMs: 1000 };
    expect(retrySchedule(policy)).toEqual([100, 200, 400, 300]);
    expect([1, 2, 3, 4, 5].map((n) => nextRetryDelay(policy, n))).toEqual([100, 200, 400, 300, null]);
  });
});

describe('what an attempt makes of a delivery', () => {
  const policy = { firstDelayMs: 100, maxDelayMs: 100, retryForMs: 200 };
  it('2xx delivers, 410 fails for good, anything else retries until the schedule is used up', () => {
    expect(attemptOutcome({ status: 204 }, 1, policy)).toEqual({ state: 'delivered' });
    expect(attemptOutcome({ status: 410 }, 1, policy)).toMatchObject({ state: 'failed', gone: true });
    expect(attemptOutcome({ status: 500 }, 1, policy)).toEqual({ state: 'pending', retryInMs: 100 });
    expect(attemptOutcome({ status: 404 }, 2, policy)).toEqual({ state: 'pending', retryInMs: 100 });
    expect(attemptOutcome({ error: 'timed out after 10000 ms' }, 3, policy)).toEqual({ state: 'failed', gone: false, reason: 'no success after 3 attempts; the last: timed out after 10000 ms' });
    expect(attemptOutcome({ status: 301 }, 3, policy)).toMatchObject({ state: 'failed', reason: expect.stringContaining('HTTP 301') });
  });
});

describe('event matching', () => {
  it('matches a named event or *', () => {
    expect(subscribedTo(['request.resolved'], 'request.resolved')).toBe(true);
    expect(subscribedTo(['request.resolved'], 'request.declined')).toBe(false);
    expect(subscribedTo(['*'], 'sla.breached')).toBe(true);
  });

  it('names unknown, repeated and missing events', () => {
    const known = ['request.resolved', 'request.declined'];
    expect(eventListProblems(['request.resolved', '*'], known)).toEqual([]);
    expect(eventListProblems([], known)).toEqual([expect.stringContaining('at least one event')]);
    expect(eventListProblems(['request.resolvd'], known)).toEqual([expect.stringContaining('unknown event "request.resolvd"')]);
    expect(eventListProblems(['request.resolved', 'request.resolved'], known)).toEqual(['events must not repeat a name']);
  });
});

describe('signing secrets', () => {
  it('takes whsec_ and the base64 of 24–64 bytes', () => {
    const secret = (bytes: number) => `whsec_${Buffer.alloc(bytes, 7).toString('base64')}`;
    expect(secretProblem(secret(24))).toBeNull();
    expect(secretProblem(secret(64))).toBeNull();
    expect(secretProblem(secret(16))).toMatch(/got 16 bytes/);
    expect(secretProblem(secret(65))).toMatch(/got 65 bytes/);
    expect(secretProblem('sk_abc')).toMatch(/must be "whsec_"/);
    expect(secretProblem('whsec_not base64!')).toMatch(/not base64/);
  });
});

describe('webhook targets', () => {
  it('knows private, loopback and link-local addresses', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, true]);
    }
    for (const ip of ['8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:1.1.1.1']) expect([ip, isPrivateAddress(ip)]).toEqual([ip, false]);
  });

  it('wants an http(s) URL, and a public host unless private targets are allowed', () => {
    expect(targetProblems('https://hooks.example.com/x', false)).toEqual([]);
    expect(targetProblems('http://127.0.0.1:8080/x', true)).toEqual([]);
    expect(targetProblems('http://127.0.0.1:8080/x', false)).toEqual([expect.stringContaining('public address')]);
    expect(targetProblems('http://localhost/x', false)).toEqual([expect.stringContaining('public address')]);
    expect(targetProblems('http://[::1]/x', false)).toEqual([expect.stringContaining('public address')]);
    expect(targetProblems('ftp://example.com', true)).toEqual(['url must use http or https (got ftp)']);
    expect(targetProblems('not a url', true)).toEqual(['url must be an absolute http:// or https:// URL']);
    expect(targetProblems('https://u:p@example.com', true)).toEqual([expect.stringContaining('user name')]);
  });
});

describe('a delivery', () => {
  it('has an id from its subscription and occurrence, the same however often it is dispatched', () => {
    expect(webhookDeliveryId('crm', 'r1.request.resolved')).toBe(webhookDeliveryId('crm', 'r1.request.resolved'));
    expect(webhookDeliveryId('crm', 'r1.request.resolved')).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(webhookDeliveryId('crm', 'r1.request.resolved')).not.toBe(webhookDeliveryId('erp', 'r1.request.resolved'));
  });

  it('carries the contract body, with the request id in data', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    expect(webhookBody({ id: 'x', type: 'request.resolved', requestId: 'r1', data: { status: 'resolved' }, at })).toEqual({
      type: 'request.resolved',
      timestamp: '2026-12-01T10:00:00.000Z',
      data: { requestId: 'r1', status: 'resolved' },
    });
  });
});
