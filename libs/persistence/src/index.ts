export * from './entities';
export * from './database-url';
export * from './migrations';
export * from './unit-of-work';
export * from './open-database';
export * from './request-store';
export * from './reference-store';
export * from './stuck-job-store';
