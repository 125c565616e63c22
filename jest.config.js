// Jest runs the TypeScript sources as ES modules (unified and its plugins are ESM-only):
// @swc/jest strips the types, node --experimental-vm-modules loads the modules.
//
// Three tiers, one Jest project each (README, "Tests"):
//   unit    test/unit/**, mirrors src/: no Chromium, no Java, no subprocess; seconds.
//   books   test/books/**: the fixture books, built once per run by test/books/setup.cjs
//           (one Chromium) and shared by the files that inspect them; validators; the CLI.
//   corpus  test/corpus/**: the guide, built once per format by test/corpus/setup.cjs.
// `npm test -- --selectProjects unit books` runs some of them; a project's global setup
// runs only when one of its tests is selected.
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

export default {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'books',
      testMatch: ['<rootDir>/test/books/**/*.test.ts'],
      globalSetup: '<rootDir>/test/books/setup.cjs',
      globalTeardown: '<rootDir>/test/books/teardown.cjs',
    },
    {
      ...shared,
      displayName: 'corpus',
      testMatch: ['<rootDir>/test/corpus/**/*.test.ts'],
      globalSetup: '<rootDir>/test/corpus/setup.cjs',
      globalTeardown: '<rootDir>/test/corpus/teardown.cjs',
    },
  ],
  // Two test files at a time even on two cores (Jest would take one): much of a file's time
  // is spent in Chromium, Java or calibre, one process each, while the other core idles.
  maxWorkers: 2,
  // One temporary folder for the run, removed after it (test/support/global-builds.cjs).
  globalSetup: '<rootDir>/test/support/run-folder-setup.cjs',
  globalTeardown: '<rootDir>/test/support/run-folder-teardown.cjs',
  // The slowest files first, whether or not Jest has timed an earlier run (test/support/sequencer.cjs).
  testSequencer: '<rootDir>/test/support/sequencer.cjs',
  // Browser and Java validators are slow to start, and a loaded machine slower still.
  testTimeout: 180000,
};
