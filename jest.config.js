/** Tests run as native ESM (node --experimental-vm-modules), TypeScript compiled by SWC. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
  // In-memory PGlite stores start from a migrated template instead of initdb plus every migration.
  globalSetup: './test/global-setup.js',
  // Servers, sockets and Redis clients are closed in afterAll hooks; this stops a stray timer from holding CI open.
  forceExit: true,
};
