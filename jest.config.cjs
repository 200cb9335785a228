// Nest 12 and a few of its dependencies ship ES modules only: they go through the same SWC transform.
const esmOnly = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit', 'canonicalize', 'jose'];

const shared = {
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/test/bench/', '/src/admin-ui/'],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2023',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // exports only an `import` condition, which jest's CommonJS resolver does not follow
    '^canonicalize$': '<rootDir>/node_modules/canonicalize/lib/canonicalize.js',
  },
};

module.exports = {
  // One embedded database serves every test file at once, one statement at a time.
  testTimeout: 30_000,
  projects: [
    // Pure domain specs: no database, no Nest.
    { ...shared, displayName: 'domain', roots: ['<rootDir>/src'] },
    // Integration and end-to-end: one embedded database (and PostgreSQL when configured) per run.
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
