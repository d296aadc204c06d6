export * from './document';
export * from './errors';
export * from './request-view.schema';
