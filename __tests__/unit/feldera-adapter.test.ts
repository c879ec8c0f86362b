/**
 * The Feldera adapter in process against the emulator on loopback (issue 23, items 1-6): what it does
 * by the server's version, how it activates, how it explains refusals, and what the log reader stops on.
 * Emulated durations are zero or "long", so nothing here waits on the emulator's clock.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { FelderaScenario } from '../../emulator/feldera.ts';
import { startEmulator, type Emulator } from '../../emulator/server.ts';
import { dryRun } from '../../src/dry-run.ts';
import { errorMessage } from '../../src/errors.ts';
import { HttpClient } from '../../src/http.ts';
import { memoryLogger } from '../../src/log.ts';
import { FelderaClient } from '../../src/providers/feldera/client.ts';
import { felderaLogSources } from '../../src/providers/feldera/logs.ts';
import type { RunHandle } from '../../src/providers/types.ts';
import { printRemoteLogs } from '../../src/remote-logs.ts';
import { prepareStep } from '../../src/setup.ts';
import { simClock } from '../helpers/sim-clock.ts';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

const KEY = 'apikey:adapterTestKey';
const quick = { provisionMs: 0, initializeMs: 0 };

function configure(scenario: FelderaScenario, faults: unknown[] = []): void {
  emu.configure({ faults, feldera: { apiKey: KEY, ...scenario } });
}

/** Prepares the step as the action does, runs `fn` on its provider, and returns what it gave with the step's log. */
async function withStep<T>(
  more: Record<string, string>,
  fn: (step: Awaited<ReturnType<typeof prepareStep>>) => Promise<T>,
): Promise<{ value: T; lines: string[] }> {
  const inputs: Record<string, string> = { provider: 'feldera', endpoint: emu.url, 'api-key': KEY, ...more };
  const log = memoryLogger();
  const step = await prepareStep({ inputs: (n) => inputs[n] ?? '', env: {}, log, secret: () => undefined });
  try {
    return { value: await fn(step), lines: log.lines };
  } finally {
    await step.http.close();
  }
}

/** Triggers `ids`; a trigger that throws fails every pipeline, as the engine reports it. */
async function trigger(ids: string, more: Record<string, string> = {}) {
  const pipelines = ids.split(',');
  const { value, lines } = await withStep({ 'pipeline-ids': ids, ...more }, (step) =>
    step.provider
      .trigger(pipelines)
      .catch((e: unknown) => ({ outcomes: pipelines.map((pipeline) => ({ pipeline, error: e as Error, run: undefined })) })),
  );
  const messages = value.outcomes.map((o) => (o.error ? o.error.message : 'started'));
  return { outcomes: value.outcomes, messages, lines };
}

const paths = (method: string, suffix = ''): string[] =>
  emu.requests.filter((r) => r.method === method && r.path.endsWith(suffix)).map((r) => r.path);

