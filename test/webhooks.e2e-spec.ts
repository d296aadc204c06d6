import { Webhook } from 'standardwebhooks';
import { WebhookDeliveries, WebhookDispatcher } from '../apps/notifier/src/webhooks';
import { testDatabases } from './support/databases';
import { auth, settled, submit, view } from './support/requests';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';
import { WebhookReceiver } from './support/webhook-receiver';

/** A short retry schedule: waits of 200, 400, 400, 400 and 100 ms, so 6 attempts in all. */
const WEBHOOK_ENV = {
  WEBHOOK_RETRY_FIRST_DELAY_MS: '200',
  WEBHOOK_RETRY_MAX_DELAY_MS: '400',
  WEBHOOK_RETRY_FOR_MS: '1500',
  WEBHOOK_TIMEOUT_MS: '3000',
  WEBHOOK_DISABLE_AFTER_FAILURES: '2',
  WEBHOOK_SWEEP_EVERY_MS: '1000',
};

const REQUEST = {
  customer: { id: 'wh-1', email: 'wh@example.lv', country: 'LV' },
  product: { code: 'kav', version: '21' },
  channel: 'web',
  subject: 'Update fails',
  description: 'The antivirus database update fails with an error every day.',
};

describe.each(testDatabases())('signed webhooks on %s', (db) => {
  let sys: TestSystem;
  const receiver = new WebhookReceiver();
  const admin = () => auth(sys.adminKey);
  const put = (id: string, body: object, query = '') => sys.http.put(`/v1/admin/webhooks/${id}${query}`).set(admin()).send(body);
  const deliveries = async (id: string) => (await sys.http.get(`/v1/admin/webhooks/${id}/deliveries`).set(admin()).expect(200)).body as Record<string, any>[];
  const dispatch = (id: string, type: string, requestId: string | null, data: Record<string, unknown> = {}) =>
    sys.app.get(WebhookDispatcher).dispatch({ id, type, requestId, data, at: new Date('2026-12-01T10:00:00Z') });
  const settledDelivery = (id: string, deliveryId?: string) =>
    waitFor(async () => (await deliveries(id)).find((d) => (!deliveryId || d.id === deliveryId) && d.state !== 'pending'), `a finished delivery of ${id}`, 20_000, 100);

  beforeAll(async () => {
    await receiver.start();
    sys = await startSystem(db, WEBHOOK_ENV);
  });
  afterAll(async () => {
    await sys?.stop();
    await receiver.stop();
  });

  it('refuses bad subscriptions with 400, naming each field', async () => {
    const res = await put('bad', { url: 'ftp://example.com/x', events: ['request.resolvd'], secret: 'whsec_c2hvcnQ=' }).expect(400);
    expect(res.body.errors).toEqual([
      { field: 'url', messages: ['url must use http or https (got ftp)'] },
      { field: 'events', messages: [expect.stringContaining('unknown event "request.resolvd"')] },
      { field: 'secret', messages: [expect.stringContaining('(got 5 bytes)')] },
    ]);
    expect((await put('bad', { url: 'https://example.com', events: [] }).expect(400)).body.errors).toEqual([{ field: 'events', messages: [expect.stringContaining('at least one event')] }]);
    expect((await put('bad', { events: ['*'] }).expect(400)).body.errors[0].field).toBe('url');
    expect((await put('bad', { url: 'https://example.com', events: 'request.resolved', extra: 1 }).expect(400)).body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['events', 'extra']),
    );
    await put('bad', { url: 'https://example.com', events: [1] }).expect(400);
    await put('bad', { url: 'x'.repeat(3000), events: ['*'] }).expect(400);
    await put('bad id!', { url: 'https://example.com', events: ['*'] }).expect(400);
    await sys.http.get('/v1/admin/webhooks/bad/deliveries?limit=0').set(admin()).expect(400);
    await sys.http.get('/v1/admin/webhooks/bad').set(admin()).expect(404);
    await sys.http
      .put('/v1/admin/webhooks/x')
      .set(auth(sys.producerKey))
      .send({ url: 'https://example.com', events: ['*'] })
      .expect(403);
  });

  it('shows the secret once: on creation, when given or rotated; never on GET', async () => {
    const created = await put('crm', { url: receiver.url('/crm'), events: ['request.resolved'] }).expect(201);
    expect(created.body).toMatchObject({ id: 'crm', url: receiver.url('/crm'), events: ['request.resolved'], enabled: true, secret: expect.stringMatching(/^whsec_/) });
    const replaced = await put('crm', { url: receiver.url('/crm'), events: ['request.resolved', 'request.declined'], secret: null }).expect(200);
    expect(replaced.body.secret).toBeUndefined();
    const rotated = await put('crm', { url: receiver.url('/crm'), events: ['request.resolved'] }, '?rotateSecret=true').expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    const one = await sys.http.get('/v1/admin/webhooks/crm').set(admin()).expect(200);
    const all = await sys.http.get('/v1/admin/webhooks').set(admin()).expect(200);
    expect(one.body.secret).toBeUndefined();
    expect(all.body).toEqual([one.body]);
    expect(JSON.stringify(all.body)).not.toContain('whsec_');
  });

  it('delivers once per subscription and occurrence, signed, even when dispatched twice', async () => {
    const secret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
    await put('signed', { url: receiver.url('/signed'), events: ['*'], secret }).expect(201);
    await put('other', { url: receiver.url('/other'), events: ['request.declined'] }).expect(201);
    await dispatch('r-sig.request.resolved', 'request.resolved', 'r-sig', { status: 'resolved' });
    await dispatch('r-sig.request.resolved', 'request.resolved', 'r-sig', { status: 'resolved' });
    const [delivery] = [await settledDelivery('signed')];
    expect(delivery).toMatchObject({ state: 'delivered', type: 'request.resolved', requestId: 'r-sig', attempts: [{ status: 200, error: null }], nextAttemptAt: null });
    // A redelivered event dispatched once more after the delivery finished adds nothing either.
    await dispatch('r-sig.request.resolved', 'request.resolved', 'r-sig', { status: 'resolved' });
    await new Promise((r) => setTimeout(r, 500));
    const got = receiver.on('/signed');
    expect(got).toHaveLength(1);
    expect(receiver.on('/other')).toHaveLength(0);
    const payload = new Webhook(secret).verify(got[0].body, got[0].headers as Record<string, string>);
    expect(payload).toEqual({ type: 'request.resolved', timestamp: '2026-12-01T10:00:00.000Z', data: { requestId: 'r-sig', status: 'resolved' } });
    expect(got[0].headers['webhook-id']).toBe(delivery.id);
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 2).toString('base64')}`).verify(got[0].body, got[0].headers as Record<string, string>)).toThrow();
  });

  it('retries a receiver answering 500 twice, then 200: delivered once, every attempt listed', async () => {
    const secret = `whsec_${Buffer.alloc(24, 3).toString('base64')}`;
    receiver.answer('/flaky', 500, 500);
    await put('flaky', { url: receiver.url('/flaky'), events: ['request.resolved'], secret }).expect(201);
    await dispatch('r-flaky.request.resolved', 'request.resolved', 'r-flaky');
    const delivery = await settledDelivery('flaky');
    expect(delivery.state).toBe('delivered');
    expect(delivery.attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 200]);
    const got = receiver.on('/flaky');
    expect(got.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(got.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery.id]));
    for (const r of got) expect(() => new Webhook(secret).verify(r.body, r.headers as Record<string, string>)).not.toThrow();
    expect(Date.parse(delivery.attempts[2].at) - Date.parse(delivery.attempts[0].at)).toBeGreaterThanOrEqual(600);
  });

  it('disables a subscription whose endpoint answers 410 Gone, and records the failure on the request', async () => {
    const [{ id: requestId }] = (await submit(sys, REQUEST)).requests;
    await settled(sys, requestId);
    receiver.answer('/gone', 410);
    await put('gone', { url: receiver.url('/gone'), events: ['request.resolved'] }).expect(201);
    await dispatch(`${requestId}.request.resolved`, 'request.resolved', requestId);
    const delivery = await settledDelivery('gone');
    expect(delivery).toMatchObject({ state: 'failed', attempts: [{ status: 410 }], lastError: expect.stringContaining('410 Gone') });
    const subscription = (await sys.http.get('/v1/admin/webhooks/gone').set(admin()).expect(200)).body;
    expect(subscription).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') });
    const failures = (await view(sys, requestId)).timeline.filter((e: { event: string }) => e.event === 'notification.failed');
    expect(failures).toEqual([
      expect.objectContaining({ stage: 'notifier', detail: { channel: 'webhook', recipient: 'gone', about: 'request.resolved', deliveryId: delivery.id, attempts: 1, reason: delivery.lastError } }),
    ]);
    // Disabled: nothing new is delivered, and a redelivery waits for the administrator's PUT.
    await dispatch(`${requestId}.request.closed`, 'request.resolved', requestId);
    await sys.http.post(`/v1/admin/webhooks/gone/deliveries/${delivery.id}/redeliver`).set(admin()).expect(409);
    await put('gone', { url: receiver.url('/gone'), events: ['request.resolved'] }).expect(200);
    const again = await sys.http.post(`/v1/admin/webhooks/gone/deliveries/${delivery.id}/redeliver`).set(admin()).expect(202);
    expect(again.body).toMatchObject({ id: delivery.id, state: 'pending', round: 1 });
    await waitFor(async () => (await deliveries('gone')).find((d) => d.state === 'delivered'), 'the redelivery', 15_000, 100);
    expect((await deliveries('gone')).map((d) => d.id)).toEqual([delivery.id]);
    expect(receiver.on('/gone').map((r) => r.status)).toEqual([410, 200]);
    await sys.http.post(`/v1/admin/webhooks/gone/deliveries/${delivery.id}/redeliver`).set(admin()).expect(202);
    await sys.http.post('/v1/admin/webhooks/gone/deliveries/msg_nope/redeliver').set(admin()).expect(404);
  });

  it('fails a delivery after its whole retry schedule, once on the timeline, and disables the subscription after repeated failures', async () => {
    const [{ id: requestId }] = (await submit(sys, { ...REQUEST, customer: { ...REQUEST.customer, id: 'wh-2' } })).requests;
    await settled(sys, requestId);
    receiver.answer('/down', ...Array(12).fill(503));
    await put('down', { url: receiver.url('/down'), events: ['request.resolved', 'request.reopened'] }).expect(201);
    await dispatch(`${requestId}.request.resolved`, 'request.resolved', requestId);
    const first = await settledDelivery('down');
    expect(first).toMatchObject({ state: 'failed', lastError: 'no success after 6 attempts; the last: HTTP 503' });
    expect(first.attempts).toHaveLength(6);
    expect((await sys.http.get('/v1/admin/webhooks/down').set(admin()).expect(200)).body).toMatchObject({ enabled: true, consecutiveFailures: 1 });
    await dispatch(`${requestId}.request.reopened`, 'request.reopened', requestId);
    await waitFor(async () => (await deliveries('down')).every((d) => d.state === 'failed') && (await deliveries('down')).length === 2, 'the second failure', 20_000, 100);
    expect((await sys.http.get('/v1/admin/webhooks/down').set(admin()).expect(200)).body).toMatchObject({
      enabled: false,
      consecutiveFailures: 2,
      disabledReason: '2 deliveries in a row failed for good',
    });
    const failures = (await view(sys, requestId)).timeline.filter((e: { event: string }) => e.event === 'notification.failed');
    expect(failures.map((e: { detail: { about: string; attempts: number } }) => [e.detail.about, e.detail.attempts])).toEqual([
      ['request.resolved', 6],
      ['request.reopened', 6],
    ]);
    // What the mail + webhook listing of a request builds on.
    const forRequest = await sys.app.get(WebhookDeliveries).forRequest(requestId);
    expect(forRequest.filter((d) => d.subscriptionId === 'down').map((d) => [d.type, d.state])).toEqual([
      ['request.resolved', 'failed'],
      ['request.reopened', 'failed'],
    ]);
    // The other subscriptions to these events got them (the "*" one both), and the "*" one also
    // the request's real events, which the notifier hears from the fan-out table (no test hook).
    expect(forRequest.filter((d) => d.subscriptionId === 'signed').map((d) => [d.type, d.state])).toEqual([
      ['request.received', 'delivered'],
      ['request.routed', 'delivered'],
      ['request.resolved', 'delivered'],
      ['request.reopened', 'delivered'],
    ]);
  });

  it('removes a subscription with its deliveries', async () => {
    await sys.http.delete('/v1/admin/webhooks/down').set(admin()).expect(204);
    await sys.http.delete('/v1/admin/webhooks/down').set(admin()).expect(404);
    await sys.http.get('/v1/admin/webhooks/down/deliveries').set(admin()).expect(404);
  });

  it('documents the webhook operations in the OpenAPI document', async () => {
    const doc = (await sys.http.get('/docs-json').expect(200)).body;
    const op = (method: string, path: string) => doc.paths[path][method];
    expect(op('put', '/v1/admin/webhooks/{id}').operationId).toBe('putWebhook');
    expect(Object.keys(op('put', '/v1/admin/webhooks/{id}').responses)).toEqual(expect.arrayContaining(['200', '201', '400', '401', '403', '413']));
    expect(op('get', '/v1/admin/webhooks').operationId).toBe('listWebhooks');
    expect(Object.keys(op('delete', '/v1/admin/webhooks/{id}').responses)).toEqual(expect.arrayContaining(['204', '404']));
    expect(op('get', '/v1/admin/webhooks/{id}/deliveries').responses['200'].content['application/json'].schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/WebhookDeliverySchema' },
    });
    expect(Object.keys(op('post', '/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver').responses)).toEqual(expect.arrayContaining(['202', '404', '409']));
    expect(doc.components.schemas.WebhookSubscriptionDto.properties.events.items.enum).toEqual(expect.arrayContaining(['*', 'request.resolved', 'sla.breached']));
  });
});
