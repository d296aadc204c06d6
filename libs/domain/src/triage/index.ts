export * from './triage';
export * from './split-submission';
