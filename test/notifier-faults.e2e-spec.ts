import { settingsFromEnv } from '@support/platform';
import { LicenceEntity, MailDeliveryEntity, openDatabase, ProducerEntity, ProductEntity, TeamEntity } from '@support/persistence';
import { Queue } from 'bullmq';
import type { ChildProcess } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { bearer } from './support/agents';
import { type FreshDatabase, freshDatabase, testDatabases, uniquePrefix } from './support/databases';
import { startAppProcess, stopProcess, workerConnected } from './support/processes';
import { deletePrefix } from './support/redis-keys';
import { SEED, submission } from './support/reference-data';
import { submit } from './support/requests';
import { SmtpSink } from './support/smtp-sink';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

const N = 500;
const REDIS_URL = settingsFromEnv(process.env).redisUrl;
const CONCURRENCY = 8;

/**
 * Principle 2 for mail: the notifier killed with SIGKILL in the middle of 500 deliveries and
 * restarted delivers every mail. The SMTP hop is the one place a crash can repeat a mail (the
 * server said 250, the process died before recording it): at most the mails in flight at the
 * kill, each with the same Message-ID, so mail clients show it once. The test measures them.
 */
// One database: the stages' own crash test (crash-recovery) covers both; this one is about the SMTP hop.
describe.each(testDatabases().slice(0, 1))('mail survives a killed notifier (%s)', (db) => {
  let database: FreshDatabase;
  let dataSource: DataSource;
  let smtp: SmtpSink;
  const prefix = uniquePrefix(`notifier-crash-${db}`);
  const procs = new Map<string, ChildProcess>();
  let env: Record<string, string>;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    database = await freshDatabase(db);
    dataSource = await openDatabase(database.url);
    await dataSource.getRepository(ProductEntity).save(SEED.products as never);
    await dataSource.getRepository(LicenceEntity).save(SEED.licences.map((l) => ({ customerId: null, companyId: null, ...l })) as never);
    await dataSource.getRepository(TeamEntity).save(SEED.teams as never);
    await dataSource.getRepository(ProducerEntity).save({ id: 'web-form', name: 'Web form' });
    env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      WORKER_LOCK_MS: '3000',
      WORKER_CONCURRENCY: String(CONCURRENCY),
      INTAKE_PORT: '0',
      NOTIFIER_PORT: '0',
      SMTP_URL: smtp.url,
      MAIL_RETRY_MS: '300',
    };
  });

  afterAll(async () => {
    await Promise.all([...procs.values()].map((p) => stopProcess(p, 'SIGKILL')));
    await dataSource?.destroy();
    await database?.drop();
    await deletePrefix(REDIS_URL, prefix);
    await smtp?.down();
  });

  async function start(app: string, queueName: string) {
    procs.set(app, startAppProcess(app, env, `notifier-crash-${db}-${app}`));
    await workerConnected(REDIS_URL, prefix, queueName, app);
  }

  it(`delivers all ${N} receipts although the notifier is killed mid-run`, async () => {
    await start('intake', 'intake');
    await start('notifier', 'mail');
    const intake = new Queue('intake', { connection: { url: REDIS_URL }, prefix });
    await intake.addBulk(
      Array.from({ length: N }, (_, i) => ({
        name: 'request.submitted',
        data: { ...submission({ customer: { id: `c-${i}`, email: `c-${i}@example.com`, country: 'LV', language: 'en' } }), producer: 'web-form' },
        opts: { jobId: `sub-${i}` },
      })),
    );
    await intake.close();

    await waitFor(async () => smtp.mails.length >= N / 5, 'a fifth of the mails to be sent', 60_000, 10);
    await stopProcess(procs.get('notifier'), 'SIGKILL');
    const atKill = smtp.mails.length;
    expect(atKill).toBeLessThan(N); // killed in the middle, not after the end
    await start('notifier', 'mail');

    const distinct = () => new Set(smtp.mails.map((m) => m.messageId)).size;
    await waitFor(async () => distinct() === N, `all ${N} mails to arrive`, 120_000, 100);
    const duplicates = smtp.mails.length - distinct();
    console.log(`notifier killed after ${atKill} of ${N} mails: ${N} delivered, ${duplicates} repeated with the same Message-ID (at most ${CONCURRENCY} can be in flight)`);
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
    expect(new Set(smtp.mails.flatMap((m) => m.to)).size).toBe(N);
    const sent = await dataSource.getRepository(MailDeliveryEntity).countBy({ state: 'sent' });
    expect(sent).toBe(N);
    expect(await dataSource.getRepository(MailDeliveryEntity).count()).toBe(N);
  }, 240_000);
});

describe('mail survives an SMTP outage', () => {
  let sys: TestSystem;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    sys = await startSystem('sqlite', { SMTP_URL: smtp.url, MAIL_RETRY_MS: '500' });
  });
  afterAll(async () => {
    await sys?.stop();
    await smtp?.down();
  });

  it('delivers after the SMTP server was down for 30 seconds, once', async () => {
    const email = 'patient@example.com';
    await smtp.down();
    const answer = await submit(sys, submission({ customer: { id: 'patient', email, country: 'LV', language: 'en' } }));
    const id = answer.requests[0].id;
    const failing = await waitFor(async () => {
      const list = (await sys.http.get(`/v1/admin/deliveries?requestId=${id}`).set(bearer(sys.adminKey)).expect(200)).body;
      return list.find((d: { attempts: number; lastError: string | null; state: string }) => d.attempts >= 2 && d.lastError && d.state === 'pending');
    }, 'failed attempts while the server is down');
    expect(failing.lastError).toMatch(/ECONNREFUSED|connect/i);
    await new Promise((r) => setTimeout(r, 30_000));
    await smtp.up();
    await smtp.waitFor(email, () => true, 'the receipt after the outage', 1, 60_000);
    const list = (await sys.http.get(`/v1/admin/deliveries?requestId=${id}`).set(bearer(sys.adminKey)).expect(200)).body;
    expect(list).toHaveLength(1);
    expect(list[0].state).toBe('sent');
    expect(smtp.to(email)).toHaveLength(1);
  }, 150_000);
});
