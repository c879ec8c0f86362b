/** Starts one emulator for a test file and hands out a configured URL per test. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { afterAll, beforeAll, test } from '@jest/globals';
import { startEmulator, type Emulator } from '../../emulator/server.ts';

export function useEmulator(): { get: () => Emulator } {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return {
    get: () => {
      if (!emulator) throw new Error('emulator not started');
      return emulator;
    },
  };
}

/**
 * One emulator per test, so a file's tests run side by side (test.concurrent): `get()` gives the
 * emulator of the test that calls it (AsyncLocalStorage follows each test's awaits). A file switches
 * from useEmulator() by naming its tests `emu.test(...)` instead of `test(...)`.
 */
export function emulatorPerTest(warmUp?: (emulator: Emulator) => Promise<unknown>): {
  get: () => Emulator;
  test: (name: string, body: () => Promise<void>) => void;
} {
  const current = new AsyncLocalStorage<Emulator>();
  // A first step alone loads (and ts-jest compiles) what a step imports on demand, so the tests that then
  // start together do not stall on it while their scenarios' clocks run. Nothing judges its outcome.
  if (warmUp)
    beforeAll(async () => {
      const emulator = await startEmulator();
      try {
        await warmUp(emulator);
      } finally {
        await emulator.close();
      }
    });
  return {
    get: () => {
      const emulator = current.getStore();
      if (!emulator) throw new Error('no emulator: call get() inside an emulated test');
      return emulator;
    },
    test: (name, body) =>
      test.concurrent(name, async () => {
        const emulator = await startEmulator();
        try {
          await current.run(emulator, body);
        } finally {
          await emulator.close();
        }
      }),
  };
}