describe('the server version, read once a step (GET /v0/config)', () => {
  test('0.250.0: no /dismiss_error is sent (it came in 0.251.0), the version is logged, and five pipelines cost one read of it', async () => {
    configure({ version: '0.250.0', pipelines: Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((p) => [p, quick])) });
    const { messages, lines } = await trigger('a,b,c,d,e');
    expect(messages).toEqual(Array(5).fill('started'));
    expect(lines).toContain('info: Feldera 0.250.0 (Open source)');
    expect(paths('POST', '/dismiss_error')).toEqual([]);
    expect(paths('POST', '/start')).toHaveLength(5);
    expect(paths('GET', '/v0/config')).toEqual(['/v0/config']);
  });

  test('0.250.0 with dismiss-error false: a notice that the start replaces an old error there, and it does', async () => {
    configure({
      version: '0.250.0',
      pipelines: { p: { ...quick, previousError: { code: 'RunnerProvisionError', message: 'x' } } },
    });
    const { messages, lines } = await trigger('p', { 'dismiss-error': 'false' });
    expect(messages).toEqual(['started']);
    expect(lines).toContain(
      'notice: dismiss-error: false has no effect on Feldera 0.250.0 (Open source): before 0.251.0 a start replaces an earlier deployment error',
    );
  });

  test('0.147.0: initial paused is refused naming the version, before any start; running starts', async () => {
    configure({ version: '0.147.0', pipelines: { p: quick } });
    const paused = await trigger('p', { initial: 'paused' });
    expect(paused.messages).toEqual([
      "Input 'initial' must be running for this Feldera (0.147.0): /start reads 'initial' from 0.148.0 on, and deploys every pipeline running before that (got 'paused'); nothing was started",
    ]);
    expect(paths('POST')).toEqual([]);
    const running = await trigger('p');
    expect(running.messages).toEqual(['started']);
    expect(paths('POST')).toEqual(['/v0/pipelines/p/start']);
  });

  test('a version that cannot be read: an empty 404 from /dismiss_error means "not supported", said once, and the starts go on', async () => {
    configure({ version: '0.250.0', pipelines: { a: quick, b: quick } }, [
      { method: 'GET', path: '^/v0/config$', action: { kind: 'respond', status: 404 } },
    ]);
    const { messages, lines } = await trigger('a,b');
    expect(messages).toEqual(['started', 'started']);
    expect(lines).toContain(
      'info: the Feldera version is unknown (GET /v0/config answered HTTP 404); the step assumes a current one',
    );
    expect(lines.filter((l) => l.includes('this Feldera has no POST /dismiss_error (an empty 404'))).toHaveLength(1);
    expect(paths('POST', '/start')).toHaveLength(2);
  });

  test('a server that cannot be reached fails every pipeline at the version read, with no second round of retries', async () => {
    const inputs: Record<string, string> = { provider: 'feldera', endpoint: 'http://127.0.0.1:9', 'pipeline-ids': 'a,b' };
    const clock = simClock(Date.now());
    const step = await prepareStep(
      { inputs: (n) => inputs[n] ?? '', env: {}, log: memoryLogger(), secret: () => undefined },
      { clock },
    );
    try {
      await expect(step.provider.trigger(['a', 'b'])).rejects.toThrow(/^GET http:\/\/127.0.0.1:9\/v0\/config: ECONNREFUSED/);
      // The retries of that one read, and no dismiss or start after it.
      expect(clock.slept.length).toBeLessThanOrEqual(4);
    } finally {
      await step.http.close();
    }
  });

  test('a known current version: an empty 404 from /dismiss_error (a proxy, say) is an error, not "not supported"', async () => {
    configure({ pipelines: { p: quick } }, [
      { method: 'POST', path: '/dismiss_error$', action: { kind: 'respond', status: 404 } },
    ]);
    const { messages } = await trigger('p');
    expect(messages).toEqual(['HTTP 404: HTTP 404 with no body']);
    expect(paths('POST', '/start')).toEqual([]);
  });

  test('dry-run: activate is refused on the open-source edition; a real run still sends /activate and reports the 501', async () => {
    configure({ pipelines: { sb: { startInStandby: true } } });
    const dry = await withStep({ 'pipeline-ids': 'sb', operation: 'activate' }, (step) =>
      dryRun(step.provider, ['sb'], memoryLogger()).then(() => 'no error', errorMessage),
    );
    expect(dry.value).toContain(
      "EnterpriseFeature: operation 'activate' needs Feldera Enterprise: Feldera 0.337.0 (Open source) answers POST /activate with 501 EnterpriseFeature",
    );
    expect(paths('POST')).toEqual([]);
    const real = await trigger('sb', { operation: 'activate' });
    expect(real.messages[0]).toMatch(/^HTTP 501: EnterpriseFeature: Cannot use enterprise-only feature/);
    expect(paths('POST')).toEqual(['/v0/pipelines/sb/activate']);
  });

  test('dry-run on an old manager: the preview leaves out the dismiss it would skip, and initial paused is refused before 0.148.0', async () => {
    configure({ version: '0.200.0', pipelines: { p: quick } });
    const dry = await withStep({ 'pipeline-ids': 'p' }, (step) => dryRun(step.provider, ['p'], memoryLogger()));
    expect(dry.value.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['POST /v0/pipelines/p/start']);
    expect(dry.lines).toContain(
      'notice: [dry-run] this Feldera predates roles (< 0.327; it is 0.200.0): the role check is skipped',
    );
    configure({ version: '0.140.0', pipelines: { p: quick } });
    const old = await withStep({ 'pipeline-ids': 'p', initial: 'standby' }, (step) =>
      dryRun(step.provider, ['p'], memoryLogger()).then(() => 'no error', errorMessage),
    );
    expect(old.value).toContain("Input 'initial' must be running for this Feldera (0.140.0)");
  });
});

