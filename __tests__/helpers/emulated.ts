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
const SIDE_BY_SIDE = 3;

export function emulatorPerTest(warmUp?: () => Promise<unknown>): {
  get: () => Emulator;
  test: (name: string, body: () => Promise<void>) => void;
  /** test.each, each case with its own emulator. */
  each: <T extends unknown[]>(cases: readonly T[]) => (name: string, body: (...args: T) => Promise<void>) => void;
} {
  const current = new AsyncLocalStorage<Emulator>();
  // At most SIDE_BY_SIDE of a file's tests at once: their scenarios run on real time (a compile window of
  // 300 ms, an activation between two polls), which more steps in one event loop would stretch.
  let running = 0;
  const waiting: Array<() => void> = [];
  // A first step alone (get() gives it its own emulator) loads (and ts-jest compiles) what a step imports on demand, so the tests that then
  // start together do not stall on it while their scenarios' clocks run. Nothing judges its outcome.
  if (warmUp)
    beforeAll(async () => {
      const emulator = await startEmulator();
      try {
        await current.run(emulator, warmUp);
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
    test: (name, body) => test.concurrent(name, () => withEmulator(body)),
    each: (cases) => (name, body) => test.concurrent.each(cases)(name, (...args) => withEmulator(() => body(...args))),
  };

  async function withEmulator(body: () => Promise<void>): Promise<void> {
    if (running >= SIDE_BY_SIDE) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      const emulator = await startEmulator();
      try {
        await current.run(emulator, body);
      } finally {
        await emulator.close();
      }
    } finally {
      running--;
      waiting.shift()?.();
    }
  }
}
