export * from './document';
export * from './errors';
export * from './request-view.schema';
export * from './customer-request-view.schema';
