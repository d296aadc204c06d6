import { submission } from './support/reference-data';
import { startSystem, type TestSystem } from './support/system';

/** Bad input gets a clear 400 naming every bad field, stores nothing, and never causes a 5xx. */
describe('validation at the HTTP boundary', () => {
  let sys: TestSystem;
  const auth = () => ({ Authorization: `Bearer ${sys.producerKey}` });
  const stored = async () =>
    (
      await sys.http
        .get('/v1/requests?limit=200')
        .set({ Authorization: `Bearer ${sys.adminKey}` })
        .expect(200)
    ).body.items.length;

  beforeAll(async () => {
    sys = await startSystem('sqlite');
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('names every failing field, nested ones included', async () => {
    const res = await sys.http
      .post('/v1/requests')
      .set(auth())
      .send(
        submission({
          customer: { id: '', email: 'not-an-email', country: 'Latvia', language: 'latvian' },
          product: { code: 'kav' },
          channel: 'fax',
          subject: '',
          description: 'x'.repeat(20001),
          platform: { os: 'windows', ramMb: -5 },
        }),
      )
      .expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['customer.id', 'customer.email', 'customer.country', 'customer.language', 'product.version', 'channel', 'subject', 'description', 'platform.ramMb']),
    );
    expect(await stored()).toBe(0);
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const res = await sys.http
      .post('/v1/requests')
      .set(auth())
      .send(submission({ segment: 'business', customer: { id: 'c', email: 'a@b.lv', country: 'LV', vip: true } }))
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['segment', 'customer.vip']));
  });

  it.each([
    ['a JSON array', '[]', 'application/json'],
    ['a bare string', '"hello"', 'application/json'],
    ['null', 'null', 'application/json'],
    ['broken JSON', '{"customer": ', 'application/json'],
    ['a missing body', '', 'application/json'],
  ])('answers 400 for %s', async (_what, body, type) => {
    const res = await sys.http.post('/v1/requests').set(auth()).set('Content-Type', type).send(body);
    expect(res.status).toBe(400);
  });

  it.each([
    ['form encoding', 'subject=hi', 'application/x-www-form-urlencoded'],
    ['plain text', '{"subject":"hi"}', 'text/plain'],
  ])('answers 415 naming the Content-Type for %s', async (_what, body, type) => {
    const res = await sys.http.post('/v1/requests').set(auth()).set('Content-Type', type).send(body);
    expect(res.status).toBe(415);
    expect(res.body.errors[0].field).toBe('Content-Type');
  });

  it('answers 413, not 5xx, for a body far beyond any valid request', async () => {
    const res = await sys.http
      .post('/v1/requests')
      .set(auth())
      .send(submission({ description: 'y'.repeat(300_000) }));
    expect(res.status).toBe(413);
  });

  it('never answers 5xx to mutated submissions and stores none of the invalid ones', async () => {
    const weird = [null, 0, -1, 1e308, true, '', ' ', '\u0000', 'x'.repeat(300), [], {}, [1], { a: 1 }, '<script>', "' OR 1=1 --"];
    const paths: string[][] = [
      ['customer'],
      ['customer', 'id'],
      ['customer', 'email'],
      ['customer', 'country'],
      ['customer', 'language'],
      ['product'],
      ['product', 'code'],
      ['product', 'version'],
      ['platform'],
      ['platform', 'ramMb'],
      ['channel'],
      ['subject'],
      ['description'],
      ['idempotencyKey'],
      ['licenceKey'],
      ['companyId'],
      ['topic'],
    ];
    let accepted = 0;
    const failures: string[] = [];
    for (const path of paths) {
      for (const value of weird) {
        const body = submission();
        let node = body;
        for (const key of path.slice(0, -1)) node = node[key];
        node[path[path.length - 1]] = value;
        const res = await sys.http.post('/v1/requests').set(auth()).send(body);
        if (![202, 400].includes(res.status)) failures.push(`${path.join('.')} = ${JSON.stringify(value)} answered ${res.status}`);
        if (res.status === 202) accepted++;
      }
    }
    expect(failures).toEqual([]);
    // A few mutations are valid (e.g. a harmless topic); everything else was refused and not stored.
    expect(await stored()).toBe(accepted);
  });

  it('validates admin reference data too', async () => {
    const res = await sys.http
      .put('/v1/admin/products/kav2')
      .set({ Authorization: `Bearer ${sys.adminKey}` })
      .send({ name: '', segment: 'enterprise', versions: [{ version: '1..2', supportedUntil: 'soon' }], requirements: { platforms: { windows: 'all' } } })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['name', 'segment', 'versions.0.version', 'versions.0.supportedUntil', 'requirements.platforms']));
    await sys.http
      .put('/v1/admin/products/bad%20code')
      .set({ Authorization: `Bearer ${sys.adminKey}` })
      .send({ name: 'x', segment: 'home', versions: [{ version: '1', supportedUntil: null }] })
      .expect(400);
    // A day that does not exist is refused, not read as another day (JavaScript reads 2026-02-30 as 2 March).
    const days = await sys.http
      .put('/v1/admin/products/kav2')
      .set({ Authorization: `Bearer ${sys.adminKey}` })
      .send({
        name: 'Kav 2',
        segment: 'home',
        versions: [
          { version: '1', supportedUntil: '2026-02-30' },
          { version: '2', supportedUntil: '2028-02-29' },
        ],
      })
      .expect(400);
    expect(days.body.errors.map((e: { field: string }) => e.field)).toEqual(['versions.0.supportedUntil']);
    const licence = await sys.http
      .put('/v1/admin/licences/LIC-NO-DAY')
      .set({ Authorization: `Bearer ${sys.adminKey}` })
      .send({ productCode: 'kav', customerId: 'c-1', status: 'active', validUntil: '2027-04-31T10:00:00Z', kind: 'commercial', supportPlan: null })
      .expect(400);
    expect(licence.body.errors.map((e: { field: string }) => e.field)).toEqual(['validUntil']);
    await sys.http
      .get('/v1/admin/products/nope')
      .set({ Authorization: `Bearer ${sys.adminKey}` })
      .expect(404);
  });
});
