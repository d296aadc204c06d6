import 'reflect-metadata';
import { ConflictException } from '@nestjs/common';
import { Events, eventJobId, Jobs, Queues } from '@support/contracts';
import { customerWrote, surveyId } from '@support/domain';
import { type RequestEntity, SurveyEntity } from '@support/persistence';
import { TokenSigner } from '@support/platform';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabases } from '../../../test/support/databases';
import { type ServiceHarness, serviceHarness } from '../../../test/support/service-harness';
import { SurveyPolicyService } from './survey-policy.service';
import { SurveyOptOuts } from './survey-opt-outs';
import { SurveyTokens } from './survey-tokens';
import { FOLLOW_UP_PRODUCER, SurveyService } from './survey.service';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** The instant the alarms ring in the send-time tests: mid-month, so "this month" is unambiguous. */
const NOW = Date.parse('2026-03-20T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(testDatabases())('SurveyService (%s, real Redis)', (db) => {
  let h: ServiceHarness;
  let policyDir: string;
  let tokens: SurveyTokens;
  let signer: TokenSigner;
  /** Every resolved request sampled; a short cooldown so the monthly cap can be seen on its own. */
  let surveys: SurveyService;

  beforeAll(async () => {
    h = await serviceHarness(db, 'survey-spec');
    policyDir = mkdtempSync(join(tmpdir(), 'survey-spec-policy-'));
    signer = new TokenSigner(h.dataSource, h.settings);
    await signer.onModuleInit();
    tokens = new SurveyTokens(signer);
    surveys = withPolicy({ samplingRate: 1, delay: '2h', cooldown: '1d', monthlyCap: 1, tokenLifetime: '14d', lowScoreThreshold: 2 });
  });

  afterAll(async () => {
    await h?.close();
    if (policyDir) rmSync(policyDir, { recursive: true, force: true });
  });

  /** A SurveyService reading the shipped policy with these overrides (the policy is read once, at construction). */
  function withPolicy(overrides: Record<string, unknown>): SurveyService {
    const base = JSON.parse(readFileSync(join(__dirname, '../../../config/surveys/policy.json'), 'utf8'));
    const file = join(policyDir, `policy-${Object.values(overrides).join('-')}.json`);
    writeFileSync(file, JSON.stringify({ ...base, ...overrides }));
    const settings = { ...h.settings, surveyPolicyFile: file };
    return new SurveyService(h.dataSource, h.store, h.reference, h.publisher, new SurveyPolicyService(settings), tokens, new SurveyOptOuts(h.dataSource, signer, settings), settings);
  }

  const resolved = (resolvedAt: number, overrides: Partial<RequestEntity> = {}) =>
    h.insertRequest({ status: 'resolved', teamId: 'home-lv', priority: 3, assigneeId: 'ana', firstResponseAt: iso(resolvedAt), resolvedAt: iso(resolvedAt), ...overrides });

  const row = async (id: string) => (await h.dataSource.getRepository(SurveyEntity).findOneByOrFail({ id })) as SurveyEntity;
  const sendJob = (id: string) => h.job(Queues.feedbackSurvey, `${id}.${Jobs.surveySend}`);

  /** A survey of a request resolved 3 h before NOW, sent by its alarm at `at`. */
  async function sent(customerId: string, at = NOW): Promise<SurveyEntity> {
    const request = await resolved(at - 3 * HOUR, { customerId });
    const { surveyId: id } = await surveys.scheduleAfterResolution(request.id);
    expect(await surveys.sendDue(id!, new Date(at))).toEqual({ status: 'sent' });
    return row(id!);
  }

  describe('scheduling after resolution', () => {
    it('stores one survey per resolution round, due after the delay, with a delayed alarm job', async () => {
      const resolvedAt = Date.now() - 10 * 60_000;
      const request = await resolved(resolvedAt, { language: 'lv', country: 'LV' });
      const expectedId = surveyId('transactional', request.id, 0);

      const before = Date.now();
      const result = await surveys.scheduleAfterResolution(request.id);

      expect(result).toEqual({ surveyId: expectedId, status: 'scheduled' });
      expect(await row(expectedId)).toMatchObject({
        kind: 'transactional',
        requestId: request.id,
        round: 0,
        customerId: request.customerId,
        teamId: 'home-lv',
        language: 'lv',
        segment: 'home',
        status: 'scheduled',
        statusReason: null,
        sendAt: iso(resolvedAt + 2 * HOUR),
        sentAt: null,
      });
      const job = await sendJob(expectedId);
      expect(job).toMatchObject({ name: Jobs.surveySend, data: { surveyId: expectedId } });
      expect(await job!.getState()).toBe('delayed');
      expect(job!.delay).toBeLessThanOrEqual(resolvedAt + 2 * HOUR - before);
      expect(job!.delay).toBeGreaterThan(resolvedAt + 2 * HOUR - before - 5000);

      // The same event again (a redelivery) finds the same survey and adds nothing.
      expect(await surveys.scheduleAfterResolution(request.id)).toEqual(result);
      expect(await h.dataSource.getRepository(SurveyEntity).countBy({ requestId: request.id })).toBe(1);
      expect((await h.queues.get(Queues.feedbackSurvey).getDelayed()).filter((j) => j.data.surveyId === expectedId)).toHaveLength(1);
    });

    it('the sweep arms again, at once, the alarm of a survey not due yet that Redis lost (and adds nothing while it holds it)', async () => {
      const request = await resolved(Date.now() - 10 * 60_000);
      const { surveyId: id } = await surveys.scheduleAfterResolution(request.id);
      await surveys.sweep();
      expect((await h.queues.get(Queues.feedbackSurvey).getDelayed()).filter((j) => j.data.surveyId === id)).toHaveLength(1);

      expect(await h.queues.get(Queues.feedbackSurvey).remove(`${id}.${Jobs.surveySend}`)).toBe(1); // as if Redis lost it
      await surveys.sweep();

      const job = await sendJob(id!);
      expect(await job?.getState()).toBe('delayed');
      expect((await row(id!)).status).toBe('scheduled');
    });

    it('surveys nothing about a request that is no longer resolved', async () => {
      const request = await h.insertRequest({ status: 'queued', teamId: 'home-lv', reopenCount: 1 });

      expect(await surveys.scheduleAfterResolution(request.id)).toEqual({ status: 'none', reason: 'request is queued' });
      expect(await h.dataSource.getRepository(SurveyEntity).countBy({ requestId: request.id })).toBe(0);
    });

    it('records a request left out of the sample as skipped, with no alarm', async () => {
      const nobody = withPolicy({ samplingRate: 0 });
      const request = await resolved(Date.now());

      const result = await nobody.scheduleAfterResolution(request.id);

      expect(result).toEqual({ surveyId: surveyId('transactional', request.id, 0), status: 'skipped', reason: 'not sampled (rate 0)' });
      expect(await row(result.surveyId!)).toMatchObject({ status: 'skipped', statusReason: 'not sampled (rate 0)', sentAt: null });
      expect(await sendJob(result.surveyId!)).toBeNull();
    });

    it('cancels a survey not yet sent when the request reopens, and its alarm then sends nothing', async () => {
      const request = await resolved(Date.now());
      const { surveyId: id } = await surveys.scheduleAfterResolution(request.id);
      expect(await sendJob(id!)).not.toBeNull();
      // The customer writes within the window: the desk's real reopen transition.
      await h.store.apply(request.id, customerWrote(request, 'customer', 'It is back.', { kind: 'reopened', place: { queue: 'agent-ana', id: `${request.id}.o1` } }, new Date()));
      expect((await h.request(request.id)).status).toBe('queued');

      expect(await surveys.cancelOnReopen(request.id)).toEqual({ cancelled: 1 });

      expect(await row(id!)).toMatchObject({ status: 'cancelled', statusReason: 'the request was reopened before the survey was sent', sentAt: null });
      expect(await sendJob(id!)).toBeNull();
      expect(await surveys.sendDue(id!)).toEqual({ status: 'cancelled', reason: 'the request was reopened before the survey was sent' });
      expect(await h.job(Queues.notifications, eventJobId(Events.surveyDelivery, id!))).toBeNull();
      // Nothing left to cancel the second time.
      expect(await surveys.cancelOnReopen(request.id)).toEqual({ cancelled: 0 });
    });
  });

  describe('sending, throttled at send time', () => {
    it('sends a due survey: the row gets its send time and link expiry, and the delivery is published', async () => {
      const survey = await sent('c-send-1');

      expect(survey).toMatchObject({ status: 'sent', statusReason: null, sentAt: iso(NOW), expiresAt: iso(NOW + 14 * DAY) });
      const delivery = await h.job(Queues.notifications, eventJobId(Events.surveyDelivery, survey.id));
      expect(delivery).toMatchObject({ name: Events.surveyDelivery, data: { surveyId: survey.id, requestId: survey.requestId, to: { kind: 'customer', id: 'c-send-1' } } });
      const link = delivery!.data.link as string;
      expect(await tokens.check(link.slice(link.lastIndexOf('/') + 1), new Date(NOW))).toEqual({ ok: true, surveyId: survey.id, expiresAt: new Date(NOW + 14 * DAY) });
    });

    it('re-arms an alarm that rang early instead of sending', async () => {
      const request = await resolved(NOW, { customerId: 'c-early' });
      const { surveyId: id } = await surveys.scheduleAfterResolution(request.id);

      expect(await surveys.sendDue(id!, new Date(NOW))).toEqual({ status: 'scheduled', reason: 'early: re-armed' });

      const sendAt = NOW + 2 * HOUR;
      expect(await h.job(Queues.feedbackSurvey, `${id}.${Jobs.surveySend}.at${sendAt}`)).toMatchObject({ data: { surveyId: id }, delay: 2 * HOUR });
      expect((await row(id!)).status).toBe('scheduled');
    });

    it('holds a survey back within the cooldown after the last one sent', async () => {
      const earlier = await sent('c-cooldown', NOW - 12 * HOUR);
      const request = await resolved(NOW - 3 * HOUR, { customerId: 'c-cooldown' });
      const { surveyId: id } = await surveys.scheduleAfterResolution(request.id);

      const result = await surveys.sendDue(id!, new Date(NOW));

      const reason = `cooldown: the customer was sent a survey at ${earlier.sentAt}`;
      expect(result).toEqual({ status: 'skipped', reason });
      expect(await row(id!)).toMatchObject({ status: 'skipped', statusReason: reason, sentAt: null, expiresAt: null });
      expect(await h.job(Queues.notifications, eventJobId(Events.surveyDelivery, id!))).toBeNull();
    });

    it('holds a survey back past the monthly cap, counting calendar months', async () => {
      await sent('c-cap', NOW - 10 * DAY); // 10 March: out of the 1-day cooldown, in the same month
      const request = await resolved(NOW - 3 * HOUR, { customerId: 'c-cap' });
      const { surveyId: id } = await surveys.scheduleAfterResolution(request.id);

      expect(await surveys.sendDue(id!, new Date(NOW))).toEqual({ status: 'skipped', reason: 'monthly cap: 1 of 1 surveys already sent this month' });
      expect((await row(id!)).sentAt).toBeNull();

      // One sent last month does not count against this month's cap.
      await sent('c-cap-2', Date.parse('2026-02-25T12:00:00.000Z'));
      expect((await sent('c-cap-2', NOW)).status).toBe('sent');
    });
  });

  describe('answers', () => {
    it('stores an answer once: the link is single use (409 after)', async () => {
      const survey = await sent('c-answer');
      const token = await tokens.sign(survey.id, new Date(survey.expiresAt!));
      const at = new Date(NOW + HOUR);

      const answered = await surveys.answer(token, { score: 4, feedbackType: 'speed', comment: '  Quick and clear.  ' }, at);

      expect(answered).toMatchObject({ id: survey.id, status: 'answered', score: 4 });
      expect(await row(survey.id)).toMatchObject({ status: 'answered', score: 4, feedbackType: 'speed', comment: 'Quick and clear.', answeredAt: at.toISOString() });
      const told = await h.job(Queues.notifications, eventJobId(Events.surveyAnswered, survey.id));
      expect(told?.data).toMatchObject({ surveyId: survey.id, to: { kind: 'supervisors', id: 'home-lv' }, detail: { score: 4, lowScore: false, followUp: null } });
      expect(await h.job(Queues.intake, `follow-up.${survey.id}`)).toBeNull();

      const again = surveys.answer(token, { score: 1, feedbackType: 'agent' }, new Date(NOW + 2 * HOUR));
      await expect(again).rejects.toThrow(ConflictException);
      await expect(again).rejects.toMatchObject({ status: 409 });
      expect(await row(survey.id)).toMatchObject({ score: 4, feedbackType: 'speed' });
    });

    it('opens a follow-up request on a low score: request.submitted on the intake queue, keyed by the survey', async () => {
      const survey = await sent('c-unhappy');
      const request = await h.request(survey.requestId);
      const token = await tokens.sign(survey.id, new Date(survey.expiresAt!));

      await surveys.answer(token, { score: 1, feedbackType: 'agent', comment: 'Nobody called back.' }, new Date(NOW + HOUR));

      const jobId = `follow-up.${survey.id}`;
      const followUp = await h.job(Queues.intake, jobId);
      expect(followUp?.name).toBe(Events.submitted);
      expect(followUp?.data).toMatchObject({
        producer: FOLLOW_UP_PRODUCER,
        idempotencyKey: jobId,
        customer: { id: 'c-unhappy', email: request.customerEmail, country: 'LV', language: 'en' },
        product: { code: request.productCode, version: request.productVersion },
        channel: 'api',
        subject: 'Follow-up: customer rated our support 1/5',
      });
      expect(followUp?.data.description).toContain('Their comment: Nobody called back.');
      expect(await h.reference.producer(FOLLOW_UP_PRODUCER)).toMatchObject({ id: FOLLOW_UP_PRODUCER });
      const told = await h.job(Queues.notifications, eventJobId(Events.surveyAnswered, survey.id));
      expect(told?.data.detail).toMatchObject({ score: 1, lowScore: true, followUp: { queue: Queues.intake, jobId, producer: FOLLOW_UP_PRODUCER } });
      expect(await h.queues.get(Queues.intake).getJobCounts('wait')).toEqual({ wait: 1 });
    });
  });
});
