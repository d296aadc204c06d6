import { TokenSigner } from '@support/platform';
import { SurveyTokens } from '../apps/feedback-survey/src/survey-tokens';
import { addAgent, bearer, claim } from './support/agents';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { SETTLED } from './support/requests';
import { business, malware, policyFile, surveyIn, tokenOf } from './support/surveys';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/**
 * Every kind of caller against every endpoint family, with the code each must get (CONTRACT.md,
 * "Authentication"): 401 without a valid credential (a tampered, expired or other-purpose token
 * is no credential), 403 for a valid one outside its rights, 404 where existence must not leak,
 * 200/202 where allowed. The whole table runs and the test fails listing every violation.
 */
type Role =
  | 'none'
  | 'wrong key'
  | 'producer'
  | 'other producer'
  | 'agent of the team'
  | 'agent of another team'
  | 'admin'
  | 'company'
  | 'other company'
  | 'customer token'
  | "another request's token"
  | 'token + ".x"'
  | 'token + char'
  | 'token, flipped char'
  | 'survey token as bearer'
  | 'expired token';

const ROLES: Role[] = [
  'none',
  'wrong key',
  'producer',
  'other producer',
  'agent of the team',
  'agent of another team',
  'admin',
  'company',
  'other company',
  'customer token',
  "another request's token",
  'token + ".x"',
  'token + char',
  'token, flipped char',
  'survey token as bearer',
  'expired token',
];
const UNAUTHENTICATED: Role[] = ['none', 'wrong key', 'token + ".x"', 'token + char', 'token, flipped char', 'survey token as bearer', 'expired token'];

/** The expected code per role: `allowed` for those named, 401 for no credential, `otherwise` for the rest. */
const expect401 = (table: Partial<Record<Role, number | number[]>>, otherwise: number): Record<Role, number | number[]> =>
  Object.fromEntries(ROLES.map((r) => [r, table[r] ?? (UNAUTHENTICATED.includes(r) ? 401 : otherwise)])) as Record<Role, number | number[]>;

const flip = (token: string, index: number) => token.slice(0, index) + (token[index] === 'A' ? 'B' : 'A') + token.slice(index + 1);

