/** Tests run as native ESM (node --experimental-vm-modules), TypeScript compiled by SWC. */
import { availableParallelism } from 'node:os';

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
    // jose is ESM only, and jwks-rsa (under @microsoft/agents-hosting) require()s it: Node 20 allows
    // that, Jest's module runtime does not, so a require of it gets a CommonJS build (an import, ESM).
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // A cap, not a wait: with two workers on two cores a browser test (a recorded call, two axe runs, a job) once took more than 30 s.
  testTimeout: 60000,
  // Each test file loads the app afresh in its own module registry, and a worker's heap kept growing
  // (2.5 GB by the end of a run, every later file slower in garbage collection: the suite took 20 minutes).
  // A worker past this much memory after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '800MB',
  // Two workers at least: Jest's default on a 2-core machine is one (cores - 1), which leaves a core idle while a test waits on
  // PostgreSQL, a browser or a timer. Two took the suite from about 1,060 s to 640 s on 2 cores, every test passing.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // In-memory PGlite stores start from a migrated template instead of initdb plus every migration.
  globalSetup: './test/global-setup.js',
  // Servers, sockets and Redis clients are closed in afterAll hooks; this stops a stray timer from holding CI open.
  forceExit: true,
};
