/** Starts one emulator for a test file and hands out a configured URL per test. */
import { afterAll, beforeAll } from '@jest/globals';
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
