export * from './suggest-replies';
