import type { INestApplication } from '@nestjs/common';
import { composeApp, createHttpApp, type Settings, settingsFromEnv } from '@support/platform';
import request from 'supertest';
import { ALL_FEATURES } from '../../apps/standalone/src/all-features';
import { type DbKind, freshDatabase, uniquePrefix } from './databases';
import { SEED } from './reference-data';
import { deletePrefix } from './redis-keys';

export interface TestSystem {
  app: INestApplication;
  http: ReturnType<typeof request>;
  settings: Settings;
  adminKey: string;
  producerKey: string;
  stop(): Promise<void>;
}

export const ADMIN_KEY = 'test-admin-key-0123456789';

/**
 * The whole system in this process (every app's module, as `npm start` runs it) on a fresh
 * database and a unique queue prefix, with the demo reference data loaded through the admin API.
 */
export async function startSystem(db: DbKind, env: Record<string, string> = {}): Promise<TestSystem> {
  const database = await freshDatabase(db);
  const settings = settingsFromEnv({ DATABASE_URL: database.url, QUEUE_PREFIX: uniquePrefix(db), ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: 'warn', ...env });
  const app = await createHttpApp(composeApp(settings, ALL_FEATURES), { logs: false });
  await app.init();
  const http = request(app.getHttpServer());
  const admin = (path: string, body: unknown) => http.put(path).set('Authorization', `Bearer ${ADMIN_KEY}`).send(body as object);
  for (const p of SEED.products) await admin(`/v1/admin/products/${p.code}`, { ...p, code: undefined }).expect(200);
  for (const l of SEED.licences) await admin(`/v1/admin/licences/${l.key}`, { ...l, key: undefined }).expect(200);
  for (const t of SEED.teams) await admin(`/v1/admin/teams/${t.id}`, { ...t, id: undefined }).expect(200);
  const producer = await admin('/v1/admin/producers/web-form', { name: 'Website form' }).expect(201);
  return {
    app,
    http,
    settings,
    adminKey: ADMIN_KEY,
    producerKey: producer.body.key,
    stop: async () => {
      await app.close();
      await database.drop();
      await deletePrefix(settings.redisUrl, settings.queuePrefix);
    },
  };
}
