export * from './redis-connection';
export * from './job-defaults';
export * from './queue-registry';
export * from './event-publisher';
export * from './stage-processor';
export * from './handler-check';
export * from './messaging.module';
export * from './worker-options';
