/**
 * `if-running` in process against the emulator, on every provider, with a run started outside the
 * step (the emulators' "started elsewhere" scenarios): what each mode triggers, cancels and reports,
 * that `start` (the default) sends no extra request, and that a failed list starts nothing. The runner's
 * view (outputs, summary, saved state) is in __tests__/e2e/if-running.test.ts.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Emulator } from '../../emulator/server.ts';
import { dryRun } from '../../src/dry-run.ts';
import { runPipelines, type StepResult } from '../../src/engine.ts';
import { InputError } from '../../src/errors.ts';
import { memoryLogger } from '../../src/log.ts';
import { engineSettings, prepareStep } from '../../src/setup.ts';
import { loadAdapter } from '../../src/load-adapter.ts';
import { PROVIDER_NAMES } from '../../src/provider-names.ts';
import { useEmulator } from '../helpers/emulated.ts';
import { alibabaLogstash, feldera, huaweiCodeArts, vmwareAria, type ProviderRow } from '../helpers/reliability-rows.ts';

const emu = useEmulator();

const FELDERA_KEY = 'apikey:FelderaSecret-7fQ2xZ9pL4';
const ARIA_TOKEN = 'refresh-RelAriaSecret-3kd81Lq';
const HUAWEI = {
  projectId: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5',
  ak: 'HPUARELIABILITYAK0001',
  sk: 'HuaweiRelSecretKey-8Jd72kPq0Zx',
};
const huaweiId = (name: string): string => name.replace(/[^A-Za-z0-9]/g, '').padEnd(32, '0');
const ALIBABA = { instance: 'ls-cn-rel000000001', ak: 'LTAI5tRelAccessKeyId', sk: 'AlibabaRelSecret-q93KdnZ0a7x' };

/** Pipelines named after what the test does with them; `busy*` have a run in progress started elsewhere. */
interface Setup {
  busy: string[];
  idle?: string[];
  /** Runs never end by themselves (for timeouts). */
  stuck?: boolean;
  /** How long a run takes (default 250 ms). */
  runMs?: number;
}

function scenarios(s: Setup): Record<string, unknown> {
  const idle = s.idle ?? [];
  const runMs = s.runMs ?? 250;
  const felderaRun = { provisionMs: runMs, initializeMs: 50, ...(s.stuck ? { outcome: 'stuck' } : {}) };
  return {
    feldera: {
      apiKey: FELDERA_KEY,
      pipelines: {
        ...Object.fromEntries(
          s.busy.map((p) => [p, { ...felderaRun, deployed: { initial: 'running', bootstrapPolicy: 'allow', agoMs: 0 } }]),
        ),
        ...Object.fromEntries(idle.map((p) => [p, felderaRun])),
      },
    },
    'vmware-aria': {
      refreshTokens: [ARIA_TOKEN],
      pipelines: Object.fromEntries(
        [...s.busy, ...idle].map((p) => [
          p,
          {
            id: p,
            stages: [{ name: 'Build', tasks: [{ name: 'Compile', ms: s.stuck ? 600_000 : runMs }] }],
            ...(s.busy.includes(p) ? { runningElsewhere: 2 } : {}),
          },
        ]),
      ),
    },
    'huawei-codearts': {
      projectId: HUAWEI.projectId,
      credentials: [{ accessKeyId: HUAWEI.ak, secretAccessKey: HUAWEI.sk }],
      pipelines: Object.fromEntries(
        [...s.busy, ...idle].map((p) => [
          huaweiId(p),
          { name: p, runMs, ...(s.stuck ? { outcome: 'stuck' } : {}), ...(s.busy.includes(p) ? { runningElsewhere: {} } : {}) },
        ]),
      ),
    },
    'alibaba-logstash': {
      accessKeys: { [ALIBABA.ak]: ALIBABA.sk },
      instances: {
        [ALIBABA.instance]: {
          // A deploy someone else started: the instance restarts (`activating`) for a while.
          ...(s.busy.length > 0
            ? { status: 'activating', activatingMs: s.stuck ? 600_000 : runMs, activatingFrom: 'first-request' }
            : {}),
          deployDelayMs: 50,
          deployMs: runMs,
          pipelines: Object.fromEntries([...s.busy, ...idle].map((p) => [p, { status: 'RUNNING' }])),
        },
      },
    },
  };
}

