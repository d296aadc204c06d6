export * from './reference-data';
export * from './version-match';
export * from './licence-registry';
