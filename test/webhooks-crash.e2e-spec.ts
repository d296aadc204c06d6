import type { ChildProcess } from 'node:child_process';
import { Queues } from '@support/contracts';
import { QueueRegistry } from '@support/messaging';
import { WebhookDispatcher } from '../apps/notifier/src/webhooks';
import { WebhooksProcessor } from '../apps/notifier/src/webhooks/webhooks.processor';
import { startAppProcess, stopProcess } from './support/processes';
import { auth } from './support/requests';
import { ADMIN_KEY, startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';
import { WebhookReceiver } from './support/webhook-receiver';

const N = 300;
const CONCURRENCY = 8;
const WEBHOOK_ENV = {
  WEBHOOK_RETRY_FIRST_DELAY_MS: '200',
  WEBHOOK_RETRY_MAX_DELAY_MS: '1000',
  WEBHOOK_TIMEOUT_MS: '2000',
  WORKER_LOCK_MS: '2000',
  WEBHOOK_SWEEP_EVERY_MS: '1000',
  WORKER_CONCURRENCY: String(CONCURRENCY),
};

/**
 * The delivery worker killed with SIGKILL in the middle of N deliveries and started again: every
 * delivery arrives, and one arrives twice only when the kill fell between the receiver's answer
 * and its record (at most the deliveries in flight: the worker's concurrency).
 */
describe('webhook deliveries when the worker is killed', () => {
  const receiver = new WebhookReceiver();
  let sys: TestSystem;
  let child: ChildProcess | undefined;
  const startWorker = async (tag: string) => {
    child = startAppProcess(
      'standalone',
      {
        ...WEBHOOK_ENV,
        DATABASE_URL: sys.settings.databaseUrl,
        REDIS_URL: sys.settings.redisUrl,
        QUEUE_PREFIX: sys.settings.queuePrefix,
        PORT: '0',
        DEMO_SEED: 'off',
        ADMIN_API_KEY: ADMIN_KEY,
        LOG_LEVEL: 'warn',
      },
      `webhooks-crash-${tag}`,
    );
    const queue = sys.app.get(QueueRegistry).get(Queues.webhooks);
    await waitFor(async () => (await queue.getWorkersCount()) > 0, 'the worker process to connect', 30_000, 100);
  };

  beforeAll(async () => {
    await receiver.start();
    receiver.delayMs = 5;
    sys = await startSystem('sqlite', WEBHOOK_ENV);
    // This process only dispatches; the child process delivers.
    await sys.app.get(WebhooksProcessor).worker.close();
  });
  afterAll(async () => {
    await stopProcess(child, 'SIGKILL');
    await sys?.stop();
    await receiver.stop();
  });

  it(`delivers each of ${N} webhooks after a SIGKILL, duplicates only in the in-flight window`, async () => {
    await sys.http
      .put('/v1/admin/webhooks/crash')
      .set(auth(sys.adminKey))
      .send({ url: receiver.url('/crash'), events: ['*'] })
      .expect(201);
    const dispatcher = sys.app.get(WebhookDispatcher);
    for (let i = 0; i < N; i++) await dispatcher.dispatch({ id: `occurrence-${i}`, type: 'request.resolved', requestId: null, data: { n: i }, at: new Date() });
    await startWorker('first');
    await waitFor(async () => receiver.received.length >= N / 3, 'a third of the deliveries', 60_000, 5);
    await stopProcess(child, 'SIGKILL');
    const atKill = receiver.received.length;
    await startWorker('second');
    const rows = await waitFor(
      async () => {
        const list = (await sys.http.get('/v1/admin/webhooks/crash/deliveries?limit=1000').set(auth(sys.adminKey)).expect(200)).body as { id: string; state: string }[];
        return list.length === N && list.every((d) => d.state === 'delivered') ? list : null;
      },
      `all ${N} deliveries delivered`,
      90_000,
      250,
    );
    const ids = receiver.received.map((r) => r.headers['webhook-id'] as string);
    expect(new Set(ids)).toEqual(new Set(rows.map((d) => d.id)));
    const duplicates = ids.length - new Set(ids).size;
    process.stdout.write(`webhooks crash: ${N} deliveries, killed after ${atKill} received, ${duplicates} sent twice\n`);
    expect(atKill).toBeLessThan(N);
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
  });
});
