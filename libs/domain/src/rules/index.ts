export * from './rule-set';
export * from './load-rules';
