export * from './policy';
export * from './throttle';
