// class-transformer's decorators on the DTOs read design-time types through reflect-metadata.
import 'reflect-metadata';
export * from './queues';
export * from './events';
export * from './jobs';
export * from './submission.dto';
export * from './validation';
export * from './input-shape';
export * from './request-view';
export * from './job-payloads.dto';
export * from './timeline';
export * from './webhooks';
