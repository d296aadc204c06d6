export * from './choose-team';
export * from './out-of-hours';