const ROWS: ProviderRow[] = [feldera, vmwareAria, huaweiCodeArts, alibabaLogstash];
/** Every provider but Alibaba, whose deploys no API cancels. */
const CANCELLABLE: ProviderRow[] = [feldera, vmwareAria, huaweiCodeArts];

interface Outcome {
  result?: StepResult;
  error?: unknown;
  lines: string[];
}

/** One step in process, with fast polls (the inputs' floor is 1 s; the emulated runs take 250 ms). */
async function step(inputs: Record<string, string>, more: { timeoutMs?: number; dryRun?: boolean } = {}): Promise<Outcome> {
  const log = memoryLogger();
  try {
    const prepared = await prepareStep({ inputs: (n) => inputs[n] ?? '', env: {}, log, secret: () => undefined });
    try {
      if (more.dryRun) {
        await dryRun(prepared.provider, prepared.settings['pipeline-ids'], log, undefined, prepared.settings);
        return { lines: log.lines };
      }
      const result = await runPipelines({
        ...engineSettings(prepared),
        pollIntervalMs: 50,
        // A shorter timeout than the inputs' floor: the engine's deadline is counted from now.
        ...(more.timeoutMs ? { timeoutMs: more.timeoutMs, deadline: prepared.context.clock.now() + more.timeoutMs } : {}),
        log,
      });
      return { result, lines: log.lines };
    } finally {
      await prepared.http.close();
    }
  } catch (error) {
    return { error, lines: log.lines };
  }
}

const inputsOf = (row: ProviderRow, e: Emulator, pipelines: string[], extra: Record<string, string>): Record<string, string> => ({
  ...row.inputs(e.url, pipelines),
  ...extra,
});

const stats = (e: Emulator, row: ProviderRow, pipeline: string): { starts: number; cancels: number } => ({
  starts: row.starts(e, pipeline),
  cancels: row.cancels(e, pipeline),
});

/** The id of the run started elsewhere, as the provider names it. */
function elsewhereRunId(e: Emulator, row: ProviderRow, pipeline: string): string {
  if (row === vmwareAria) {
    const views = (
      e.providers.get('vmware-aria') as unknown as { executionViews(): Array<Record<string, unknown>> }
    ).executionViews();
    const mine = views.filter((v) => v['_pipelineLink'] === `/codestream/api/pipelines/${pipeline}`);
    // The newest of the two started elsewhere.
    return String(mine.sort((a, b) => Number(b['_requestTimeInMicros']) - Number(a['_requestTimeInMicros']))[0]?.['id']);
  }
  if (row === huaweiCodeArts) {
    const s = e.providers.get('huawei-codearts')?.stats() as { pipelines: Record<string, { otherRuns: string[] }> };
    return s.pipelines[huaweiId(pipeline)]?.otherRuns[0] ?? '';
  }
  return pipeline; // Feldera and Logstash: the pipeline is the run.
}

const listRequests = (e: Emulator): string[] =>
  e.requests
    .filter((r) => (r.method === 'GET' && /\/executions$/.test(r.path)) || /pipeline-runs\/list$/.test(r.path))
    .map((r) => `${r.method} ${r.path}`);

// Jest's ES-module linking can fail when several tests import the same not-yet-linked module at once
// ("… can not be resolved on module … that is not linked"): these cases run the four providers side
// by side, so their adapters are imported one after another first.
beforeAll(async () => {
  for (const name of PROVIDER_NAMES) await loadAdapter(name);
});

