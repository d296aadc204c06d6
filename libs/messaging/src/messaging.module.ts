import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { type DynamicModule, Global, Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Queues } from '@support/contracts';
import type { Cluster } from 'ioredis';
import type IORedis from 'ioredis';
import { EventPublisher, type PublishedEvents } from './event-publisher';
import { HandlerCheck } from './handler-check';
import { JobInspector } from './job-inspector';
import { type QueueErrorHandler, throttledQueueErrors } from './queue-errors';
import { QueueRegistry } from './queue-registry';
import { createRedisConnection, parseRedisUrl, queuePrefix } from './redis-connection';
import { WORKER_SETTINGS, type WorkerSettings } from './worker-options';

export const PRODUCER_REDIS = Symbol('PRODUCER_REDIS');
export const WORKER_REDIS = Symbol('WORKER_REDIS');
/** Where the publisher reports emitted events that are on their queues (the database's outbox, when there is one). */
export const PUBLISHED_EVENTS = Symbol('PUBLISHED_EVENTS');
const QUEUE_ERRORS = Symbol('QUEUE_ERRORS');

export interface MessagingOptions {
  redisUrl: string;
  queuePrefix: string;
  /** How this process's stage workers run. */
  worker: WorkerSettings;
  /** A failed command's error shows where it was sent from (REDIS_ERROR_STACKS). */
  errorStacks?: boolean;
}

/**
 * BullMQ wiring for a process: one producer connection with the queue registry and the
 * publisher, and the shared worker config that @nestjs/bullmq's @Processor workers use.
 */
@Global()
@Module({})
export class MessagingModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(QUEUE_ERRORS) private readonly queueErrors: QueueErrorHandler,
    private readonly queues: QueueRegistry,
    @Inject(PRODUCER_REDIS) private readonly producer: IORedis | Cluster,
    @Inject(WORKER_REDIS) private readonly workers: { connection?: IORedis | Cluster },
  ) {}

  static forRoot(options: MessagingOptions): DynamicModule {
    const target = parseRedisUrl(options.redisUrl);
    const prefix = queuePrefix(options.queuePrefix, target);
    const extra = { showFriendlyErrorStack: options.errorStacks ?? false };
    // Workers share one connection (BullMQ duplicates it for each blocking client); it is ours to
    // close. It is made when Nest builds the module, not when the module is declared.
    const workerRedis: { connection?: IORedis | Cluster } = {};
    return {
      module: MessagingModule,
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({
          useFactory: () => ({ connection: (workerRedis.connection = createRedisConnection(target, 'worker', extra)), prefix }),
        }),
        // Importing a queue registration brings @nestjs/bullmq's explorer, which starts the @Processor workers.
        BullModule.registerQueue(...Object.values(Queues).map((name) => ({ name }))),
      ],
      providers: [
        { provide: PRODUCER_REDIS, useFactory: () => createRedisConnection(target, 'producer', extra) },
        { provide: WORKER_REDIS, useValue: workerRedis },
        { provide: WORKER_SETTINGS, useValue: options.worker },
        {
          provide: QUEUE_ERRORS,
          useFactory: () => {
            const logger = new Logger('queues');
            return throttledQueueErrors((fields) => logger.warn(fields, 'queue error (Redis): the same error is logged at most every 30 s'));
          },
        },
        {
          provide: QueueRegistry,
          useFactory: (redis: IORedis | Cluster, onError: QueueErrorHandler) => new QueueRegistry(redis, prefix, onError),
          inject: [PRODUCER_REDIS, QUEUE_ERRORS],
        },
        {
          provide: EventPublisher,
          useFactory: (queues: QueueRegistry, published?: PublishedEvents) => new EventPublisher(queues, published),
          inject: [QueueRegistry, { token: PUBLISHED_EVENTS, optional: true }],
        },
        { provide: JobInspector, useFactory: (queues: QueueRegistry) => new JobInspector(queues), inject: [QueueRegistry] },
        HandlerCheck,
      ],
      exports: [PRODUCER_REDIS, WORKER_REDIS, QueueRegistry, EventPublisher, JobInspector, BullModule],
    };
  }

  /** @nestjs/bullmq's registered queues (the worker connection's) report their errors like the registry's. */
  onModuleInit(): void {
    for (const name of Object.values(Queues)) this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }).on('error', (error) => this.queueErrors(name, error));
  }

  /** Workers are closed by @nestjs/bullmq first (they finish their active jobs); then the producers. */
  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
    this.producer.disconnect();
    this.workers.connection?.disconnect();
  }
}
