export * from './choose-team';
