export * from './request-view';
export * from './customer-view';
export * from './company-access';
