import type { TimelineRecord } from '@support/contracts';
import { aRequest } from '../../libs/domain/src/testing/request-fixture';
import { createRedisConnection, EventPublisher, parseRedisUrl, QueueRegistry, queuePrefix } from '@support/messaging';
import { newId, openDatabase, ReferenceStore, RequestEntity, RequestStore, type SubmissionEntity } from '@support/persistence';
import { type Settings, settingsFromEnv } from '@support/platform';
import type { Job } from 'bullmq';
import type { Cluster } from 'ioredis';
import type IORedis from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { type DbKind, freshDatabase, uniquePrefix } from './databases';
import { deletePrefix } from './redis-keys';

/**
 * What an app service stands on, real and nothing else: a fresh database (a SQLite file in its own
 * temporary directory, or a new PostgreSQL database), migrated; the request and reference stores
 * on it; the BullMQ queue registry and typed publisher on the shared Redis under a queue prefix
 * nobody else uses. No stage worker runs, so the jobs a service adds stay where a test can look
 * at them. `close()` drops the database and deletes the keys of this prefix only.
 */
export interface ServiceHarness {
  settings: Settings;
  dataSource: DataSource;
  store: RequestStore;
  reference: ReferenceStore;
  queues: QueueRegistry;
  publisher: EventPublisher;
  /** The connection the app's workers share (what AgentQueues takes as WORKER_REDIS). */
  workerRedis: { connection: IORedis | Cluster };
  /** A job of a queue under this prefix, or null. */
  job(queue: string, id: string): Promise<Job | null>;
  /** Stores a request the way intake does (with its `request.received` entry), in whatever status the test needs. */
  insertRequest(overrides?: Partial<RequestEntity>): Promise<RequestEntity>;
  /** The request as stored now. */
  request(id: string): Promise<RequestEntity>;
  timeline(id: string): Promise<TimelineRecord[]>;
  close(): Promise<void>;
}

export async function serviceHarness(db: DbKind, name: string, env: Record<string, string> = {}): Promise<ServiceHarness> {
  let url: string;
  let drop: () => Promise<void>;
  if (db === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `${name}-`));
    url = `sqlite:${join(dir, 'support.sqlite')}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    ({ url, drop } = await freshDatabase(db));
  }
  const settings = settingsFromEnv({ DATABASE_URL: url, QUEUE_PREFIX: uniquePrefix(name), LOG_LEVEL: 'silent', TOKEN_SECRET: 'service-spec-secret-0123456789abcdef', ...env });
  const dataSource = await openDatabase(settings.databaseUrl, 2);
  const target = parseRedisUrl(settings.redisUrl);
  const prefix = queuePrefix(settings.queuePrefix, target);
  const producer = createRedisConnection(target, 'producer');
  const workerRedis = { connection: createRedisConnection(target, 'worker') };
  const queues = new QueueRegistry(producer, prefix);
  const store = new RequestStore(dataSource);
  const harness: ServiceHarness = {
    settings,
    dataSource,
    store,
    reference: new ReferenceStore(dataSource, 0),
    queues,
    publisher: new EventPublisher(queues),
    workerRedis,
    job: async (queue, id) => (await queues.get(queue).getJob(id)) ?? null,
    insertRequest: async (overrides = {}) => {
      const at = overrides.receivedAt ?? new Date().toISOString();
      const request = Object.assign(
        new RequestEntity(),
        aRequest({
          id: newId('req'),
          submissionId: newId('sub'),
          segment: 'home',
          customerId: `c-${newId('x').slice(-8)}`,
          platform: { os: 'windows', osVersion: '10' },
          receivedAt: at,
          ...overrides,
        }),
      );
      const submission: SubmissionEntity = {
        id: request.submissionId,
        producerId: request.producerId,
        idempotencyKey: null,
        channel: request.channel,
        receivedAt: at,
        payload: { subject: request.subject },
        requestIds: [request.id],
      };
      const stored = await store.createSubmission(submission, [request], (r) => ({
        stage: 'intake',
        event: 'request.received',
        effectKey: 'intake',
        at: new Date(at),
        detail: { submissionId: r.submissionId, channel: r.channel, part: 1, of: 1, rulesVersion: r.rulesVersion as string },
      }));
      if (!stored) throw new Error(`request ${request.id} was not stored`);
      return harness.request(request.id);
    },
    request: async (id) => {
      const found = await store.find(id);
      if (!found) throw new Error(`request ${id} is not stored`);
      return found;
    },
    timeline: (id) => store.timeline(id),
    close: async () => {
      await queues.close();
      producer.disconnect();
      workerRedis.connection.disconnect();
      if (dataSource.isInitialized) await dataSource.destroy();
      await deletePrefix(settings.redisUrl, settings.queuePrefix);
      await drop();
    },
  };
  return harness;
}
