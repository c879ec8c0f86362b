/** Jest runs the TypeScript sources as ES modules through ts-jest (see package.json "test"). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151001'] } }],
  },
  // Sources import siblings as `./x.ts`; ts-jest rewrites them to `./x.js`, which maps back here.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
  // The e2e files mostly wait on emulated runs and on spawned dist/ processes (about a quarter of their
  // time is CPU), so four workers on two cores overlap that waiting; jest's default here is one. The
  // whole suite used about one core on average with three (user+sys 212 s over 222 s wall). More
  // concurrent spawned steps (cancellation, security) delay each other enough on a busy machine to
  // break the scenarios that assume a step starts within a second or so. In-process files pace
  // themselves (__tests__/helpers/emulated.ts emulatorPerTest, fault-matrix.ts startedTogether).
  maxWorkers: 4,
  maxConcurrency: 4,
};
