export * from './webhooks.module';
export * from './webhook-dispatcher';
export * from './webhook-deliveries';
export * from './webhook-views';
