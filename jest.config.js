/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // spawned CLIs see a pipe's environment, not jest's FORCE_COLOR (see the file)
  setupFiles: ['<rootDir>/test/support/plain-terminal.js'],
  // each test file is transpiled on its own (isolatedModules): types are checked once for the
  // whole project by `npm run typecheck`, which CI runs before the tests
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  testTimeout: 120000,
  maxWorkers: 2,
};