describe('names, refusals and messages', () => {
  test('a name the 0.308.0 rule refuses for new pipelines is warned about and still started', async () => {
    const long = `p${'x'.repeat(70)}`;
    configure({ pipelines: { _legacy: quick, [long]: quick } });
    const { messages, lines } = await trigger(`_legacy,${long}`);
    expect(messages).toEqual(['started', 'started']);
    expect(lines).toContain(
      "warning: '_legacy' is a name Feldera 0.308.0 and later refuse for a new or renamed pipeline (at most 63 characters, starting and ending with a letter or digit); an existing pipeline keeps working under it",
    );
    expect(lines.filter((l) => l.startsWith(`warning: '${long}' is a name`))).toHaveLength(1);
  });

  test('InitialImmutableUnlessStopped on a pipeline deployed paused names /resume', async () => {
    configure({ pipelines: { p: { deployed: { initial: 'paused' } } } });
    const { messages } = await trigger('p', { 'dismiss-error': 'false' });
    expect(messages[0]).toBe(
      'HTTP 400: InitialImmutableUnlessStopped: Initial desired runtime status cannot be changed unless the pipeline is desired to become Stopped. (the pipeline is Paused (desired Paused), deployed with initial Paused): resume it (POST /v0/pipelines/p/resume) or stop it first (POST /v0/pipelines/p/stop?force=true), then start it again',
    );
  });

  test('a 401 for a key without the apikey: prefix quotes error_description and names the prefix', async () => {
    configure({ pipelines: { p: quick } });
    const { messages } = await trigger('p', { 'api-key': 'adapterTestKey' });
    expect(messages[0]).toBe(
      'HTTP 401: Unauthorized: the API key was refused: error_description "Malformed JWT: missing iss claim"; Feldera API keys start with \'apikey:\', and a token without that prefix is checked as a JWT',
    );
  });

  test('deployment_runtime_status_details.reason is in the progress text and the run’s details', async () => {
    configure({ pipelines: { p: { provisionMs: 0, outcome: 'stuck', reason: 'downloading checkpoint\nfrom object storage' } } });
    const { value } = await withStep({ 'pipeline-ids': 'p' }, async (step) => {
      const { outcomes } = await step.provider.trigger(['p']);
      return step.provider.observe(outcomes.flatMap((o) => (o.run ? [o.run] : [])));
    });
    expect(value[0]).toMatchObject({
      status: 'Initializing',
      phase: 'pending',
      progress: 'desired Running; reason: downloading checkpoint from object storage',
      details: { reason: 'downloading checkpoint from object storage' },
    });
  });
});

