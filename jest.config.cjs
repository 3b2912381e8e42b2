// One Jest run, three kinds of test. Unit tests sit beside the code; integration tests need
// DATABASE_URL (apps/api/scripts/test.mjs provides one) and get a database cloned from a migrated template.
const aliases = {
  '@postplan/contracts': ['libs/contracts/src/index.ts'],
  '@postplan/domain': ['libs/domain/src/index.ts'],
  '@postplan/migrations': ['migrations/index.ts'],
  '@postplan/platforms': ['libs/platforms/src/index.ts'],
  '@postplan/platforms/testing': ['libs/platforms/src/testing.ts'],
};

// swc rewrites the workspace aliases itself, so they resolve in globalSetup too, where Jest's
// moduleNameMapper does not apply.
const swcTransform = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        react: { runtime: 'automatic' },
      },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: __dirname,
      paths: aliases,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = {
  '^@postplan/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@postplan/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@postplan/migrations$': '<rootDir>/migrations/index.ts',
  '^@postplan/platforms$': '<rootDir>/libs/platforms/src/index.ts',
  '^@postplan/platforms/testing$': '<rootDir>/libs/platforms/src/testing.ts',
  '\\.(css)$': '<rootDir>/apps/web/test/style-stub.cjs',
};

const shared = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swcTransform },
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
};

module.exports = {
  // Generous, so a loaded CI machine does not fail a slow render; a hang still fails. Jest
  // reads testTimeout only here, at the top: inside a project it is silently ignored.
  testTimeout: 20_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.{ts,tsx}'],
    },
    {
      ...shared,
      displayName: 'integration',
      testEnvironment: 'node',
      // Raises the time limit to 60 s for these files: see the setup file.
      setupFilesAfterEnv: ['<rootDir>/apps/api/test/time-limit.ts'],
      testMatch: ['<rootDir>/apps/api/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
    },
  ],
};
