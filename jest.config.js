/** Unit tests sit beside the code (libs/**, apps/**); end-to-end tests live in test/. */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }],
    // NestJS 12 packages and jose are ES modules; Jest's require() loads ESM only on Node 24.9+ (see the file).
    '/node_modules/.+\\.js$': '<rootDir>/test/support/esm-to-cjs.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/|jose/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@support/(contracts|domain|persistence|messaging|platform)$': '<rootDir>/libs/$1/src',
  },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