describe('operation: activate reads the status first', () => {
  test('standby is activated; already in the target: a notice and no call; live or stopped pipelines are refused naming the call', async () => {
    configure({
      enterprise: true,
      pipelines: {
        sb: { startInStandby: true },
        live: { deployed: { initial: 'running' } },
        paused: { deployed: { initial: 'running', runtime: 'Paused' } },
        off: quick,
      },
    });
    const { messages, lines } = await trigger('sb,live,paused,off', { operation: 'activate' });
    expect(messages).toEqual([
      'started',
      'started',
      'paused is Paused (desired Paused): it has left standby already, and activate would resume it; to do that, resume it (POST /v0/pipelines/paused/resume), or stop it first (POST /v0/pipelines/paused/stop?force=true), then start it with initial: standby',
      'off is Stopped (desired Stopped): it is not deployed, so there is nothing to activate; start it (operation: start, with initial: standby to activate it later)',
    ]);
    expect(lines).toContain(
      'notice: live is Running (desired Running): it has left standby already, so it was not activated again',
    );
    expect(paths('POST')).toEqual(['/v0/pipelines/sb/activate']);
  });
});

describe('the log reader (fda logs: a bounded wait for the first chunk, then 250 ms of quiet)', () => {
  const handle = (p: string): RunHandle => ({ version: 1, provider: 'feldera', pipeline: p, runId: p, data: {} });
  const waits = { firstChunkMs: 150, idleMs: 250 };

  async function withClient<T>(fn: (client: FelderaClient) => Promise<T>): Promise<T> {
    const http = new HttpClient({ requestTimeoutMs: 5000 });
    try {
      return await fn(new FelderaClient({ base: new URL(emu.url), apiKey: KEY, http }));
    } finally {
      await http.close();
    }
  }

  test('a stream that keeps coming is not cut after the first-chunk wait: only the reader’s caller stops it', async () => {
    configure({ pipelines: { busy: { ...quick, logLiveEveryMs: 30 }, never: quick } });
    await withClient(async (client) => {
      await client.send(client.startRequest('busy', { initial: 'running', dismiss_error: 'true' }));
      const [busy, never] = felderaLogSources(
        client,
        [handle('busy'), handle('never')].map((h) => ({ handle: h, startedAt: 0, finishedAt: 0 })),
        waits,
      );
      const lines: string[] = [];
      const started = Date.now();
      let lastAt = started;
      await busy?.read((l) => {
        lines.push(l);
        lastAt = Date.now();
      }, AbortSignal.timeout(700));
      // Lines went on arriving long past the 150 ms first-chunk wait (the old reader's wait capped the whole read).
      expect(lastAt - started).toBeGreaterThan(400);
      expect(lines.filter((l) => /live line \d+$/.test(l)).length).toBeGreaterThan(3);
      // Never started: the runner replays nothing, and the read ends once the first-chunk wait is over.
      const none: string[] = [];
      await never?.read((l) => none.push(l), AbortSignal.timeout(5000));
      expect(none).toEqual([]);
    });
  });

  test('a read the step’s log budget cuts is said to be cut, after the lines it got', async () => {
    configure({ pipelines: { busy: { ...quick, logLiveEveryMs: 30 } } });
    await withClient(async (client) => {
      await client.send(client.startRequest('busy', { initial: 'running', dismiss_error: 'true' }));
      const log = memoryLogger();
      await printRemoteLogs({
        provider: {
          name: 'feldera',
          preview: () => Promise.resolve([]),
          trigger: () => Promise.resolve({ outcomes: [] }),
          observe: () => Promise.resolve([]),
          cancel: () => Promise.resolve(),
          logs: (runs) => felderaLogSources(client, runs, waits),
        },
        runs: [{ handle: handle('busy'), conclusion: 'failure', startedAt: 0, finishedAt: 0 }],
        mode: 'failed',
        maxLines: 50,
        log,
        budgetMs: 400,
        now: () => Date.now(),
      });
      expect(log.lines[0]).toBe('block: busy: Feldera pipeline log');
      expect(log.lines.some((l) => /live line \d+$/.test(l))).toBe(true);
      expect(log.lines.at(-1)).toBe('warning: could not read the whole log: time for reading logs ran out');
    });
  });
});
