export * from './customer-mail';
