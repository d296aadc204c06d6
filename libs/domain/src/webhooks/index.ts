export * from './retry-schedule';
export * from './event-match';
export * from './signing-secret';
export * from './target';
export * from './attempt-outcome';
export * from './delivery';
