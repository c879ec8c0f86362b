/**
 * The step context (src/step-context.ts), built once in setup and shared by the engine, the HTTP client
 * and the providers (issue 22): the job-cancel signal ends the client's Retry-After waits under the step's
 * deadline, an injected clock drives the engine's deadline, and Huawei signs with the context's clock.
 * In process, against loopback servers.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realClock } from '../../src/clock.ts';
import { runPipelines } from '../../src/engine.ts';
import { HttpClient, withDeadline } from '../../src/http.ts';
import { memoryLogger } from '../../src/log.ts';
import type { Provider, RunHandle } from '../../src/providers/types.ts';
import { engineSettings, prepareStep } from '../../src/setup.ts';
import { simClock } from '../helpers/sim-clock.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A loopback server answering every request with `status` and `headers`; it keeps what it was sent. */
async function answering(
  status: number,
  headers: Record<string, string> = {},
): Promise<{ url: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end('{}');
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const quiet = { log: memoryLogger(), secret: () => undefined };

describe('the job-cancel signal', () => {
  test("is the step context's, in the HTTP client and the engine settings", async () => {
    const jobCancel = new AbortController();
    const inputs: Record<string, string> = { provider: 'feldera', endpoint: 'http://127.0.0.1:9', 'pipeline-ids': 'p' };
    const step = await prepareStep({ inputs: (n) => inputs[n] ?? '', env: {}, ...quiet }, { signal: jobCancel.signal });
    try {
      expect(step.context.signal).toBe(jobCancel.signal);
      expect(step.http.options.signal).toBe(jobCancel.signal);
      expect(engineSettings(step).signal).toBe(jobCancel.signal);
    } finally {
      await step.http.close();
    }
  });

  test('ends a pending Retry-After wait of the HTTP client at once, under the step deadline', async () => {
    const { url, seen } = await answering(429, { 'retry-after': '100' });
    const jobCancel = new AbortController();
    // The job is cancelled once the client is in its Retry-After wait (the log line comes just before it).
    const log = (line: string): void => {
      if (line.includes('retry 1 of')) setTimeout(() => jobCancel.abort(new Error('received SIGINT')), 20);
    };
    // Real time: without the signal this wait would last 100 s and the test would time out.
    const http = new HttpClient({ clock: realClock, signal: jobCancel.signal, log });
    try {
      const deadline = { remainingMs: () => 3_600_000 };
      const sent = withDeadline(deadline, () =>
        http.send({ method: 'GET', url: new URL(url), label: 'status', idempotent: true }),
      );
      await expect(sent).rejects.toThrow('received SIGINT');
      expect(seen).toHaveLength(1);
    } finally {
      await http.close();
    }
  }, 10_000);

  test('leaves the requests sent after it outside the deadline (the cancels of started runs)', async () => {
    const { url, seen } = await answering(200);
    const jobCancel = new AbortController();
    jobCancel.abort(new Error('received SIGINT'));
    const http = new HttpClient({ clock: realClock, signal: jobCancel.signal });
    try {
      const res = await http.send({ method: 'POST', url: new URL(url), label: 'cancel run', idempotent: true });
      expect(res.status).toBe(200);
      expect(seen).toHaveLength(1);
    } finally {
      await http.close();
    }
  });
});

describe('an injected clock', () => {
  test("drives the engine's deadline: a run that never ends times out on simulated time", async () => {
    const clock = simClock(Date.UTC(2030, 0, 1));
    const inputs: Record<string, string> = {
      provider: 'feldera',
      endpoint: 'http://127.0.0.1:9',
      'pipeline-ids': 'p',
      timeout: '2h',
      'poll-interval': '1m',
    };
    const step = await prepareStep({ inputs: (n) => inputs[n] ?? '', env: {}, ...quiet }, { clock });
    const started = clock.t;
    try {
      const settings = engineSettings(step);
      expect(settings.clock).toBe(clock);
      expect(settings.deadline).toBe(started + 2 * 3_600_000);
      const cancelled: string[] = [];
      const handle: RunHandle = { version: 1, provider: 'feldera', pipeline: 'p', runId: 'r1', data: {} };
      const endless: Provider = {
        name: 'feldera',
        preview: () => Promise.resolve([]),
        trigger: () => Promise.resolve({ outcomes: [{ pipeline: 'p', run: handle }] }),
        observe: (runs) => Promise.resolve(runs.map(() => ({ status: 'RUNNING', phase: 'pending' as const }))),
        cancel: (run) => {
          cancelled.push(run.runId);
          return Promise.resolve();
        },
      };
      const result = await runPipelines({ ...settings, provider: endless, cancelOnAbort: true, log: memoryLogger() });
      expect(result.conclusion).toBe('timed_out');
      expect(clock.t - started).toBeGreaterThanOrEqual(2 * 3_600_000);
      expect(cancelled).toEqual(['r1']);
    } finally {
      await step.http.close();
    }
  });

  test("is the time of Huawei's signature (X-Sdk-Date)", async () => {
    const { url, seen } = await answering(500);
    const clock = simClock(Date.UTC(2001, 1, 3, 4, 5, 6));
    const inputs: Record<string, string> = {
      provider: 'huawei-codearts',
      endpoint: url,
      'project-id': 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      'pipeline-ids': '85f622d9d0ad4852a9451dbc9fe3156a',
      'access-key-id': 'HPUACONTEXTCLOCKAK01',
      'access-key-secret': 'ContextClockSecretKeyValue012345',
    };
    const env = { RUN_PIPELINES_REQUEST_TIMEOUT: '2s' };
    const step = await prepareStep({ inputs: (n) => inputs[n] ?? '', env, ...quiet }, { clock });
    try {
      await step.provider.trigger([inputs['pipeline-ids'] ?? '']).catch(() => undefined);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen[0]?.['x-sdk-date']).toBe('20010203T040506Z');
    } finally {
      await step.http.close();
    }
  });
});