describe('if-running, against runs started outside the step', () => {
  test('wait: triggers nothing, follows the run found to its end and reports its ids and conclusion', async () => {
    const e = emu.get();
    e.configure(scenarios({ busy: ['w-feldera', 'w-aria', 'w-huawei', 'w-alibaba'] }));
    const cases = ROWS.map((row, i) => ({ row, pipeline: ['w-feldera', 'w-aria', 'w-huawei', 'w-alibaba'][i] ?? '' }));
    const expectedIds = cases.map(({ row, pipeline }) => elsewhereRunId(e, row, pipeline));
    const outcomes = await Promise.all(
      cases.map(({ row, pipeline }) => step(inputsOf(row, e, [pipeline], { 'if-running': 'wait', 'cancel-on-abort': 'true' }))),
    );
    for (const [i, { row, pipeline }] of cases.entries()) {
      const { result, error, lines } = outcomes[i] ?? { lines: [] };
      expect({ provider: row.provider, error }).toEqual({ provider: row.provider, error: undefined });
      expect({ provider: row.provider, conclusion: result?.conclusion }).toEqual({
        provider: row.provider,
        conclusion: 'success',
      });
      const run = result?.runs[0];
      expect(run?.handle?.runId).toBe(expectedIds[i]);
      expect(run?.adopted).toBe(true);
      expect(run?.message).toMatch(/already in progress; this step waited for it/);
      expect(stats(e, row, pipeline)).toEqual({ starts: 0, cancels: 0 });
      expect(lines.join('\n')).toMatch(/is in progress .*started outside this step/);
    }
  });

  test('skip: triggers nothing; each run is skipped with the run found, and the step concludes skipped', async () => {
    const e = emu.get();
    e.configure(scenarios({ busy: ['s-feldera', 's-aria', 's-huawei', 's-alibaba'] }));
    const cases = ROWS.map((row, i) => ({
      row,
      pipeline: ['s-feldera', 's-aria', 's-huawei', 's-alibaba'][i] ?? '',
    }));
    const expectedIds = cases.map(({ row, pipeline }) => elsewhereRunId(e, row, pipeline));
    const outcomes = await Promise.all(
      cases.map(({ row, pipeline }) => step(inputsOf(row, e, [pipeline], { 'if-running': 'skip' }))),
    );
    for (const [i, { row, pipeline }] of cases.entries()) {
      const result = outcomes[i]?.result;
      expect({ provider: row.provider, conclusion: result?.conclusion }).toEqual({
        provider: row.provider,
        conclusion: 'skipped',
      });
      expect(result?.runs[0]).toMatchObject({ conclusion: 'skipped', handle: { runId: expectedIds[i] } });
      expect(result?.runs[0]?.message).toMatch(/already in progress .*nothing started \(if-running: skip\)/);
      expect(stats(e, row, pipeline)).toEqual({ starts: 0, cancels: 0 });
    }
  });

  test('cancel-previous: cancels the run found, waits until it ended, then starts a new one', async () => {
    const e = emu.get();
    e.configure(scenarios({ busy: ['c-feldera', 'c-aria', 'c-huawei'] }));
    const cases = CANCELLABLE.map((row, i) => ({ row, pipeline: ['c-feldera', 'c-aria', 'c-huawei'][i] ?? '' }));
    const previous = cases.map(({ row, pipeline }) => elsewhereRunId(e, row, pipeline));
    const outcomes = await Promise.all(
      cases.map(({ row, pipeline }) => step(inputsOf(row, e, [pipeline], { 'if-running': 'cancel-previous' }))),
    );
    for (const [i, { row, pipeline }] of cases.entries()) {
      const { result, lines } = outcomes[i] ?? { lines: [] };
      expect({ provider: row.provider, conclusion: result?.conclusion, lines }).toMatchObject({
        provider: row.provider,
        conclusion: 'success',
      });
      expect(stats(e, row, pipeline)).toEqual({ starts: 1, cancels: 1 });
      expect(result?.runs[0]?.adopted).toBeUndefined();
      if (row !== feldera) expect(result?.runs[0]?.handle?.runId).not.toBe(previous[i]);
      expect(result?.runs[0]?.message).toMatch(/started after cancelling run/);
      // The start came only after the cancelled run had ended.
      const log = lines.join('\n');
      expect(log.indexOf('waiting for it to end')).toBeLessThan(log.indexOf(': started, run id'));
    }
    const aria = (
      e.providers.get('vmware-aria') as unknown as { executionViews(): Array<Record<string, unknown>> }
    ).executionViews();
    expect(aria.find((v) => v['id'] === previous[1])?.['status']).toBe('CANCELED');
  });

  test('cancel-previous: a run that does not end within the timeout is not followed by a start', async () => {
    const e = emu.get();
    e.configure({
      feldera: {
        apiKey: FELDERA_KEY,
        // Stopping takes a minute: the step's timeout ends the wait first.
        pipelines: { slow: { stopMs: 60_000, deployed: { initial: 'running', bootstrapPolicy: 'allow' } } },
      },
    });
    const { result, lines } = await step(inputsOf(feldera, e, ['slow'], { 'if-running': 'cancel-previous' }), { timeoutMs: 300 });
    expect(result?.conclusion).toBe('timed_out');
    expect(result?.runs[0]).toMatchObject({
      conclusion: 'timed_out',
      message: expect.stringMatching(/was cancelled but had not ended within .*; nothing was started/),
    });
    expect(stats(e, feldera, 'slow')).toEqual({ starts: 0, cancels: 1 });
    expect(lines.join('\n')).not.toMatch(/: started, run id/);
  });

  test("Alibaba: cancel-previous is bad input naming 'if-running', refused before any request", async () => {
    const e = emu.get();
    e.configure(scenarios({ busy: ['a-one'] }));
    const { error } = await step(inputsOf(alibabaLogstash, e, ['a-one'], { 'if-running': 'cancel-previous' }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /^Input 'if-running' cannot be 'cancel-previous' for alibaba-logstash: no Alibaba Cloud API cancels a deploy .*accepted: start, wait, skip$/,
    );
    expect(e.requests).toHaveLength(0);
  });

  test('start (the default) makes no extra request and starts another run beside the one in progress', async () => {
    const e = emu.get();
    e.configure(scenarios({ busy: ['d-aria', 'd-huawei'] }));
    const [aria, huawei] = await Promise.all([
      step(inputsOf(vmwareAria, e, ['d-aria'], { wait: 'false' })),
      step(inputsOf(huaweiCodeArts, e, ['d-huawei'], { wait: 'false' })),
    ]);
    expect([aria?.result?.conclusion, huawei?.result?.conclusion]).toEqual(['triggered', 'triggered']);
    expect(listRequests(e)).toEqual([]);
    expect(stats(e, vmwareAria, 'd-aria').starts).toBe(1);
    expect(stats(e, huaweiCodeArts, 'd-huawei').starts).toBe(1);
  });

  test('pipelines without a run in progress start as usual in every mode', async () => {
    const e = emu.get();
    e.configure(scenarios({ busy: ['m-busy-wait', 'm-busy-skip', 'm-busy-cancel'], idle: ['m-wait', 'm-skip', 'm-cancel'] }));
    const modes = { 'm-wait': 'wait', 'm-skip': 'skip', 'm-cancel': 'cancel-previous' } as const;
    const busy = { 'm-wait': 'm-busy-wait', 'm-skip': 'm-busy-skip', 'm-cancel': 'm-busy-cancel' } as const;
    const outcomes = await Promise.all(
      Object.entries(modes).map(([p, mode]) =>
        step(inputsOf(huaweiCodeArts, e, [busy[p as keyof typeof busy], p], { 'if-running': mode })),
      ),
    );
    for (const [i, [p, mode]] of Object.entries(modes).entries()) {
      const result = outcomes[i]?.result;
      expect(result?.runs[1]).toMatchObject({ pipeline: huaweiId(p), conclusion: 'success' });
      expect(stats(e, huaweiCodeArts, p)).toEqual({ starts: 1, cancels: 0 });
      expect(result?.runs[0]?.conclusion).toBe(mode === 'skip' ? 'skipped' : 'success');
      // One skipped, one succeeded: the step succeeds.
      expect(result?.conclusion).toBe('success');
    }
  });

  test('Feldera, operation activate: a pipeline resting in standby is not a run in progress', async () => {
    const e = emu.get();
    e.configure({
      feldera: { apiKey: FELDERA_KEY, enterprise: true, pipelines: { standby: { startInStandby: true, initializeMs: 50 } } },
    });
    const { result } = await step(
      inputsOf(feldera, e, ['standby'], { operation: 'activate', 'if-running': 'skip', wait: 'false' }),
    );
    expect(result?.conclusion).toBe('triggered');
    expect(result?.runs[0]?.conclusion).toBe('pending');
    expect(e.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/v0/pipelines/standby/activate']);
  });

  test('wait: a timeout never cancels the run this step did not start, even with cancel-on-abort', async () => {
    const e = emu.get();
    e.configure(scenarios({ busy: ['t-aria', 't-huawei'], stuck: true }));
    const outcomes = await Promise.all([
      step(inputsOf(vmwareAria, e, ['t-aria'], { 'if-running': 'wait', 'cancel-on-abort': 'true' }), { timeoutMs: 400 }),
      step(inputsOf(huaweiCodeArts, e, ['t-huawei'], { 'if-running': 'wait', 'cancel-on-abort': 'true' }), { timeoutMs: 400 }),
    ]);
    for (const [i, row] of [vmwareAria, huaweiCodeArts].entries()) {
      const { result, lines } = outcomes[i] ?? { lines: [] };
      expect(result?.conclusion).toBe('timed_out');
      expect(stats(e, row, ['t-aria', 't-huawei'][i] ?? '').cancels).toBe(0);
      expect(lines.join('\n')).toMatch(/left running: this step did not start it/);
    }
  });

  test('wait with wait: false reports the run found at once', async () => {
    const e = emu.get();
    e.configure(scenarios({ busy: ['f-huawei'] }));
    const id = elsewhereRunId(e, huaweiCodeArts, 'f-huawei');
    const { result } = await step(inputsOf(huaweiCodeArts, e, ['f-huawei'], { 'if-running': 'wait', wait: 'false' }));
    expect(result?.conclusion).toBe('triggered');
    expect(result?.runs[0]).toMatchObject({ status: 'RUNNING', adopted: true, handle: { runId: id } });
    expect(stats(e, huaweiCodeArts, 'f-huawei').starts).toBe(0);
  });

  test('a list call that fails is retried like a poll, then fails the step before anything is triggered', async () => {
    const e = emu.get();
    e.configure({
      ...scenarios({ busy: [], idle: ['l-aria', 'l-huawei'] }),
      faults: [
        {
          path: '/codestream/api/pipelines/l-aria/executions$',
          method: 'GET',
          action: { kind: 'respond', status: 403, body: { message: 'Forbidden' } },
        },
        {
          path: 'pipeline-runs/list$',
          times: 1,
          action: { kind: 'respond', status: 503, body: { error_code: 'DEVPIPE.00011500', error_msg: 'busy' } },
        },
      ],
    });
    const [aria, huawei] = await Promise.all([
      step(inputsOf(vmwareAria, e, ['l-aria'], { 'if-running': 'skip' })),
      step(inputsOf(huaweiCodeArts, e, ['l-huawei'], { 'if-running': 'skip' })),
    ]);
    expect(String(aria?.error)).toMatch(
      /could not list the runs in progress \(if-running: skip\), so nothing was started: .*403/,
    );
    expect(stats(e, vmwareAria, 'l-aria').starts).toBe(0);
    // A 503 passes: the list is asked again and the pipeline, idle, starts.
    expect(huawei?.result?.conclusion).toBe('success');
    expect(stats(e, huaweiCodeArts, 'l-huawei').starts).toBe(1);
  });

  test('dry-run lists the runs in progress and says what the mode would do; triggers nothing', async () => {
    const e = emu.get();
    e.configure(scenarios({ busy: ['r-busy'], idle: ['r-idle'] }));
    const id = elsewhereRunId(e, vmwareAria, 'r-busy');
    const { lines, error } = await step(
      inputsOf(vmwareAria, e, ['r-busy', 'r-idle'], { 'if-running': 'cancel-previous', 'dry-run': 'true' }),
      {
        dryRun: true,
      },
    );
    expect(error).toBeUndefined();
    expect(lines).toContain(
      `info: [dry-run] r-busy: run ${id} in progress (RUNNING): if-running cancel-previous would cancel it, wait until it ended, then start`,
    );
    expect(lines).toContain('info: [dry-run] r-idle: no run in progress: it would start as usual');
    expect(e.requests.filter((r) => r.method === 'POST' && r.path.includes('/codestream/'))).toEqual([]);
  });

  test("'if-running' is refused with 'runs' (nothing is started there) and for a value it does not know", async () => {
    const e = emu.get();
    e.configure(scenarios({ busy: [] }));
    const bad = await step(inputsOf(feldera, e, ['x'], { 'if-running': 'restart' }));
    expect(String(bad.error)).toMatch(
      /^InputError: Input 'if-running' must be one of start, wait, skip, cancel-previous \(got 'restart'\)/,
    );
    const entry = {
      provider: 'feldera',
      pipeline: 'x',
      runId: 'x',
      handle: { version: 1, provider: 'feldera', pipeline: 'x', runId: 'x', data: { operation: 'start', initial: 'running' } },
    };
    const withRuns = await step({ provider: 'feldera', endpoint: e.url, runs: JSON.stringify([entry]), 'if-running': 'skip' });
    expect(String(withRuns.error)).toMatch(/Input 'if-running' applies only when triggering/);
    expect(e.requests).toHaveLength(0);
  });
});
