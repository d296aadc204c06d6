import { startSystem, type TestSystem } from './support/system';

/**
 * The OpenAPI document at /docs-json (what `npm run openapi` exports and CI lints): the key
 * operations with their real status codes, schemas and security. Removing an annotation fails here.
 */
describe('OpenAPI document', () => {
  let sys: TestSystem;
  let doc: any;

  const op = (method: string, path: string) => {
    const operation = doc.paths[path]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
    return operation;
  };
  const ref = (name: string) => `#/components/schemas/${name}`;
  const jsonSchema = (response: any) => response?.content?.['application/json']?.schema;
  const operations = () => Object.entries<Record<string, any>>(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })));

  beforeAll(async () => {
    sys = await startSystem('sqlite');
    doc = (await sys.http.get('/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('declares bearer keys as opaque http bearer tokens, with the kinds of key', () => {
    const scheme = doc.components.securitySchemes.bearer;
    expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(scheme.bearerFormat).toBeUndefined();
    for (const kind of ['producer', 'agent', 'admin', 'company', 'customer token']) expect(scheme.description).toContain(kind);
  });

  it('declares submit: 202 new, 200 repeated key, 400 with the validation body, 401, 403, 413, 415, 429, 503 with Retry-After', () => {
    const submit = op('post', '/v1/requests');
    expect(submit.operationId).toBe('submitRequest');
    expect(submit.security).toEqual([{ bearer: [] }]);
    expect(jsonSchema(submit.requestBody)).toEqual({ $ref: ref('SubmissionDto') });
    expect(Object.keys(submit.responses).sort()).toEqual(['200', '202', '400', '401', '403', '413', '415', '429', '503']);
    expect(jsonSchema(submit.responses['503'])).toEqual({ $ref: ref('UnavailableErrorBody') });
    expect(submit.responses['503'].headers['Retry-After']).toBeDefined();
    expect(jsonSchema(submit.responses['202'])).toEqual({ $ref: ref('SubmissionAnswerSchema') });
    expect(jsonSchema(submit.responses['200'])).toEqual({ $ref: ref('SubmissionAnswerSchema') });
    expect(jsonSchema(submit.responses['400'])).toEqual({ $ref: ref('ValidationErrorBody') });
    for (const code of ['401', '403', '429']) expect(jsonSchema(submit.responses[code])).toEqual({ $ref: ref('ErrorBody') });
    for (const code of ['413', '415']) expect(jsonSchema(submit.responses[code])).toEqual({ $ref: ref('ValidationErrorBody') });
    expect(submit.responses['429'].description).toContain('SUBMISSION_RATE_LIMIT');
    expect(op('post', '/v1/triage/preview').responses['429'].description).toContain('SUBMISSION_RATE_LIMIT');
    expect(doc.components.schemas.SubmissionDto.required).toEqual(expect.arrayContaining(['customer', 'product', 'channel', 'subject', 'description']));
  });

  it('declares claims: 200 with the claim, 204 when there is none', () => {
    const claim = op('post', '/v1/agent/claims');
    expect(claim.operationId).toBe('claimNextRequest');
    expect(jsonSchema(claim.responses['200'])).toEqual({ $ref: ref('ClaimSchema') });
    expect(claim.responses['204']).toBeDefined();
    expect(claim.responses['204'].content).toBeUndefined();
    expect(Object.keys(op('post', '/v1/agent/claims/{requestId}/renew').responses)).toEqual(expect.arrayContaining(['200', '404', '409']));
    expect(Object.keys(op('post', '/v1/requests/{id}/customer-replies').responses)).toEqual(expect.arrayContaining(['202', '404', '409']));
  });

  it('declares the stuck requests for operators: the list, and a retry answering 202 or 404', () => {
    const list = op('get', '/v1/admin/stuck');
    expect(list.operationId).toBe('listStuckRequests');
    expect(list.security).toEqual([{ bearer: [] }]);
    expect(jsonSchema(list.responses['200'])).toEqual({ type: 'array', items: { $ref: ref('StuckRequestSchema') } });
    const retry = op('post', '/v1/admin/stuck/{requestId}/retry');
    expect(retry.operationId).toBe('retryStuckRequest');
    expect(Object.keys(retry.responses).sort()).toEqual(['202', '401', '403', '404', '429']);
    expect(jsonSchema(retry.responses['202'])).toEqual({ $ref: ref('StuckRetrySchema') });
  });

  it('declares surveys: the token is the credential, 409 once answered, 410 once expired', () => {
    const answer = op('post', '/v1/surveys/{token}');
    expect(answer.security).toEqual([]);
    expect(Object.keys(answer.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409', '410']));
    expect(op('get', '/v1/companies/{companyId}/surveys').security).toEqual([{ bearer: [] }]);
    expect(op('get', '/v1/company/me').security).toEqual([{ bearer: [] }]);
  });

  it('declares no security on health, metrics and the public pages', () => {
    expect(op('get', '/health').security).toEqual([]);
    expect(Object.keys(op('get', '/health').responses)).toEqual(expect.arrayContaining(['200', '503']));
    for (const [method, path] of [
      ['get', '/metrics'],
      ['get', '/desk'],
      ['get', '/portal'],
      ['get', '/surveys/{token}'],
      ['post', '/surveys/{token}'],
      ['get', '/reports/csat'],
    ]) {
      expect({ path, security: op(method, path).security }).toEqual({ path, security: [] });
    }
  });

  it('gives every operation a unique operationId, a summary, tags, security and a 2xx', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(40);
    const ids = all.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of all) {
      const where = `${method.toUpperCase()} ${path}`;
      expect({ where, id: typeof operation.operationId, summary: !!operation.summary, tags: operation.tags?.length > 0 }).toEqual({ where, id: 'string', summary: true, tags: true });
      expect({ where, security: Array.isArray(operation.security) }).toEqual({ where, security: true });
      expect({ where, ok: Object.keys(operation.responses).some((code) => code.startsWith('2')) }).toEqual({ where, ok: true });
    }
  });

  it('requires the bearer key, and declares 401, on every /v1 operation but the survey answer', () => {
    for (const { path, method, operation } of operations().filter(({ path }) => path.startsWith('/v1/') && path !== '/v1/surveys/{token}')) {
      const where = `${method.toUpperCase()} ${path}`;
      expect({ where, security: operation.security, unauthorized: jsonSchema(operation.responses['401']) }).toEqual({ where, security: [{ bearer: [] }], unauthorized: { $ref: ref('ErrorBody') } });
    }
  });

  it('declares 429 with Retry-After wherever a rate limit applies: every operation but /health and /metrics', () => {
    for (const { path, method, operation } of operations().filter(({ path }) => path !== '/health' && path !== '/metrics')) {
      const where = `${method.toUpperCase()} ${path}`;
      const tooMany = operation.responses['429'];
      expect({ where, body: jsonSchema(tooMany), retryAfter: !!tooMany?.headers?.['Retry-After'] }).toEqual({ where, body: { $ref: ref('ErrorBody') }, retryAfter: true });
      const limit = operation.security.length > 0 ? 'AUTH_FAILURE_LIMIT' : 'PUBLIC_RATE_LIMIT';
      expect({ where, limit: tooMany.description.includes(limit) }).toEqual({ where, limit: true });
    }
    for (const path of ['/health', '/metrics']) expect(op('get', path).responses['429']).toBeUndefined();
  });

  it('resolves every schema reference', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const r of refs) expect(doc.components.schemas).toHaveProperty([r.slice(r.lastIndexOf('/') + 1, -1)]);
  });

  it('matches what the API answers: the 400, 413 and 415 bodies have the declared required fields', async () => {
    const auth = { Authorization: `Bearer ${sys.producerKey}` };
    const invalid = await sys.http.post('/v1/requests').set(auth).send({ channel: 'fax' }).expect(400);
    for (const field of doc.components.schemas.ValidationErrorBody.required) expect(invalid.body).toHaveProperty(field);
    const large = await sys.http
      .post('/v1/requests')
      .set(auth)
      .send({ description: 'x'.repeat(300_000) })
      .expect(413);
    for (const field of doc.components.schemas.ValidationErrorBody.required) expect(large.body).toHaveProperty(field);
    const text = await sys.http.post('/v1/requests').set(auth).set('Content-Type', 'text/plain').send('{}').expect(415);
    for (const field of doc.components.schemas.ValidationErrorBody.required) expect(text.body).toHaveProperty(field);
    const unauthorized = await sys.http.post('/v1/requests').send({}).expect(401);
    for (const field of doc.components.schemas.ErrorBody.required) expect(unauthorized.body).toHaveProperty(field);
  });
});
