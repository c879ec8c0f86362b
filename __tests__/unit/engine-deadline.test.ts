/**
 * `timeout` bounds the whole step in process: a trigger whose request never gets an answer ends at the
 * deadline as timed_out (not at the 30 s request timeout), and the timeout message's last poll error is
 * redacted like every other remote text.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realClock } from '../../src/clock.ts';
import { runPipelines } from '../../src/engine.ts';
import { NetworkError } from '../../src/errors.ts';
import { HttpClient } from '../../src/http.ts';
import type { Logger } from '../../src/log.ts';
import type { Provider, RunHandle } from '../../src/providers/types.ts';
import { rememberSecret } from '../../src/secrets.ts';
import { simClock } from '../helpers/sim-clock.ts';

const none = (): void => undefined;
const quiet: Logger = { info: none, debug: none, warning: none, notice: none, error: none };

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer(() => undefined); // reads every request, answers none
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

const handle = (pipeline: string): RunHandle => ({ version: 1, provider: 'feldera', pipeline, runId: pipeline, data: {} });

test('a trigger that never answers ends timed_out at the deadline, not at the request timeout', async () => {
  const http = new HttpClient({ requestTimeoutMs: 600_000 });
  const provider: Provider = {
    name: 'feldera',
    preview: () => Promise.resolve([]),
    trigger: async (pipelines) => {
      const outcomes = [];
      for (const pipeline of pipelines) {
        try {
          await http.send({ method: 'POST', url: new URL(`${base}/start`), label: `start ${pipeline}`, idempotent: false });
          outcomes.push({ pipeline, run: handle(pipeline) });
        } catch (error) {
          outcomes.push({ pipeline, error: error as Error });
        }
      }
      return { outcomes };
    },
    observe: (runs) => Promise.resolve(runs.map(() => ({ status: 'running', phase: 'pending' as const }))),
    cancel: () => Promise.resolve(),
  };
  const result = await runPipelines({
    provider,
    pipelines: ['held'],
    wait: true,
    timeoutMs: 300,
    pollIntervalMs: 1000,
    cancelOnAbort: true,
    clock: realClock,
    log: quiet,
  }).finally(() => http.close());
  expect(result.conclusion).toBe('timed_out');
  expect(result.runs[0]).toMatchObject({ conclusion: 'timed_out', status: 'not started' });
  expect(result.runs[0]?.message).toMatch(
    /^the timeout of .+ ran out while starting it; could not start: POST .*\/start \(start held\): no answer before the step's timeout ran out; the request may have reached the server/,
  );
});

test("the timeout message's last poll error is redacted", async () => {
  const secret = 'PollErrSecret-8Hq2vT';
  rememberSecret(secret);
  const clock = simClock();
  const provider: Provider = {
    name: 'feldera',
    preview: () => Promise.resolve([]),
    trigger: (pipelines) => Promise.resolve({ outcomes: pipelines.map((pipeline) => ({ pipeline, run: handle(pipeline) })) }),
    observe: (runs) =>
      Promise.resolve(runs.map(() => new NetworkError(`GET /status?token=${secret}: ECONNRESET`, 'ECONNRESET', false))),
    cancel: () => Promise.resolve(),
  };
  const result = await runPipelines({
    provider,
    pipelines: ['p'],
    wait: true,
    timeoutMs: 60_000,
    pollIntervalMs: 10_000,
    cancelOnAbort: false,
    clock,
    log: quiet,
  });
  expect(result.conclusion).toBe('timed_out');
  expect(result.runs[0]?.message).toMatch(/the last status check failed: GET \/status\?token=\*\*\*: ECONNRESET$/);
  expect(JSON.stringify(result)).not.toContain(secret);
});
