import { PassThrough } from 'node:stream';
import { Queues, webhookDeliveryJobId } from '@support/contracts';
import { QueueRegistry } from '@support/messaging';
import { WebhookDispatcher } from '../apps/notifier/src/webhooks';
import { auth } from './support/requests';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';
import { WebhookReceiver } from './support/webhook-receiver';

/** One retry 1.5 s after a failure; a lost job is looked for every 500 ms once 3 s overdue (timeout + lock). */
const ENV = {
  WEBHOOK_RETRY_FIRST_DELAY_MS: '1500',
  WEBHOOK_RETRY_MAX_DELAY_MS: '1500',
  WEBHOOK_RETRY_FOR_MS: '60000',
  WEBHOOK_TIMEOUT_MS: '1000',
  WORKER_LOCK_MS: '2000',
  WEBHOOK_SWEEP_EVERY_MS: '500',
  LOG_LEVEL: 'info',
};

/** Webhook deliveries outlive their process, and survive Redis losing their job; secrets stay out of the logs. */
describe('webhook deliveries across a restart', () => {
  const receiver = new WebhookReceiver();
  const logs: string[] = [];
  const logStream = () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    return stream;
  };
  let first: TestSystem;
  let second: TestSystem;
  let secret = '';
  const deliveriesOf = async (sys: TestSystem, id: string) => (await sys.http.get(`/v1/admin/webhooks/${id}/deliveries`).set(auth(sys.adminKey)).expect(200)).body as Record<string, any>[];
  const dispatch = (sys: TestSystem, occurrence: string) => sys.app.get(WebhookDispatcher).dispatch({ id: occurrence, type: 'request.resolved', requestId: null, data: {}, at: new Date() });
  const afterFirstAttempt = (sys: TestSystem, id: string) =>
    waitFor(async () => (await deliveriesOf(sys, id)).find((d) => d.state === 'pending' && d.attempts.length === 1), `the first attempt of ${id}`, 10_000, 50);

  beforeAll(async () => {
    await receiver.start();
    first = await startSystem('sqlite', ENV, { logStream: logStream() });
  });
  afterAll(async () => {
    await second?.stop();
    await receiver.stop();
  });

  it('retries a delivery in the next process when the first stopped while it waited', async () => {
    receiver.answer('/restart', 500);
    const put = await first.http
      .put('/v1/admin/webhooks/restart')
      .set(auth(first.adminKey))
      .send({ url: receiver.url('/restart'), events: ['*'] })
      .expect(201);
    secret = put.body.secret;
    await dispatch(first, 'occurrence-restart');
    const pending = await afterFirstAttempt(first, 'restart');
    await first.stop({ keepData: true });
    second = await startSystem('sqlite', ENV, { sharing: first, logStream: logStream() });
    const delivered = await waitFor(async () => (await deliveriesOf(second, 'restart')).find((d) => d.state === 'delivered'), 'the delivery after the restart', 15_000, 100);
    expect(delivered.id).toBe(pending.id);
    expect(delivered.attempts.map((a: { status: number }) => a.status)).toEqual([500, 200]);
    expect(receiver.on('/restart').map((r) => [r.headers['webhook-id'], r.status])).toEqual([
      [pending.id, 500],
      [pending.id, 200],
    ]);
  });

  it('gives a pending delivery its job back when Redis lost it', async () => {
    receiver.answer('/lost', 500);
    await second.http
      .put('/v1/admin/webhooks/lost')
      .set(auth(second.adminKey))
      .send({ url: receiver.url('/lost'), events: ['request.resolved'] })
      .expect(201);
    await dispatch(second, 'occurrence-lost');
    const pending = await afterFirstAttempt(second, 'lost');
    const removed = await second.app.get(QueueRegistry).get(Queues.webhooks).remove(webhookDeliveryJobId(pending.id, 0));
    expect(removed).toBe(1);
    const delivered = await waitFor(async () => (await deliveriesOf(second, 'lost')).find((d) => d.state === 'delivered'), 'the swept delivery', 15_000, 100);
    expect(delivered.attempts.map((a: { status: number }) => a.status)).toEqual([500, 200]);
    expect(receiver.on('/lost')).toHaveLength(2);
  });

  it('never writes a secret in the logs', () => {
    expect(secret).toMatch(/^whsec_/);
    const text = logs.join('');
    expect(text).toContain('/v1/admin/webhooks/restart');
    expect(text).not.toContain(secret.slice('whsec_'.length));
    expect(text).not.toContain('whsec_');
  });
});
