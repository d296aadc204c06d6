import { DataSource } from 'typeorm';
import { addAgent, bearer, claim } from './support/agents';
import { testDatabases } from './support/databases';
import { EMAIL, logLines } from './support/log-lines';
import { submission } from './support/reference-data';
import { policyFile, surveyIn, tokenOf } from './support/surveys';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/**
 * Every log line of a whole flow, at debug level, read back from the logger's stream: no customer
 * or survey token, no API key and no e-mail address in any of them, and a failed query's bound
 * parameters (the customer's e-mail, licence key, description) are not logged either.
 */
describe.each(testDatabases())('logs without secrets on %s', (db) => {
  let sys: TestSystem;
  const { lines, stream } = logLines();

  beforeAll(async () => {
    sys = await startSystem(
      db,
      { LOG_LEVEL: 'debug', TOKEN_SECRET: 'test-token-secret-0123456789abcdef', SURVEY_POLICY_FILE: policyFile({ delay: '0ms', cooldown: '0ms', samplingRate: 1, monthlyCap: 100 }) },
      { logStream: stream },
    );
  });

  afterAll(async () => {
    await sys?.stop();
  });

  it('logs a full flow with no token, key, e-mail address or query parameter in any line', async () => {
    const secrets: string[] = [sys.adminKey, sys.producerKey, 'test-token-secret-0123456789abcdef'];
    const agentKey = await addAgent(sys, 'ana', ['home-malware']);
    secrets.push(agentKey);

    // Submit (e-mail and licence key in the body), read with the customer token.
    const body = submission({
      customer: { id: 'c-log', email: 'secret.person@example.lv', country: 'LV', language: 'en' },
      subject: 'Virus not detected',
      description: 'My computer is infected with a trojan that Kaspersky did not detect. The antivirus missed the malware.',
    });
    const submitted = await sys.http.post('/v1/requests').set(bearer(sys.producerKey)).send(body).expect(202);
    const { id, customerToken } = submitted.body.requests[0];
    secrets.push(customerToken);
    await waitFor(async () => (await sys.http.get(`/v1/requests/${id}`).set(bearer(customerToken)).expect(200)).body.status === 'queued', `request ${id} queued`);
    // A token in a URL's query, and a wrong one in the path: neither is logged.
    await sys.http.get(`/v1/requests/${id}?token=${customerToken}`).set(bearer(customerToken)).expect(200);

    // The agent: claim, reply, resolve.
    const c = await waitFor(() => claim(sys, agentKey), 'a claim');
    expect(c.request.id).toBe(id);
    await sys.http.post(`/v1/requests/${id}/replies`).set(bearer(agentKey)).send({ body: 'Please run a full scan.' }).expect(200);
    await sys.http.post(`/v1/requests/${id}/resolve`).set(bearer(agentKey)).send({ summary: 'Detected and removed.' }).expect(200);

    // The survey: its form and its answer, the token in the path.
    const survey = await surveyIn(sys, id, ['sent'], 0, 20_000);
    const surveyToken = await tokenOf(sys, survey.id);
    secrets.push(surveyToken);
    await sys.http.get(`/surveys/${surveyToken}`).expect(200);
    await sys.http.post(`/v1/surveys/${surveyToken}`).send({ score: 5, feedbackType: 'speed', comment: 'Write to me at secret.person@example.lv' }).expect(200);
    await sys.http.get(`/surveys/${surveyToken}`).expect(409);

    // An admin call that answers a new key.
    const producer = await sys.http.put('/v1/admin/producers/logs-portal').set(bearer(sys.adminKey)).send({ name: 'Portal' }).expect(201);
    secrets.push(producer.body.key);
    await sys.http.get('/v1/admin/producers/logs-portal').set(bearer(producer.body.key)).expect(403);

    // A database error with personal data in its bound parameters: a trigger refuses new requests.
    const dataSource = sys.app.get(DataSource);
    if (db === 'sqlite') {
      await dataSource.query(`CREATE TRIGGER refuse_requests BEFORE INSERT ON requests BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END`);
    } else {
      await dataSource.query(`CREATE FUNCTION refuse_requests() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test trigger'; END $$ LANGUAGE plpgsql`);
      await dataSource.query(`CREATE TRIGGER refuse_requests BEFORE INSERT ON requests FOR EACH ROW EXECUTE FUNCTION refuse_requests()`);
    }
    const personal = submission({
      customer: { id: 'c-pii', email: 'private.customer@example.lv', country: 'LV', language: 'en' },
      licenceKey: 'LIC-PRIVATE-0042',
      description: 'My private description with a home address, Brivibas iela 1, Riga.',
    });
    await sys.http.post('/v1/requests').set(bearer(sys.producerKey)).send(personal).expect(500);
    await dataSource.query(db === 'sqlite' ? 'DROP TRIGGER refuse_requests' : 'DROP TRIGGER refuse_requests ON requests');
    if (db === 'postgres') await dataSource.query('DROP FUNCTION refuse_requests()');

    await new Promise((r) => setTimeout(r, 200)); // the last lines are written
    // The flow was logged: request lines, the survey paths (redacted), the failed query.
    expect(lines.length).toBeGreaterThan(20);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, any>);
    expect(parsed.some((l) => l.req?.url === '/surveys/[redacted]')).toBe(true);
    expect(parsed.some((l) => l.req?.url === '/v1/surveys/[redacted]')).toBe(true);
    expect(parsed.some((l) => l.req?.url === `/v1/requests/${id}` && l.requestId === id)).toBe(true); // request ids stay
    const failure = lines.filter((l) => l.includes('refused by the test trigger'));
    expect(failure.length).toBeGreaterThan(0);

    const leaks: { line: string; what: string }[] = [];
    for (const line of lines) {
      for (const secret of secrets) if (line.includes(secret)) leaks.push({ line, what: `secret ${secret.slice(0, 6)}…` });
      if (EMAIL.test(line)) leaks.push({ line, what: 'an e-mail address' });
      for (const pii of ['LIC-PRIVATE-0042', 'Brivibas iela']) if (line.includes(pii)) leaks.push({ line, what: pii });
    }
    expect(leaks).toEqual([]);
  });
});
