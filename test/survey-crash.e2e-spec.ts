import 'reflect-metadata';
import { Events, Jobs, Queues } from '@support/contracts';
import { settingsFromEnv } from '@support/platform';
import { openDatabase, RequestEntity, SurveyEntity } from '@support/persistence';
import { Queue } from 'bullmq';
import type { ChildProcess } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { type FreshDatabase, freshDatabase, testDatabases, uniquePrefix } from './support/databases';
import { startAppProcess, stopProcess } from './support/processes';
import { deletePrefix } from './support/redis-keys';
import { waitFor } from './support/wait';
import { policyFile } from './support/surveys';

const REDIS_URL = settingsFromEnv(process.env).redisUrl;
// Long enough that the worker is surely killed before the send time, even on a loaded machine.
const DELAY_MS = 10_000;

/**
 * Principle 7 with a real process: the survey worker is SIGKILLed after scheduling and before
 * sending. The send time is in the database and the alarm is a delayed job in Redis, so after a
 * restart the survey still goes out, exactly once.
 */
describe.each(testDatabases())('survey worker killed between scheduling and sending on %s', (db) => {
  let database: FreshDatabase;
  let dataSource: DataSource;
  const prefix = uniquePrefix(`survey-crash-${db}`);
  let proc: ChildProcess | undefined;
  let env: Record<string, string>;
  const queues: Queue[] = [];
  const queue = (name: string) => {
    const q = new Queue(name, { connection: { url: REDIS_URL }, prefix });
    queues.push(q);
    return q;
  };

  beforeAll(async () => {
    database = await freshDatabase(db);
    dataSource = await openDatabase(database.url);
    env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      FEEDBACK_SURVEY_PORT: '0',
      WORKER_LOCK_MS: '2000',
      SURVEY_POLICY_FILE: policyFile({ delay: `${DELAY_MS}ms`, samplingRate: 1, cooldown: '0ms', monthlyCap: 10 }),
    };
  });
  afterAll(async () => {
    await stopProcess(proc, 'SIGKILL');
    await Promise.all(queues.map((q) => q.close()));
    await dataSource?.destroy();
    await database?.drop();
    await deletePrefix(REDIS_URL, prefix);
  });

  async function start(tag: string) {
    proc = startAppProcess('feedback-survey', env, `survey-crash-${db}-${tag}`);
    const q = queue(Queues.feedbackSurvey);
    await waitFor(async () => (await q.getWorkersCount()) > 0, 'the feedback-survey worker to connect', 30_000, 200);
  }

  it('sends the survey exactly once after a SIGKILL and a restart', async () => {
    const now = new Date().toISOString();
    const id = 'req_crash_1';
    await dataSource.getRepository(RequestEntity).insert({
      id,
      submissionId: 'sub_crash_1',
      partIndex: 0,
      producerId: 'web-form',
      status: 'resolved',
      segment: 'home',
      country: 'LV',
      language: 'ru',
      customerId: 'c-crash',
      customerEmail: 'crash@example.lv',
      companyId: null,
      productCode: 'kav',
      productVersion: '21.3',
      platform: null,
      licenceKey: null,
      channel: 'web',
      topic: null,
      subject: 'Crash test',
      description: 'A request resolved just now.',
      rulesVersion: null,
      eligibility: null,
      classification: null,
      outcome: null,
      supportPlan: null,
      teamId: 'home-lv',
      priority: 3,
      assigneeId: null,
      sla: null,
      slaNextAlarmAt: null,
      queueJob: null,
      leaseToken: null,
      leaseExpiresAt: null,
      firstResponseAt: now,
      awaitingSince: null,
      awaitCount: 0,
      resolvedAt: now,
      reopenCount: 0,
      receivedAt: now,
      updatedAt: now,
    });
    await start('1');
    await queue(Queues.feedbackSurvey).add(Events.resolved, { requestId: id }, { jobId: `${id}.${Events.resolved}` });
    const surveys = dataSource.getRepository(SurveyEntity);
    const scheduled = await waitFor(() => surveys.findOneBy({ requestId: id, status: 'scheduled' }), 'the survey to be scheduled');
    // Killed once the survey is scheduled in both places: its row and its alarm (the row commits first).
    await waitFor(() => queue(Queues.feedbackSurvey).getJob(`${scheduled.id}.${Jobs.surveySend}`), 'the survey alarm');
    await stopProcess(proc, 'SIGKILL');

    // The send time passes with no worker: nothing is sent, nothing is lost.
    await waitFor(async () => Date.now() > Date.parse(scheduled.sendAt) + 500, 'the send time to pass', DELAY_MS + 5000, 100);
    expect((await surveys.findOneByOrFail({ id: scheduled.id })).status).toBe('scheduled');
    const alarm = await queue(Queues.feedbackSurvey).getJob(`${scheduled.id}.${Jobs.surveySend}`);
    expect(alarm).toBeTruthy();

    await start('2');
    const sent = await waitFor(() => surveys.findOneBy({ id: scheduled.id, status: 'sent' }), 'the survey to be sent after the restart', 30_000);
    expect(Date.parse(sent.sentAt as string)).toBeGreaterThanOrEqual(Date.parse(scheduled.sendAt));

    // Kill and restart once more: still one survey, one delivery.
    await stopProcess(proc, 'SIGKILL');
    await start('3');
    // A kill right after the commit loses the delivery's publish; the alarm job, stalled, runs again and re-emits it.
    const notifications = queue(Queues.notifications);
    const deliveriesOf = async () =>
      (await notifications.getJobs(['waiting', 'delayed', 'completed', 'failed', 'active'])).filter((j) => j.name === Events.surveyDelivery && j.data.surveyId === scheduled.id);
    const deliveries = await waitFor(async () => ((await deliveriesOf()).length > 0 ? deliveriesOf() : null), 'the survey delivery', 30_000);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].data).toMatchObject({ to: { kind: 'customer', id: 'c-crash' }, detail: { channel: 'form', language: 'ru' } });
    expect(await surveys.countBy({ requestId: id })).toBe(1);
    expect((await surveys.findOneByOrFail({ id: scheduled.id })).sentAt).toBe(sent.sentAt);
  }, 120_000);
});
