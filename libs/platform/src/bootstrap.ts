import type { DynamicModule, INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { assertRedisReachable, parseRedisUrl } from '@support/messaging';
import { assertDatabaseReachable } from '@support/persistence';
import { Logger } from 'nestjs-pino';
import { hardenHttp } from './http/boundary';
import { createOpenApiDocument } from './openapi';
import { InvalidSettingsError, type Settings, settingsFromEnv } from './settings';

const PREFLIGHT_MS = 4000;
const redacted = (url: string) => url.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:***@');

/**
 * A process's settings from its environment. Bad variables stop it at once with one line naming
 * every one of them, and a non-zero exit (as the preflight below does).
 */
export function settingsOrExit(app: string, portVariable = 'PORT'): Settings {
  try {
    return settingsFromEnv(undefined, portVariable);
  } catch (error) {
    if (!(error instanceof InvalidSettingsError)) throw error;
    console.error(`${app}: ${error.message}`);
    process.exit(1);
  }
}

/**
 * Before Nest starts: can Redis and the database be reached? If not, one line says what was
 * tried and how to get it, and the process exits non-zero (CONTRACT.md, "Running it").
 */
export async function preflight(app: string, settings: Settings): Promise<void> {
  const fail = (what: string, url: string, error: unknown, hint: string) => {
    console.error(`${app}: cannot reach ${what} at ${redacted(url)} (${(error as Error).message || error}). ${hint}`);
    process.exit(1);
  };
  await assertRedisReachable(parseRedisUrl(settings.redisUrl), PREFLIGHT_MS).catch((e) => fail('Redis', settings.redisUrl, e, 'Start it (e.g. `redis-server --daemonize yes`) or set REDIS_URL.'));
  await assertDatabaseReachable(settings.databaseUrl, PREFLIGHT_MS).catch((e) =>
    fail('the database', settings.databaseUrl, e, 'Start PostgreSQL or set DATABASE_URL (default sqlite:./data/support.sqlite).'),
  );
}

/**
 * Graceful shutdown on SIGTERM/SIGINT: Nest's hooks stop the workers fetching, let active jobs
 * finish and close connections; then the process exits 0 (a second signal exits at once). A close
 * that takes longer than `graceMs` exits 1 anyway: a BullMQ worker's close can wait for good on a
 * Redis that stopped answering or after a Redis Cluster failover (README, "Redis Cluster"), and a
 * process that ignores SIGTERM only ends with SIGKILL. Exiting loses nothing: the jobs it held are
 * retried once their locks lapse, like a killed worker's.
 */
export function exitGracefully(app: INestApplicationContext, graceMs: number): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    const logger = app.get(Logger);
    logger.log(`${signal}: finishing active jobs and closing`);
    setTimeout(() => {
      logger.error(`not closed within ${graceMs} ms (SHUTDOWN_GRACE_MS): exiting anyway; jobs still held are retried when their locks lapse`);
      process.exit(1);
    }, graceMs);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** Creates an app with HTTP (not listening yet): the input boundary (http/boundary.ts), logger, OpenAPI at /docs. */
export async function createHttpApp(module: DynamicModule, options: { logs?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true, logger: options.logs === false ? false : undefined });
  hardenHttp(app);
  if (options.logs !== false) app.useLogger(app.get(Logger));
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app));
  return app;
}

/** Starts a worker-only app: a Nest application context without HTTP. */
export async function startWorkerApp(name: string, module: DynamicModule, settings: Settings) {
  await preflight(name, settings);
  const app = await NestFactory.createApplicationContext(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  exitGracefully(app, settings.shutdownGraceMs);
  return app;
}

/** Starts an app with HTTP on its port. */
export async function startHttpApp(name: string, module: DynamicModule, settings: Settings): Promise<INestApplication> {
  await preflight(name, settings);
  const app = await createHttpApp(module);
  exitGracefully(app, settings.shutdownGraceMs);
  await app.listen(settings.port);
  app.get(Logger).log(`${name} listening on http://localhost:${settings.port}`);
  return app;
}
