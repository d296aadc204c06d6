export * from './reply-text';
export * from './attachment-policy';
export * from './mail-submission';
export * from './plain-text';
