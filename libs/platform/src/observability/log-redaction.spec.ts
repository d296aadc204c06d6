import { QueryFailedError } from 'typeorm';
import { REDACTED, redactingLogOptions, redactor } from './log-redaction';
import { randomTexts } from '../../../domain/src/testing/random-texts';

const MAC = 'Xq3v9Zk2LmN8pQr5StUvWxYz0123456789abcdEFGHI'; // 43 chars, an HMAC-SHA256 in base64url

describe('log redaction', () => {
  const r = redactor(['configured-admin-key-123']);

  it.each([
    ['/surveys/sv.sur_abc~1790000000.' + MAC, '/surveys/[redacted]'],
    ['/v1/surveys/anything-at-all?x=1', '/v1/surveys/[redacted]?x=1'],
    ['/v1/admin/licences/LIC-ANNA-KAV', '/v1/admin/licences/[redacted]'],
    ['/v1/requests/req_123?token=ct.req_123.' + MAC + '&limit=5', '/v1/requests/req_123?token=[redacted]&limit=5'],
    ['/v1/requests/req_123', '/v1/requests/req_123'],
  ])('URL %s', (url, expected) => expect(r.text(url)).toBe(expected));

  it('replaces e-mail addresses as the pattern it replaced did, on texts made of the characters that matter', () => {
    const byPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
    const texts = randomTexts(['a', 'b', 'c', 'Z', '1', '.', '.', '@', '@', '-', '%', '+', ' ', '/'], 20_000, 24);
    const withAddresses = texts.filter((t) => t.replace(byPattern, '[email]') !== t);
    expect(withAddresses.length).toBeGreaterThan(100);
    for (const text of texts) expect(r.text(text)).toBe(text.replace(byPattern, '[email]'));
  });

  it('reads a long word in one pass (every request URL is logged)', () => {
    expect(r.text(`/v1/${'a'.repeat(20_000)}@x`)).toBe(`/v1/${'a'.repeat(20_000)}@x`);
    expect(r.text(`/v1/${'a'.repeat(20_000)}@example.com`)).toBe('/v1/[email]');
  });

  it('replaces tokens, keys, configured secrets and e-mail addresses in any text', () => {
    const text = `customer ct.req_1.${MAC} key pro_${'a'.repeat(32)} hook whsec_abcdefghij jws eyJhbGciOi.eyJzdWIiOi.c2ln admin configured-admin-key-123 mail anna@example.lv reply support+ct.req_1.${MAC}@support.local`;
    const out = r.text(text);
    expect(out).not.toMatch(/ct\.req_1|pro_a|whsec_a|eyJ|configured-admin|anna@|support\+/);
    expect(out).toContain(REDACTED);
    expect(out).toContain('[email]');
  });

  it('drops the bound parameters and the detail of a failed query, keeps the SQL and the message', () => {
    const driverError = Object.assign(new Error('duplicate key value'), { code: '23505', detail: 'Key (email)=(anna@example.lv) already exists.' });
    const error = new QueryFailedError('INSERT INTO "requests" ("customerEmail", "licenceKey") VALUES ($1, $2)', ['anna@example.lv', 'LIC-ANNA-KAV'], driverError);
    const out = JSON.stringify(redactingLogOptions([]).serializers.err(error));
    expect(out).toContain('INSERT INTO');
    expect(out).toContain('duplicate key value');
    expect(out).not.toContain('anna@example.lv');
    expect(out).not.toContain('LIC-ANNA-KAV');
  });

  it('redacts plain objects of a log call, leaves numbers and class instances alone', () => {
    const live = new Map([['a', 'anna@example.lv']]);
    expect(r.value({ n: 1, to: 'anna@example.lv', nested: [{ token: 'x' }], live })).toEqual({ n: 1, to: '[email]', nested: [{ token: REDACTED }], live });
  });
});
