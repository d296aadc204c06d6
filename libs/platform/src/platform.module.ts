import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { EventPublisher, MessagingModule, StageRunner } from '@support/messaging';
import { RequestStore } from '@support/persistence';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard, KeyService, TokenSigner } from './auth';
import { DatabaseModule } from './database.module';
import { InvalidInputFilter } from './http/invalid-input.filter';
import { TransitionRefusedFilter } from './http/transition-refused.filter';
import { HealthController, RedisHealthIndicator } from './observability/health';
import { Metrics, MetricsController } from './observability/metrics';
import { WorkerObserver } from './observability/worker-observer';
import { SchedulerWatch } from './operations/scheduler-watch';
import { SETTINGS, type Settings } from './settings';

/**
 * What every app stands on: settings, JSON logs, the database (migrated), BullMQ, keys and
 * tokens, the auth guard, health and metrics.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: settings.logLevel,
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
            customProps: (req) => {
              const id = /\/v1\/requests\/([^/?]+)/.exec(req.url ?? '')?.[1];
              return id ? { requestId: id } : {};
            },
            redact: ['req.headers.authorization'],
          },
        }),
        DatabaseModule.forRoot(settings.databaseUrl, settings.databasePoolSize),
        MessagingModule.forRoot({
          redisUrl: settings.redisUrl,
          queuePrefix: settings.queuePrefix,
          worker: { concurrency: settings.concurrency, lockMs: settings.workerLockMs },
        }),
        TerminusModule,
        DiscoveryModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SETTINGS, useValue: settings },
        KeyService,
        TokenSigner,
        Metrics,
        RedisHealthIndicator,
        WorkerObserver,
        SchedulerWatch,
        {
          provide: StageRunner,
          useFactory: (store: RequestStore, publisher: EventPublisher, metrics: Metrics) => new StageRunner(store, publisher, (stage, outcome) => metrics.decisions.inc({ stage, outcome })),
          inject: [RequestStore, EventPublisher, Metrics],
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: InvalidInputFilter },
        { provide: APP_FILTER, useClass: TransitionRefusedFilter },
      ],
      exports: [SETTINGS, KeyService, TokenSigner, Metrics, StageRunner, SchedulerWatch],
    };
  }
}
