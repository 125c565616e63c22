// Jest runs the TypeScript sources as ES modules (unified and its plugins are ESM-only):
// @swc/jest strips the types, node --experimental-vm-modules loads the modules.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Browser and Java validators are slow to start; a single test may take a while.
  testTimeout: 180000,
};
