import { Queue, QueueEvents } from 'bullmq';
import { submission } from './support/reference-data';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/** A producer that uses plain bullmq, not this project's code (CONTRACT.md, "Producers on the queue"). */
describe('producers on the intake queue', () => {
  let sys: TestSystem;
  let intake: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    sys = await startSystem('sqlite');
    const opts = { connection: { url: sys.settings.redisUrl }, prefix: sys.settings.queuePrefix };
    intake = new Queue('intake', opts);
    events = new QueueEvents('intake', opts);
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await intake?.close();
    await events?.close();
    await sys?.stop();
  });

  it('submits a request and gets the same answer as HTTP as the job return value', async () => {
    const job = await intake.add('request.submitted', { ...submission({ idempotencyKey: 'mail-4711' }), producer: 'web-form' }, { jobId: 'mail-4711' });
    const answer = await job.waitUntilFinished(events, 15_000);
    expect(answer).toEqual({ submissionId: expect.any(String), requests: [{ id: expect.any(String), customerToken: expect.any(String) }] });
    const view = await waitFor(async () => {
      const res = await sys.http.get(`/v1/requests/${answer.requests[0].id}`).set({ Authorization: `Bearer ${answer.requests[0].customerToken}` });
      return res.body.status === 'queued' ? res.body : null;
    }, 'the queued request');
    // The customer token reads the customer's projection; the producer sees the team.
    expect(view).not.toHaveProperty('team');
    const full = await sys.http
      .get(`/v1/requests/${answer.requests[0].id}`)
      .set({ Authorization: `Bearer ${sys.producerKey}` })
      .expect(200);
    expect(full.body.team).toBe('home-malware');
  });

  it('does not create a second submission when the same idempotency key comes again', async () => {
    const body = { ...submission({ idempotencyKey: 'mail-4712' }), producer: 'web-form' };
    const first = await (await intake.add('request.submitted', body, { jobId: 'mail-4712' })).waitUntilFinished(events, 15_000);
    // A different job id (say, the gateway lost its state) with the same key: the first answer again.
    const second = await (await intake.add('request.submitted', body, { jobId: 'mail-4712-retry' })).waitUntilFinished(events, 15_000);
    expect(second).toEqual(first);
  });

  it('fails an invalid job at once, without retries, keeping the validation errors as its reason', async () => {
    const job = await intake.add('request.submitted', { ...submission({ channel: 'pigeon', customer: { id: 'x', email: 'bad', country: 'LV' } }), producer: 'web-form' }, { attempts: 5 });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/channel/);
    const failed = await intake.getJob(job.id as string);
    expect(await failed?.getState()).toBe('failed');
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/customer\.email/);
    expect(failed?.failedReason).toMatch(/channel/);
    expect((await intake.getFailed()).map((j) => j.id)).toContain(job.id);
  });

  it('fails a job from an unknown producer without retries', async () => {
    const job = await intake.add('request.submitted', { ...submission(), producer: 'nobody' }, { attempts: 5 });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/unknown producer/);
    expect((await intake.getJob(job.id as string))?.attemptsMade).toBe(1);
  });

  it('fails a job with an unknown name without retries', async () => {
    const job = await intake.add('request.sumbitted', { ...submission(), producer: 'web-form' }, { attempts: 5 });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/no handler/);
  });
});
