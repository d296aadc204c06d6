export * from './repo-root';
export * from './rules.service';
export * from './reference.module';
