export * from './request-facts';
export * from './request-view';
