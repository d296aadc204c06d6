import { InvalidInputError, SubmissionDto, validateInput } from '@support/contracts';
import { JSON_BODY_LIMIT, largestValidSubmissionBytes, requestLineProblem, SUBMISSION_MAXIMA } from './boundary';

const EMOJI = '\u{1F600}';
/** JSON with every non-ASCII character written as \uXXXX escapes (what a cautious client sends). */
const escapedJson = (value: unknown) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The largest valid submission: every string at its maximum, of emoji where the field takes any text. */
function largest(): Record<string, any> {
  const m = SUBMISSION_MAXIMA;
  const text = (n: number) => EMOJI.repeat(n);
  return {
    idempotencyKey: text(m.idempotencyKey),
    customer: {
      id: text(m.customer.id),
      email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(m.customer.email - 64 - 1 - 63 - 1 - 63 - 1 - 3)}.lv`,
      country: 'LV',
      language: 'lv',
    },
    companyId: text(m.companyId),
    product: { code: 'k'.repeat(m.product.code), version: '2'.repeat(m.product.version) },
    platform: { os: text(m.platform.os), osVersion: text(m.platform.osVersion), ramMb: m.platform.ramMb, diskFreeMb: m.platform.diskFreeMb },
    licenceKey: text(m.licenceKey),
    channel: m.channel,
    topic: text(m.topic),
    subject: text(m.subject),
    description: text(m.description),
  };
}

const failing = (data: unknown): string[] => {
  try {
    validateInput(SubmissionDto, data);
    return [];
  } catch (error) {
    return (error as InvalidInputError).errors.map((e) => e.field);
  }
};

describe('the JSON body limit', () => {
  it('is the contract: the DTO takes every field at SUBMISSION_MAXIMA and refuses one character more', () => {
    const body = largest();
    expect(failing(body)).toEqual([]);
    const longer: Array<[string, (b: Record<string, any>) => void]> = [
      ['idempotencyKey', (b) => (b.idempotencyKey += 'x')],
      ['customer.id', (b) => (b.customer.id += 'x')],
      ['customer.email', (b) => (b.customer.email = `a${b.customer.email}`)],
      ['companyId', (b) => (b.companyId += 'x')],
      ['product.code', (b) => (b.product.code += 'k')],
      ['product.version', (b) => (b.product.version += '2')],
      ['platform.os', (b) => (b.platform.os += 'x')],
      ['platform.osVersion', (b) => (b.platform.osVersion += 'x')],
      ['platform.ramMb', (b) => (b.platform.ramMb += 1)],
      ['platform.diskFreeMb', (b) => (b.platform.diskFreeMb += 1)],
      ['licenceKey', (b) => (b.licenceKey += 'x')],
      ['topic', (b) => (b.topic += 'x')],
      ['subject', (b) => (b.subject += 'x')],
      ['description', (b) => (b.description += 'x')],
    ];
    for (const [field, grow] of longer) {
      const b = largest();
      grow(b);
      expect([field, failing(b)]).toEqual([field, [field]]);
    }
  });

  it('fits the largest valid body with every character escaped, and is whole KiB', () => {
    const bytes = Buffer.byteLength(escapedJson(largest()));
    expect(bytes).toBeLessThanOrEqual(largestValidSubmissionBytes());
    expect(JSON_BODY_LIMIT).toBeGreaterThan(bytes);
    expect(JSON_BODY_LIMIT % 1024).toBe(0);
    expect(JSON_BODY_LIMIT).toBe(260_096);
    // The case that answered 413 under the old 100 kB limit: a 20,000-character description, \\uXXXX-escaped.
    expect(Buffer.byteLength(escapedJson({ description: 'ā'.repeat(20000) }))).toBeLessThan(JSON_BODY_LIMIT);
  });
});

describe('the request line', () => {
  it.each([
    ['/v1/requests/abc', null],
    ['/v1/requests?status=queued&limit=5', null],
    ['/v1/requests/%E2%9C%93', null],
    ['/v1/requests/%00', '(path)'],
    ['/v1/requests/%ED%A0%80', '(path)'],
    ['/v1/requests/%E0%A4%A', '(path)'],
    ['/v1/requests?team=%00', 'team'],
    ['/v1/requests?cursor=%FF', 'cursor'],
    ['/v1/requests?__proto__=1', '__proto__'],
    ['/v1/requests?constructor=1', 'constructor'],
    ['/v1/requests?%ZZ=1', '(query)'],
  ])('%s → %s', (url, field) => {
    const problem = requestLineProblem(url);
    expect(problem?.errors[0].field ?? null).toBe(field);
    if (problem) expect(problem.status).toBe(400);
  });
});
