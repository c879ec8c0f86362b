/**
 * The emulator on loopback, instrumented for the benchmark: the time each request arrives and the
 * most client connections open at once (the client's in-flight bound: one request per connection).
 */
import { performance } from 'node:perf_hooks';
import { startEmulator, type Emulator } from '../emulator/server.ts';

export interface BenchEmulator {
  emulator: Emulator;
  /** Resolves with performance.now() at the next request's arrival. */
  nextArrival(): Promise<number>;
  /** Clears the request log and the in-flight peak, and sets the scenario. */
  reset(config: Record<string, unknown>): void;
  peakConnections(): number;
  close(): Promise<void>;
}

export async function startBenchEmulator(): Promise<BenchEmulator> {
  let waiters: Array<(at: number) => void> = [];
  const open = new Set<object>();
  let peak = 0;
  const emulator = await startEmulator({
    onRequest: (req) => {
      const at = performance.now();
      if (req.url?.startsWith('/__emulator/')) return;
      const ready = waiters;
      waiters = [];
      for (const w of ready) w(at);
      const socket = req.socket;
      if (!open.has(socket)) {
        open.add(socket);
        socket.once('close', () => open.delete(socket));
      }
      peak = Math.max(peak, open.size);
    },
  });
  return {
    emulator,
    nextArrival: () => new Promise((resolve) => waiters.push(resolve)),
    reset: (config) => {
      emulator.configure(config);
      peak = open.size;
    },
    peakConnections: () => peak,
    close: () => emulator.close(),
  };
}
