import { Queues } from '@support/contracts';
import { QueueRegistry, stageProcessors } from '@support/messaging';
import { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { settled, submit, view } from './support/requests';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

const [DB] = testDatabases();

/**
 * A worker that takes no more jobs while it looks alive (a BullMQ blocking wait that never comes
 * back, as after some Redis Cluster failovers: README, "Redis Cluster") turns /health to 503 naming
 * its queue, and back to 200 once it takes jobs again. The wedge is made by holding the worker's
 * wait for a job open (its blocking read of Redis) until the test lets it go.
 */
describe(`a stalled stage worker (${DB})`, () => {
  let sys: TestSystem;
  let classification: Worker;

  beforeAll(async () => {
    sys = await startSystem(DB, { WORKER_STALL_MS: '1500' });
    classification = stageProcessors(sys.app.get(DiscoveryService)).find((p) => p.worker.name === Queues.classification)!.worker;
  }, 60_000);
  afterAll(async () => {
    await sys?.stop();
  });

  it('is named by /health (503) while jobs wait for it, and the service is healthy again once it takes them', async () => {
    await sys.http.get('/health').expect(200);
    let release: (blockUntil: number) => void = () => undefined;
    const stuck = classification as unknown as { waitForJob(blockUntil: number): Promise<number> };
    const waitForJob = stuck.waitForJob;
    stuck.waitForJob = () => new Promise<number>((resolve) => (release = resolve));
    try {
      // The worker's current wait ends with this request; its next one is held.
      const first = await submit(sys, submission({ idempotencyKey: 'watch-1' }));
      await settled(sys, first.requests[0].id);
      const second = await submit(sys, submission({ idempotencyKey: 'watch-2' }));
      const queue = sys.app.get(QueueRegistry).get(Queues.classification);
      await waitFor(async () => (await queue.getJobCounts('wait')).wait === 1, 'the second request to wait for classification', 10_000, 50);

      const health = await waitFor(
        async () => {
          const res = await sys.http.get('/health');
          return res.status === 503 ? res.body : null;
        },
        '/health to report the stalled worker',
        10_000,
        100,
      );
      expect(health.error.workers).toEqual({ status: 'down', message: 'a worker takes no jobs: restart the process', stalled: [Queues.classification] });
      expect(health.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
      expect((await view(sys, second.requests[0].id)).status).not.toBe('queued');
      expect((await sys.http.get('/metrics').expect(200)).text).toContain(`support_worker_stalled{queue="${Queues.classification}"} 1`);

      stuck.waitForJob = waitForJob;
      release(0); // the held wait answers "a job may be there": the worker takes it
      await settled(sys, second.requests[0].id);
      await waitFor(async () => (await sys.http.get('/health')).status === 200, '/health to be up again', 10_000, 100);
      expect((await sys.http.get('/metrics').expect(200)).text).toContain(`support_worker_stalled{queue="${Queues.classification}"} 0`);
    } finally {
      stuck.waitForJob = waitForJob;
      release(0);
    }
  });
});
