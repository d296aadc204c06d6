export * from './request-view';
