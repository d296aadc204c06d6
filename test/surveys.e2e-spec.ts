import 'reflect-metadata';
import { Events, Jobs, Queues } from '@support/contracts';
import { isSampled } from '@support/domain';
import { RequestEntity, SurveyEntity } from '@support/persistence';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { SurveyTokens } from '../apps/feedback-survey/src/survey-tokens';
import { addAgent, bearer, claim } from './support/agents';
import { testDatabases } from './support/databases';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';
import { business, delivery, jobDone, malware, policyFile, queueOf, resolve, submitQueued, surveyFor, surveyIn, surveysOf, tokenOf, view } from './support/surveys';

const DELAY_MS = 1500;
const COOLDOWN_MS = 2000;

describe.each(testDatabases())('feedback surveys on %s', (db) => {
  let sys: TestSystem;
  let ana: string; // home-malware and business-baltics
  let acmeKey: string;
  let globexKey: string;

  beforeAll(async () => {
    const policy = policyFile({
      delay: `${DELAY_MS}ms`,
      cooldown: `${COOLDOWN_MS}ms`,
      monthlyCap: 2,
      samplingRate: 1,
      tokenLifetime: '1h',
      lowScoreThreshold: 2,
      relationship: { cron: '0 10 1 * *', timezone: 'Europe/Riga', period: 'month' },
    });
    sys = await startSystem(db, { SURVEY_POLICY_FILE: policy, REMINDER_AFTER_MS: '400', AUTO_CLOSE_AFTER_MS: '1200', REOPEN_WINDOW_MS: '60000' });
    ana = await addAgent(sys, 'ana', ['home-malware', 'business-baltics']);
    acmeKey = (await sys.http.put('/v1/admin/companies/acme').set(bearer(sys.adminKey)).send({ name: 'Acme SIA', country: 'LV' }).expect(201)).body.key;
    globexKey = (await sys.http.put('/v1/admin/companies/globex').set(bearer(sys.adminKey)).send({ name: 'Globex AS', country: 'EE' }).expect(201)).body.key;
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('schedules a survey on resolution and sends it after the delay, as a form link in the customer language', async () => {
    const { id } = await submitQueued(sys, malware('c-delay', 1, 'lv'));
    await resolve(sys, ana, id);
    const resolvedAt = Date.parse((await view(sys, id)).resolvedAt ?? (await sys.app.get(DataSource).getRepository(RequestEntity).findOneByOrFail({ id })).resolvedAt);
    const scheduled = await surveyIn(sys, id, ['scheduled', 'sent']);
    expect(Date.parse(scheduled.sendAt) - resolvedAt).toBe(DELAY_MS); // the send time is stored
    expect(scheduled.status).toBe('scheduled');
    expect(await delivery(sys, scheduled.id)).toBeNull();
    const sent = await surveyIn(sys, id, ['sent']);
    expect(Date.parse(sent.sentAt as string)).toBeGreaterThanOrEqual(resolvedAt + DELAY_MS);
    // 'sent' is committed first; the delivery job is added right after it (SurveyService.sendDue)
    const note = await waitFor(() => delivery(sys, sent.id), 'the survey delivery job');
    expect(note).toMatchObject({ to: { kind: 'customer', id: 'c-delay' }, detail: { channel: 'form', language: 'lv', kind: 'transactional' } });
    expect(note?.link).toMatch(/\/surveys\/eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(note?.body).toContain('Aptauja');
    const form = await sys.http.get(`/surveys/${await tokenOf(sys, sent.id)}`).expect(200);
    expect(form.text).toContain('<html lang="lv">');
    expect(form.text).toContain('Virus not detected #1');
  });

  it('cancels a survey not yet sent when the request reopens; the next resolution has its own survey', async () => {
    const { id, token } = await submitQueued(sys, malware('c-reopen', 2));
    await resolve(sys, ana, id);
    await surveyIn(sys, id, ['scheduled']);
    await sys.http.post(`/v1/requests/${id}/customer-replies`).set(bearer(token)).send({ body: 'The virus is back!' }).expect(202);
    const cancelled = await surveyIn(sys, id, ['cancelled']);
    expect(cancelled.statusReason).toMatch(/reopened/);
    const fq = queueOf(sys, Queues.feedbackSurvey);
    const alarm = await fq.getJob(`${cancelled.id}.${Jobs.surveySend}`); // removed on cancel (or, in a race, it rang and found nothing to send)
    if (alarm) expect(await alarm.getState()).not.toBe('delayed');
    await fq.close();
    expect(await delivery(sys, cancelled.id)).toBeNull();
    await resolve(sys, ana, id);
    const second = await surveyIn(sys, id, ['sent'], 1);
    expect(second.id).not.toBe(cancelled.id);
    expect((await surveyFor(sys, id, 0))?.status).toBe('cancelled');
  });

  it('holds to the cooldown: two resolutions close together give one survey', async () => {
    const a = await submitQueued(sys, malware('c-cool', 3));
    await resolve(sys, ana, a.id);
    const b = await submitQueued(sys, malware('c-cool', 4));
    await resolve(sys, ana, b.id);
    const [sa, sb] = [await surveyIn(sys, a.id, ['sent', 'skipped']), await surveyIn(sys, b.id, ['sent', 'skipped'])];
    expect([sa.status, sb.status].sort()).toEqual(['sent', 'skipped']);
    expect([sa, sb].find((s) => s.status === 'skipped')?.statusReason).toMatch(/^cooldown/);
  });

  it('holds to the monthly cap once the cooldown has passed', async () => {
    const statuses: SurveyEntity[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await submitQueued(sys, malware('c-cap', 10 + i));
      await resolve(sys, ana, r.id);
      const s = await surveyIn(sys, r.id, ['sent', 'skipped']);
      statuses.push(s);
      // the next survey must come after the cooldown, so only the cap can hold it back
      await waitFor(async () => Date.now() > Date.parse(s.sentAt ?? s.sendAt) + COOLDOWN_MS - DELAY_MS + 100, 'the cooldown to pass', 5000);
    }
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'sent', 'skipped']);
    expect(statuses[2].statusReason).toMatch(/^monthly cap: 2 of 2/);
  });

  it('never surveys declined or auto-closed requests', async () => {
    const declined = (
      await sys.http
        .post('/v1/requests')
        .set(bearer(sys.producerKey))
        .send(malware('c-declined', 20, 'en'))
        .expect(202)
    ).body.requests[0].id;
    const old = (
      await sys.http
        .post('/v1/requests')
        .set(bearer(sys.producerKey))
        .send({ ...malware('c-declined', 21), product: { code: 'kav', version: '20.1' } })
        .expect(202)
    ).body.requests[0].id;
    await waitFor(async () => (await view(sys, old)).status === 'declined', 'the old version to be declined');
    expect(await jobDone(sys, `${old}.${Events.declined}`)).toMatchObject({ state: 'completed', value: { survey: expect.stringMatching(/^none/) } });
    expect(await surveysOf(sys, { requestId: old })).toEqual([]);
    await waitFor(async () => (await view(sys, declined)).status === 'queued', 'the other request to be queued');

    // auto-closed: the agent asks, the customer never answers
    const c = await waitFor(() => claim(sys, ana), 'a claim');
    expect(c.request.id).toBe(declined);
    await sys.http.post(`/v1/requests/${declined}/replies`).set(bearer(ana)).send({ body: 'Which Windows version?', waitForCustomer: true }).expect(200);
    await waitFor(async () => (await view(sys, declined)).status === 'closed', 'the auto-close', 10_000);
    await jobDone(sys, `${declined}.${Events.closed}`, Queues.notifications);
    expect(await surveysOf(sys, { requestId: declined })).toEqual([]);
    expect(await surveysOf(sys, { customerId: 'c-declined' })).toEqual([]);
  });

  it('answers once through the token: a second answer is 409, a forged or expired link is refused', async () => {
    const { id } = await submitQueued(sys, malware('c-answer', 30));
    await resolve(sys, ana, id);
    const s = await surveyIn(sys, id, ['sent']);
    const token = await tokenOf(sys, s.id);
    await sys.http.post(`/v1/surveys/${token}`).send({ score: 7, feedbackType: 'speed' }).expect(400);
    const bad = await sys.http.post(`/v1/surveys/${token}`).send({ score: 4, feedbackType: 'weather' }).expect(400);
    expect(bad.body.errors[0].field).toBe('feedbackType');
    const ok = await sys.http.post(`/v1/surveys/${token}`).send({ score: 4, feedbackType: 'speed', comment: 'Quick, thanks' }).expect(200);
    expect(ok.body).toMatchObject({ status: 'answered', score: 4, feedbackType: 'speed' });
    const again = await sys.http.post(`/v1/surveys/${token}`).send({ score: 1, feedbackType: 'speed' }).expect(409);
    expect(again.body.message).toMatch(/already been answered/);
    expect((await surveyFor(sys, id))?.score).toBe(4);
    await sys.http.get(`/surveys/${token}`).expect(409);
    await sys.http
      .post(`/v1/surveys/${token.slice(0, -2)}xx`)
      .send({ score: 4, feedbackType: 'speed' })
      .expect(404);

    // A validly signed link past its expiry (the expiry is inside the signed token).
    const other = await submitQueued(sys, malware('c-expire', 31));
    await resolve(sys, ana, other.id);
    const s2 = await surveyIn(sys, other.id, ['sent']);
    const expired = await sys.app.get(SurveyTokens).sign(s2.id, new Date(Date.now() - 1000));
    const gone = await sys.http.post(`/v1/surveys/${expired}`).send({ score: 4, feedbackType: 'speed' }).expect(410);
    expect(gone.body.message).toMatch(/expired at/);
    expect((await surveyFor(sys, other.id))?.status).toBe('expired');
    const page = await sys.http.get(`/surveys/${expired}`).expect(410);
    expect(page.text).toContain('expired');
  });

  it('opens a follow-up for the team supervisors on a low score', async () => {
    const { id } = await submitQueued(sys, malware('c-low', 40));
    await resolve(sys, ana, id);
    const s = await surveyIn(sys, id, ['sent']);
    await sys.http
      .post(`/v1/surveys/${await tokenOf(sys, s.id)}`)
      .send({ score: 1, feedbackType: 'agent', comment: 'Nobody <b>helped</b>' })
      .expect(200);
    const intake = await jobDone(sys, `follow-up.${s.id}`, Queues.intake);
    expect(intake.state).toBe('completed');
    const followUpId = intake.value.requests[0].id;
    const followUp = await sys.app.get(DataSource).getRepository(RequestEntity).findOneByOrFail({ id: followUpId });
    expect(followUp).toMatchObject({ producerId: 'survey-follow-up', customerId: 'c-low', productCode: 'kav' });
    expect(followUp.description).toContain(id);
    expect(followUp.description).toContain('Nobody <b>helped</b>');
    // The follow-up waits for a person like any request: work it, so the next tests claim their own.
    const settled = await waitFor(async () => {
      const v = await view(sys, followUpId);
      return ['queued', 'declined'].includes(v.status) ? v : null;
    }, 'the follow-up to reach a team');
    if (settled.status === 'queued' && ['home-malware', 'business-baltics'].includes(settled.team)) await resolve(sys, ana, followUpId);
    const notifications = queueOf(sys, Queues.notifications);
    const answered = await notifications.getJob(`${s.id}.${Events.surveyAnswered}`);
    await notifications.close();
    expect(answered?.data).toMatchObject({ to: { kind: 'supervisors', team: 'home-malware' }, detail: { lowScore: true, score: 1, followUp: { queue: 'intake', jobId: `follow-up.${s.id}` } } });
  });

  it('lists business surveys in the company portal (7.2), only to their company, answered with the same token endpoint', async () => {
    const { id } = await submitQueued(sys, business('c-acme-1', 50));
    await resolve(sys, ana, id);
    const s = await surveyIn(sys, id, ['sent']);
    expect((await delivery(sys, s.id))?.detail.channel).toBe('company-portal');
    const list = await sys.http.get('/v1/companies/acme/surveys').set(bearer(acmeKey)).expect(200);
    expect(list.body.items).toHaveLength(1);
    const item = list.body.items[0];
    expect(item).toMatchObject({ id: s.id, requestId: id, subject: 'Agent crash #50', language: 'lv' });
    await sys.http.get('/v1/companies/acme/surveys').set(bearer(globexKey)).expect(404);
    await sys.http.get('/v1/companies/acme/surveys').set(bearer(sys.producerKey)).expect(403);
    await sys.http.get('/v1/companies/acme/surveys').expect(401);
    await sys.http.post(`/v1/surveys/${item.token}`).send({ score: 5, feedbackType: 'service-quality' }).expect(200);
    expect((await sys.http.get('/v1/companies/acme/surveys').set(bearer(acmeKey)).expect(200)).body.items).toEqual([]);
  });

  it('runs the periodic survey for the customers active in the period, once per customer and period', async () => {
    // c-active: resolved this month; c-open: resolved then reopened (not resolved now); c-declined: declined only.
    const active = await submitQueued(sys, malware('c-active', 60));
    await resolve(sys, ana, active.id);
    const open = await submitQueued(sys, malware('c-open', 61));
    await resolve(sys, ana, open.id);
    await sys.http.post(`/v1/requests/${open.id}/customer-replies`).set(bearer(open.token)).send({ body: 'again' }).expect(202);
    await surveyIn(sys, active.id, ['sent']);
    await surveyIn(sys, open.id, ['cancelled']);
    await waitFor(async () => Date.now() > Date.parse((await surveyFor(sys, active.id))?.sentAt as string) + COOLDOWN_MS + 50, 'the cooldown after c-active’s survey', 5000);

    const nextMonth = DateTime.now().setZone('Europe/Riga').startOf('month').plus({ months: 1, hours: 10 });
    const periodKey = DateTime.now().setZone('Europe/Riga').toFormat('yyyy-LL');
    const q = queueOf(sys, Queues.feedbackSurvey);
    await q.add(Jobs.surveyPeriodic, { at: nextMonth.toUTC().toISO() }, { jobId: 'periodic-1' });
    const run = await jobDone(sys, 'periodic-1');
    expect(run).toMatchObject({ state: 'completed' });
    expect(run.value).toMatchObject({ period: periodKey });

    const ds = sys.app.get(DataSource);
    const resolvedCustomers = new Set((await ds.getRepository(RequestEntity).findBy({ status: 'resolved' })).map((r) => r.customerId));
    const rel = await ds.getRepository(SurveyEntity).findBy({ kind: 'relationship' });
    expect(new Set(rel.map((s) => s.customerId))).toEqual(resolvedCustomers);
    expect(rel.every((s) => s.requestId.startsWith(`${periodKey}~`))).toBe(true);
    for (const who of ['c-open', 'c-declined']) expect(rel.find((s) => s.customerId === who)).toBeUndefined();
    const settledRel = await waitFor(async () => {
      const rows = await ds.getRepository(SurveyEntity).findBy({ kind: 'relationship' });
      return rows.every((s) => s.status !== 'scheduled') ? rows : null;
    }, 'the relationship surveys to be sent or skipped');
    const byCustomer = new Map(settledRel.map((s) => [s.customerId, s]));
    expect(byCustomer.get('c-active')?.status).toBe('sent'); // one survey so far this month, cooldown passed
    expect(byCustomer.get('c-cap')).toMatchObject({ status: 'skipped', statusReason: expect.stringMatching(/^monthly cap/) });

    // Idempotent per (customer, period): a second run adds nothing and sends nothing twice.
    await q.add(Jobs.surveyPeriodic, { at: nextMonth.plus({ days: 2 }).toUTC().toISO() }, { jobId: 'periodic-2' });
    expect((await jobDone(sys, 'periodic-2')).value).toMatchObject({ period: periodKey, scheduled: 0 });
    expect(await ds.getRepository(SurveyEntity).countBy({ kind: 'relationship' })).toBe(rel.length);
    await q.add(Jobs.surveyPeriodic, { at: 'not a date' }, { jobId: 'periodic-bad' });
    expect(await jobDone(sys, 'periodic-bad')).toMatchObject({ state: 'failed', reason: expect.stringMatching(/invalid input: at/) });
    await q.close();
  });
});

describe.each(testDatabases())('survey sampling, expiry and the CSAT report on %s', (db) => {
  const SEED = 'test-seed-42';
  let sys: TestSystem;
  let ana: string;

  beforeAll(async () => {
    const policy = policyFile({ delay: '0ms', cooldown: '0ms', monthlyCap: 100, samplingRate: 0.5, seed: SEED, tokenLifetime: '6s', lowScoreThreshold: 1 });
    sys = await startSystem(db, { SURVEY_POLICY_FILE: policy });
    ana = await addAgent(sys, 'ana', ['home-malware']);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('samples deterministically under the seed, answers within the lifetime, expires after it, and reports the numbers', async () => {
    const sampled: SurveyEntity[] = [];
    const skipped: SurveyEntity[] = [];
    const answers: Record<string, number> = {};
    for (let i = 0; (sampled.length < 3 || skipped.length < 1) && i < 40; i++) {
      const customer = `c-s${i}`;
      const { id } = await submitQueued(sys, malware(customer, 100 + i, 'en', i % 2 ? 'EE' : 'LV'));
      await resolve(sys, ana, id);
      const s = await surveyIn(sys, id, ['sent', 'skipped']);
      expect(s.status).toBe(isSampled({ seed: SEED, samplingRate: 0.5 }, customer, id) ? 'sent' : 'skipped');
      if (s.status === 'skipped') {
        expect(s.statusReason).toBe('not sampled (rate 0.5)');
        skipped.push(s);
        continue;
      }
      sampled.push(s);
      if (sampled.length <= 2) {
        const score = sampled.length === 1 ? 5 : 2;
        await sys.http
          .post(`/v1/surveys/${await tokenOf(sys, s.id)}`)
          .send({ score, feedbackType: 'speed' })
          .expect(200);
        answers[s.id] = score;
      }
    }
    expect(sampled.length).toBeGreaterThanOrEqual(3);

    // the third sampled survey is not answered: its link runs out
    const late = sampled[2];
    const token = await tokenOf(sys, late.id);
    expect((await sys.http.get(`/surveys/${token}`)).status).toBe(200); // still open (reading the form does not use it up)
    await waitFor(async () => (await sys.http.get(`/surveys/${token}`)).status === 410, 'the link to expire', 15_000, 250);
    const gone = await sys.http.post(`/v1/surveys/${token}`).send({ score: 4, feedbackType: 'speed' }).expect(410);
    expect(gone.body.message).toMatch(/expired/);

    const report = async (q: string) => (await sys.http.get(`/v1/reports/csat?${q}`).set(bearer(sys.adminKey)).expect(200)).body;
    const from = DateTime.now().minus({ days: 1 }).toISODate();
    const to = DateTime.now().plus({ days: 1 }).toISODate();
    const byTeam = await report(`from=${from}&to=${to}&groupBy=team`);
    expect(byTeam.groups).toEqual([{ key: 'home-malware', sent: sampled.length, answered: 2, responseRate: Math.round((2 / sampled.length) * 10_000) / 10_000, averageScore: 3.5 }]);
    expect(byTeam.total).toMatchObject({ sent: sampled.length, answered: 2, averageScore: 3.5 });
    const byCountry = await report(`from=${from}&to=${to}&groupBy=country`);
    const expectCountry = (c: string) => {
      const of = sampled.filter((s) => s.country === c);
      const answered = of.filter((s) => answers[s.id]);
      return {
        key: c,
        sent: of.length,
        answered: answered.length,
        responseRate: of.length ? Math.round((answered.length / of.length) * 10_000) / 10_000 : 0,
        averageScore: answered.length ? answered.reduce((a, s) => a + answers[s.id], 0) / answered.length : null,
      };
    };
    expect(byCountry.groups).toEqual(['EE', 'LV'].map(expectCountry).filter((g) => g.sent > 0));
    expect((await report(`from=${from}&to=${to}&groupBy=segment`)).groups).toEqual([expect.objectContaining({ key: 'home', sent: sampled.length, answered: 2 })]);
    expect((await report(`from=2020-01-01&to=2020-02-01&groupBy=team`)).groups).toEqual([]);

    await sys.http.get('/v1/reports/csat?groupBy=agent').set(bearer(sys.adminKey)).expect(400);
    await sys.http.get('/v1/reports/csat?from=yesterday').set(bearer(sys.adminKey)).expect(400);
    await sys.http.get(`/v1/reports/csat?from=${to}&to=${from}`).set(bearer(sys.adminKey)).expect(400);
    await sys.http.get('/v1/reports/csat').set(bearer(sys.producerKey)).expect(403);
    await sys.http.get('/v1/reports/csat').expect(401);
  });
});
