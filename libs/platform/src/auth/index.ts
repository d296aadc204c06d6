export * from './principal';
export * from './key-service';
export * from './token-signer';
export * from './access.decorator';
export * from './auth.guard';
export * from './reply-address';
export { normaliseAddress } from './reply-token';
