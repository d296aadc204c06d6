import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { composeApp, createHttpApp, hardenHttp, type Settings, settingsFromEnv } from '@support/platform';
import request from 'supertest';
import { ALL_FEATURES } from '../../apps/standalone/src/all-features';
import { type DbKind, type FreshDatabase, freshDatabase, uniquePrefix } from './databases';
import { SEED } from './reference-data';
import { deletePrefix } from './redis-keys';

export interface TestSystem {
  app: INestApplication;
  http: ReturnType<typeof request>;
  settings: Settings;
  adminKey: string;
  producerKey: string;
  database: FreshDatabase;
  /** Closes the app, drops its database and deletes its queue keys (`keepData` leaves both for a later system). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface SystemOptions {
  /**
   * Replaces providers before the app starts, e.g. the licence registry with a test double:
   * `(b) => b.overrideProvider(LICENCE_REGISTRY).useValue(flaky)`.
   */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** The feature modules to run (default: every app, as `npm start` runs them). */
  features?: (Type | DynamicModule)[];
  /**
   * Share the database and queue prefix of another system (running, or stopped with `keepData`):
   * a second process of the same deployment, or a restart. Its reference data and producer key
   * are reused; stop this one with `keepData` and leave the cleanup to the other.
   */
  sharing?: TestSystem;
  /** A database made elsewhere (e.g. on a PostgreSQL cluster of the test's own), dropped by stop() like a fresh one. */
  database?: FreshDatabase;
  /** Every JSON log line goes here (with the app's Nest logs), not to stdout. */
  logStream?: NodeJS.WritableStream;
}

export const ADMIN_KEY = 'test-admin-key-0123456789';

/**
 * Every test client calls from 127.0.0.1: the rate limits stay on (so their code runs in every
 * test) but far above what any test does; test/rate-limits.e2e-spec.ts sets low ones.
 */
export const TEST_RATE_LIMITS = { AUTH_FAILURE_LIMIT: '10000', SUBMISSION_RATE_LIMIT: '100000', PUBLIC_RATE_LIMIT: '100000' };

/**
 * The whole system in this process (every app's module, as `npm start` runs it) on a fresh
 * database and a unique queue prefix, with the demo reference data loaded through the admin API.
 */
export async function startSystem(db: DbKind, env: Record<string, string> = {}, options: SystemOptions = {}): Promise<TestSystem> {
  const database = options.sharing?.database ?? options.database ?? (await freshDatabase(db));
  const queuePrefix = options.sharing?.settings.queuePrefix ?? uniquePrefix(db);
  // REDIS_ERROR_STACKS: a Redis command failing in a test (a flake in an outage test, say) names the code that sent it.
  const settings = settingsFromEnv({ DATABASE_URL: database.url, QUEUE_PREFIX: queuePrefix, ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: 'warn', REDIS_ERROR_STACKS: 'on', ...TEST_RATE_LIMITS, ...env });
  const module = composeApp(settings, options.features ?? ALL_FEATURES, { logStream: options.logStream });
  let app: INestApplication;
  if (options.override) {
    const moduleRef = await options.override(Test.createTestingModule({ imports: [module] })).compile();
    app = hardenHttp(moduleRef.createNestApplication({ logger: false }));
  } else {
    app = await createHttpApp(module, { logs: !!options.logStream || process.env.TEST_LOGS === '1' });
  }
  try {
    await app.init();
  } catch (error) {
    // A system that fails to start must not leave workers and connections behind.
    await app.close().catch(() => undefined);
    if (!options.sharing) await database.drop();
    throw error;
  }
  const http = request(app.getHttpServer());
  let producerKey: string;
  if (options.sharing) {
    producerKey = options.sharing.producerKey;
  } else {
    const admin = (path: string, body: unknown) =>
      http
        .put(path)
        .set('Authorization', `Bearer ${ADMIN_KEY}`)
        .send(body as object);
    // What is referred to first: licences name products and SLA plans.
    for (const p of SEED.products) await admin(`/v1/admin/products/${p.code}`, { ...p, code: undefined }).expect(200);
    for (const p of SEED.slaPlans) await admin(`/v1/admin/sla-plans/${p.id}`, { ...p, id: undefined }).expect(200);
    for (const l of SEED.licences) await admin(`/v1/admin/licences/${l.key}`, { ...l, key: undefined }).expect(200);
    // Teams without calendars: open around the clock, so timelines do not depend on when tests run.
    for (const t of SEED.teams) await admin(`/v1/admin/teams/${t.id}`, { ...t, id: undefined, calendar: null }).expect(200);
    const producer = await admin('/v1/admin/producers/web-form', { name: 'Website form' }).expect(201);
    producerKey = producer.body.key;
  }
  return {
    app,
    http,
    settings,
    adminKey: ADMIN_KEY,
    producerKey,
    database,
    stop: async ({ keepData = false } = {}) => {
      await app.close();
      if (keepData) return;
      await database.drop();
      await deletePrefix(settings.redisUrl, settings.queuePrefix);
    },
  };
}
