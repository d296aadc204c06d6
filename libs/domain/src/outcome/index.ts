export * from './decide-outcome';
