export * from './redis-throttler.storage';
export * from './too-many-requests';
export * from './throttler.guards';
export * from './auth-failure-limiter';
export * from './rate-limit.module';