describe.each(testDatabases())('the authorisation matrix on %s', (db) => {
  let sys: TestSystem;
  const credential = {} as Record<Role, string | null>;
  const ids = { mine: '', business: '', planted: '', others: '' };
  let surveyToken = '';
  const violations: string[] = [];

  async function check(family: string, call: (auth: Record<string, string>) => Promise<{ status: number }>, expected: Record<Role, number | number[]>, only?: Role[]) {
    for (const role of only ?? ROLES) {
      const key = credential[role];
      const res = await call(key === null ? {} : bearer(key));
      const want = expected[role];
      const ok = Array.isArray(want) ? want.includes(res.status) : res.status === want;
      if (!ok) violations.push(`${family} as ${role}: ${res.status}, expected ${String(want)}`);
    }
  }

  beforeAll(async () => {
    sys = await startSystem(db, {
      SURVEY_POLICY_FILE: policyFile({ delay: '0ms', cooldown: '0ms', monthlyCap: 100, samplingRate: 1, tokenLifetime: '1h' }),
    });
    const admin = (path: string, body: object) => sys.http.put(path).set(bearer(sys.adminKey)).send(body);
    const otherProducer = (await admin('/v1/admin/producers/other-portal', { name: 'Other portal' }).expect(201)).body.key;
    const acme = (await admin('/v1/admin/companies/acme', { name: 'Acme', country: 'LV' }).expect(201)).body.key;
    const globex = (await admin('/v1/admin/companies/globex', { name: 'Globex', country: 'LV' }).expect(201)).body.key;
    const agentOfTeam = await addAgent(sys, 'matrix-mal', ['home-malware']);
    const agentElsewhere = await addAgent(sys, 'matrix-biz', ['business-baltics', 'business-triage']);

    const post = (key: string, body: object) => sys.http.post('/v1/requests').set(bearer(key)).send(body).expect(202);
    // The request the table is about: a home malware request in the home-malware team's queue.
    const mine = (await post(sys.producerKey, malware('c-matrix', 1))).body.requests[0];
    // The company's own request (its licence), and one planted by naming the company with another company's licence.
    const biz = (await post(sys.producerKey, business('acme-it', 1))).body.requests[0];
    const planted = (await post(sys.producerKey, { ...business('mallory', 2), licenceKey: 'LIC-GLOBEX-KESB' })).body.requests[0];
    const others = (await post(otherProducer, submission({ product: { code: 'kav', version: '20.0' }, subject: 'Old version' }))).body.requests[0];
    Object.assign(ids, { mine: mine.id, business: biz.id, planted: planted.id, others: others.id });
    for (const id of Object.values(ids)) {
      await waitFor(async () => SETTLED.includes((await sys.http.get(`/v1/requests/${id}`).set(bearer(sys.adminKey)).expect(200)).body.status), `request ${id} to settle`);
    }

    const tokens = sys.app.get(TokenSigner);
    const t = mine.customerToken as string;
    Object.assign(credential, {
      none: null,
      'wrong key': 'pro_not-a-key-of-this-installation',
      producer: sys.producerKey,
      'other producer': otherProducer,
      'agent of the team': agentOfTeam,
      'agent of another team': agentElsewhere,
      admin: sys.adminKey,
      company: acme,
      'other company': globex,
      'customer token': t,
      "another request's token": biz.customerToken,
      'token + ".x"': `${t}.x`,
      'token + char': `${t}A`,
      'token, flipped char': flip(t, t.length - 10),
      'survey token as bearer': await sys.app.get(SurveyTokens).sign('sv_matrix', new Date(Date.now() + 3600_000)),
      'expired token': await tokens.sign('customer', mine.id, { issuedAt: new Date(Date.now() - 2000_000), expiresAt: new Date(Date.now() - 1000) }),
    } satisfies Record<Role, string | null>);
  });

  afterAll(async () => {
    await sys?.stop();
  });

  it('answers every role on every endpoint family with the expected code, with no violation', async () => {
    const http = sys.http;
    const { mine, business: biz, planted, others } = ids;
    const declinedBody = submission({ product: { code: 'kav', version: '20.0' }, subject: 'Matrix' });

    await check('submit', (a) => http.post('/v1/requests').set(a).send(declinedBody), expect401({ producer: 202, 'other producer': 202 }, 403));
    await check('preview', (a) => http.post('/v1/triage/preview').set(a).send(declinedBody), expect401({ producer: 200, 'other producer': 200, admin: 200 }, 403));
    const reader = { producer: 200, 'agent of the team': 200, admin: 200, 'customer token': 200 };
    await check('read one', (a) => http.get(`/v1/requests/${mine}`).set(a), expect401(reader, 404));
    await check(
      'read the company request',
      (a) => http.get(`/v1/requests/${biz}`).set(a),
      expect401({ producer: 200, admin: 200, company: 200, "another request's token": 200, 'agent of another team': 200 }, 404),
    );
    await check('read a request planted in the company', (a) => http.get(`/v1/requests/${planted}`).set(a), expect401({ producer: 200, admin: 200, 'agent of another team': [200, 404] }, 404));
    await check("read another producer's request", (a) => http.get(`/v1/requests/${others}`).set(a), expect401({ 'other producer': 200, admin: 200 }, 404));
    await check('list', (a) => http.get('/v1/requests?limit=200').set(a), expect401({}, 200));
    await check('admin reference data', (a) => http.get('/v1/admin/products').set(a), expect401({ admin: 200 }, 403));
    await check('company surveys', (a) => http.get('/v1/companies/acme/surveys').set(a), expect401({ company: 200, admin: 200, 'other company': 404 }, 403));
    await check('own company', (a) => http.get('/v1/company/me').set(a), expect401({ company: 200, 'other company': 200 }, 403));
    await check('reports', (a) => http.get('/v1/reports/csat?from=2020-01-01T00:00:00.000Z&to=2100-01-01T00:00:00.000Z&groupBy=team').set(a), expect401({ admin: 200 }, 403));

    // Agents' routes: nobody else gets past the kind check; another team's agent does not learn the request exists.
    const notAgent = (extra: Partial<Record<Role, number | number[]>>) => expect401({ 'agent of the team': 0, ...extra }, 403);
    const exceptHolder = ROLES.filter((r) => r !== 'agent of the team');
    await check('agent claims', (a) => http.post('/v1/agent/claims').set(a), notAgent({ 'agent of another team': [200, 204] }), exceptHolder);
    const held = await waitFor(() => claim(sys, credential['agent of the team'] as string), 'the agent of the team to claim');
    expect(held.request.id).toBe(mine);
    const agentRoute = (family: string, path: string, body: object | null, holder: number) =>
      check(family, (a) => (body ? http.post(path).set(a).send(body) : http.post(path).set(a)), notAgent({ 'agent of the team': holder, 'agent of another team': 404 }));
    await agentRoute('agent renew', `/v1/agent/claims/${mine}/renew`, null, 200);
    await agentRoute('agent reply', `/v1/requests/${mine}/replies`, { body: 'Please run the scanner and tell us what it finds.' }, 200);

    // The customer's replies: its token (and its company, when it has one) only.
    let n = 0;
    const customerReply = (family: string, id: string, allowed: Partial<Record<Role, number | number[]>>, notFound: number) =>
      check(
        family,
        (a) =>
          http
            .post(`/v1/requests/${id}/customer-replies`)
            .set(a)
            .send({ body: `Reply ${++n}` }),
        expect401({ ...allowed, producer: 403, 'other producer': 403, admin: 403, 'agent of the team': 403, 'agent of another team': 403 }, notFound),
      );
    await customerReply('customer replies', mine, { 'customer token': 202 }, 404);
    await customerReply('customer replies to the company request', biz, { company: 202, "another request's token": [202, 409] }, 404);
    await customerReply('customer replies to a planted request', planted, {}, 404);

    await agentRoute('agent release', `/v1/requests/${mine}/release`, null, 200);
    const again = await waitFor(() => claim(sys, credential['agent of the team'] as string), 'the agent of the team to claim again');
    expect(again.request.id).toBe(mine);
    await agentRoute('agent resolve', `/v1/requests/${mine}/resolve`, { summary: 'Cleaned.' }, 200);

    // Survey answers: the token in the path is the credential; keys, customer tokens and tampered links are not.
    const survey = await surveyIn(sys, mine, ['sent']);
    surveyToken = await tokenOf(sys, survey.id);
    const expiredSurvey = await sys.app.get(SurveyTokens).sign(survey.id, new Date(Date.now() - 1000));
    const links: [string, string, number][] = [
      ['a customer token', credential['customer token'] as string, 404],
      ['a key', sys.producerKey, 404],
      ['survey token + ".zz"', `${surveyToken}.zz`, 404],
      ['survey token + char', `${surveyToken}A`, 404],
      ['survey token, flipped char', flip(surveyToken, surveyToken.length - 10), 404],
    ];
    const tryLinks = async (list: [string, string, number][]) => {
      for (const [name, token, want] of list) {
        for (const res of [await http.post(`/v1/surveys/${token}`).send({ score: 5, feedbackType: 'speed' }), await http.get(`/surveys/${token}`)]) {
          if (res.status !== want) violations.push(`survey answer with ${name}: ${res.status}, expected ${want}`);
        }
      }
    };
    await tryLinks(links);
    const answered = await http.post(`/v1/surveys/${surveyToken}`).send({ score: 5, feedbackType: 'speed' });
    if (answered.status !== 200) violations.push(`survey answer with its token: ${answered.status}, expected 200`);
    // Once answered, the link is used up; an expired link of an unanswered survey is 410 (test/surveys.e2e-spec.ts).
    await tryLinks([
      ['its token again', surveyToken, 409],
      ['an expired survey token', expiredSurvey, 409],
    ]);

    expect(violations).toEqual([]);
  });

  it('scopes lists to the caller: the customer sees one request, the company only what its licences put there', async () => {
    const listed = async (role: Role) =>
      (
        (
          await sys.http
            .get('/v1/requests?limit=200')
            .set(bearer(credential[role] as string))
            .expect(200)
        ).body.items as { id: string }[]
      ).map((r) => r.id);
    expect(await listed('customer token')).toEqual([ids.mine]);
    expect(await listed('company')).toEqual([ids.business]);
    expect(await listed('other company')).toEqual([]);
    expect(await listed('other producer')).toEqual(expect.not.arrayContaining([ids.mine, ids.business, ids.planted]));
    expect(await listed('agent of another team')).not.toContain(ids.mine);
  });

  it('drops a company the licence does not confirm, and says so on the timeline', async () => {
    const v = (await sys.http.get(`/v1/requests/${ids.planted}`).set(bearer(sys.adminKey)).expect(200)).body;
    expect(v.companyId).toBeNull();
    const decided = v.timeline.find((e: { event: string }) => e.event === 'request.eligibility-decided');
    expect(decided.detail.company).toEqual({ named: 'acme', attached: false });
    const own = (await sys.http.get(`/v1/requests/${ids.business}`).set(bearer(sys.adminKey)).expect(200)).body;
    expect(own.companyId).toBe('acme');
  });

  it("gives the customer token and the company key the customer's projection, without internals", async () => {
    const internals = ['eligibility', 'classification', 'team', 'priority', 'assignee', 'timeline', 'rulesVersion', 'segment'];
    const mine = (
      await sys.http
        .get(`/v1/requests/${ids.mine}`)
        .set(bearer(credential['customer token'] as string))
        .expect(200)
    ).body;
    for (const key of internals) expect(mine).not.toHaveProperty(key);
    expect(JSON.stringify(mine)).not.toMatch(/matrix-mal|evidence|ranking/);
    expect(mine).toMatchObject({ id: ids.mine, status: 'resolved', product: { code: 'kav' }, survey: { status: 'answered' } });
    expect(mine.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'support', kind: 'answer', body: 'Please run the scanner and tell us what it finds.' }),
        expect.objectContaining({ from: 'customer', kind: 'message' }),
      ]),
    );
    const company = (
      await sys.http
        .get(`/v1/requests/${ids.business}`)
        .set(bearer(credential.company as string))
        .expect(200)
    ).body;
    for (const key of internals) expect(company).not.toHaveProperty(key);
    // The clause and caveats the rules cite are the customer's to know, with their titles; the classifier's workings are not.
    expect(JSON.stringify(company)).not.toMatch(/confidence|evidence|ranking/);
    expect(company.clause).toEqual(expect.any(String));
    expect(company.clauseTitles[company.clause]).toEqual(expect.any(String));
    // Producers, agents and the admin keep the full view.
    const full = (await sys.http.get(`/v1/requests/${ids.mine}`).set(bearer(sys.producerKey)).expect(200)).body;
    expect(full).toHaveProperty('classification');
    expect(full).toHaveProperty('timeline');
  });
});
