/**
 * Feldera's live log against the emulator's stream, in process: lines come while the stream is held
 * open; after the connection drops, the next poll opens it again and the replay of the ring buffer is
 * skipped, so every line is handed on once and none is lost; early 404s are quiet; `close` ends it.
 */
import { describe, expect, test } from '@jest/globals';
import { HttpClient } from '../../src/http.ts';
import { FelderaClient } from '../../src/providers/feldera/client.ts';
import type { FelderaData } from '../../src/providers/feldera/schemas.ts';
import { felderaLiveLogs } from '../../src/providers/feldera/live-log.ts';
import { HANDLE_VERSION, type RunHandle } from '../../src/providers/types.ts';
import { useEmulator } from '../helpers/emulated.ts';

const emu = useEmulator();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const handle = (pipeline: string): RunHandle<FelderaData> =>
  ({ version: HANDLE_VERSION, provider: 'feldera', pipeline, runId: pipeline, data: {} }) as unknown as RunHandle<FelderaData>;

describe('Feldera live log', () => {
  test('a reconnect skips the replayed lines: each line once, none lost; quiet 404s early; close ends it', async () => {
    const e = emu.get();
    e.configure({ feldera: { pipelines: { p: { provisionMs: 0, logLiveEveryMs: 40, logsLateMs: 150 } } } });
    const http = new HttpClient({ requestTimeoutMs: 5000 });
    const client = new FelderaClient({ base: new URL(e.url), http });
    try {
      await client.send(client.startRequest('p', { initial: 'running', dismiss_error: 'true' }));
      const [log] = felderaLiveLogs(client, [handle('p')]);
      if (log === undefined) throw new Error('no live log');
      const lines: string[] = [];
      const push = (l: string): void => void lines.push(l);
      const signal = new AbortController().signal;
      await log.read(push, signal); // an empty 404: not there yet, and no failure
      await sleep(200);
      await log.read(push, signal);
      await sleep(250);
      expect(lines.length).toBeGreaterThan(2);
      // The connection drops (as on a runner restart): the next poll connects again.
      (log as unknown as { stream: AbortController }).stream.abort();
      await sleep(100);
      await log.read(push, signal);
      await sleep(300);
      await log.close?.();
      const after = lines.length;
      await sleep(150);
      expect(lines.length).toBe(after);
      expect(lines.filter((l, i) => lines.indexOf(l) !== i)).toEqual([]);
      expect(lines.filter((l) => l.includes('deployment of pipeline p requested'))).toHaveLength(1);
      const numbers = lines.flatMap((l) => /live line (\d+)$/.exec(l)?.[1] ?? []).map(Number);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
      expect(numbers.length).toBeGreaterThan(10);
      expect(e.requests.filter((r) => r.path === '/v0/pipelines/p/logs').length).toBeGreaterThanOrEqual(3);
    } finally {
      await http.close();
    }
  });
});
