import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { EventPublisher, MessagingModule, StageRunner } from '@support/messaging';
import { RequestStore } from '@support/persistence';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard, KeyService, ReplyAddresses, TokenSigner } from './auth';
import { DatabaseModule } from './database.module';
import { InvalidInputFilter } from './http/invalid-input.filter';
import { ServiceUnavailableFilter } from './http/service-unavailable.filter';
import { TransitionRefusedFilter } from './http/transition-refused.filter';
import { HealthController, RedisHealthIndicator, WorkersHealthIndicator } from './observability/health';
import { WorkerWatch } from './observability/worker-watch';
import { Metrics, MetricsController } from './observability/metrics';
import { WorkerObserver } from './observability/worker-observer';
import { redactingLogOptions } from './observability/log-redaction';
import { RateLimitedAuthGuard, RateLimitModule } from './rate-limit';
import { SchedulerWatch } from './operations/scheduler-watch';
import { SETTINGS, type Settings } from './settings';

export interface PlatformOptions {
  logStream?: NodeJS.WritableStream;
}

/**
 * What every app stands on: settings, JSON logs, the database (migrated), BullMQ, keys and
 * tokens, the auth guard (with failed authentications limited), rate limits, health and metrics.
 */
@Global()
@Module({})
export class PlatformModule {
  /** `logStream`: where the JSON log lines go instead of stdout (tests read them). */
  static forRoot(settings: Settings, options: PlatformOptions = {}): DynamicModule {
    const logOptions = {
      level: settings.logLevel,
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' || req.url === '/metrics' },
      customProps: (req: { url?: string }) => {
        const id = /\/v1\/requests\/([^/?]+)/.exec(req.url ?? '')?.[1];
        return id ? { requestId: id } : {};
      },
      // No tokens, keys, e-mail addresses or query parameters in any line (observability/log-redaction.ts).
      ...redactingLogOptions([settings.adminApiKey, settings.tokenSecret]),
    };
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: options.logStream ? [logOptions, options.logStream] : logOptions }),
        DatabaseModule.forRoot(settings.databaseUrl, settings.databasePoolSize),
        MessagingModule.forRoot({
          redisUrl: settings.redisUrl,
          queuePrefix: settings.queuePrefix,
          worker: { concurrency: settings.concurrency, lockMs: settings.workerLockMs },
          errorStacks: settings.redisErrorStacks,
        }),
        RateLimitModule.forRoot(settings),
        TerminusModule,
        DiscoveryModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SETTINGS, useValue: settings },
        KeyService,
        TokenSigner,
        ReplyAddresses,
        Metrics,
        RedisHealthIndicator,
        WorkersHealthIndicator,
        WorkerObserver,
        WorkerWatch,
        SchedulerWatch,
        {
          provide: StageRunner,
          useFactory: (store: RequestStore, publisher: EventPublisher, metrics: Metrics) => new StageRunner(store, publisher, (stage, outcome) => metrics.decisions.inc({ stage, outcome })),
          inject: [RequestStore, EventPublisher, Metrics],
        },
        // AuthGuard, wrapped in the failed-authentication lock-out (rate-limit/auth-failure-limiter.ts).
        AuthGuard,
        { provide: APP_GUARD, useClass: RateLimitedAuthGuard },
        // The catch-all first: Nest tries global filters last-registered first, so the typed ones below win.
        { provide: APP_FILTER, useClass: ServiceUnavailableFilter },
        { provide: APP_FILTER, useClass: InvalidInputFilter },
        { provide: APP_FILTER, useClass: TransitionRefusedFilter },
      ],
      exports: [SETTINGS, KeyService, TokenSigner, ReplyAddresses, Metrics, StageRunner, SchedulerWatch],
    };
  }
}
