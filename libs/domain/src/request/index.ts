export * from './aggregate';
export * from './lifecycle';
export * from './transition';
export * from './facts';
export * from './pipeline';
export * from './desk';
export * from './plan-change';
export * from './queue-order';
