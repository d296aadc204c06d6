import { UNDECIDED } from '@support/domain';
import { newId, RequestEntity, RequestStore, type SubmissionEntity } from '@support/persistence';
import { submission } from './support/reference-data';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/** Principle 7: a request whose job was lost (the process died between commit and publish) is found and moved on. */
describe('the pipeline sweeper', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startSystem('sqlite', { SWEEP_EVERY_MS: '300', STUCK_AFTER_MS: '300' });
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('re-emits the job of a request stored without one, and it reaches its team queue', async () => {
    const body = submission();
    const store = sys.app.get(RequestStore);
    const now = new Date().toISOString();
    const id = newId('req');
    const sub: SubmissionEntity = { id: newId('sub'), producerId: 'web-form', idempotencyKey: null, channel: 'web', receivedAt: now, payload: body, requestIds: [id] };
    const request = Object.assign(new RequestEntity(), {
      id,
      submissionId: sub.id,
      partIndex: 0,
      producerId: 'web-form',
      status: 'received',
      country: 'LV',
      language: 'en',
      customerId: 'c-lost',
      customerEmail: 'lost@example.lv',
      companyId: null,
      productCode: 'kav',
      productVersion: '21.3',
      platform: null,
      licenceKey: null,
      channel: 'web',
      topic: null,
      subject: body.subject,
      description: body.description,
      rulesVersion: '2022-04-07',
      ...UNDECIDED,
      receivedAt: now,
      updatedAt: now,
    });
    // Stored exactly as intake stores it, but the licence-check job is never published: as after a crash.
    await store.createSubmission(sub, [request], () => ({
      stage: 'intake',
      event: 'request.received',
      effectKey: 'intake',
      detail: { submissionId: sub.id, channel: 'web', part: 1, of: 1, rulesVersion: '2022-04-07' },
    }));
    const settled = await waitFor(
      async () => {
        const r = await store.find(id);
        return r?.status === 'queued' ? r : null;
      },
      'the swept request to reach its team queue',
      10_000,
    );
    expect(settled.teamId).toBe('home-malware');
    expect((await store.timeline(id)).map((e) => e.event)).toEqual(['request.received', 'request.eligibility-decided', 'request.classified', 'request.routed']);
  });
});
