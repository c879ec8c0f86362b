/**
 * The emulator on loopback, instrumented for the benchmark: the time each request arrives and the
 * most requests it was answering at once.
 */
import { performance } from 'node:perf_hooks';
import { startEmulator, type Emulator } from '../emulator/server.ts';

export interface BenchEmulator {
  emulator: Emulator;
  /** Resolves with performance.now() at the next request's arrival. */
  nextArrival(): Promise<number>;
  /** Clears the request log and the in-flight peak, and sets the scenario. */
  reset(config: Record<string, unknown>): void;
  peakInFlight(): number;
  close(): Promise<void>;
}

export async function startBenchEmulator(): Promise<BenchEmulator> {
  let waiters: Array<(at: number) => void> = [];
  let inFlight = 0;
  let peak = 0;
  const emulator = await startEmulator({
    onRequest: (req, res) => {
      const at = performance.now();
      if (req.url?.startsWith('/__emulator/')) return;
      const ready = waiters;
      waiters = [];
      for (const w of ready) w(at);
      peak = Math.max(peak, ++inFlight);
      res.on('close', () => inFlight--);
    },
  });
  return {
    emulator,
    nextArrival: () => new Promise((resolve) => waiters.push(resolve)),
    reset: (config) => {
      emulator.configure(config);
      peak = inFlight;
    },
    peakInFlight: () => peak,
    close: () => emulator.close(),
  };
}
