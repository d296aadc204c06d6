export * from './decide-eligibility';
