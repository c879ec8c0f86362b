/**
 * Alibaba Logstash in process against the emulator (issue 23, items 11–12): a wait in a later job
 * (`runs`) on a deploy whose restart is already over settles from the handle and the pipeline's update
 * time (a lone NOT_DEPLOYED pipeline fails instead of waiting out the timeout), old handles included;
 * the instance log, answered newest first, is paged only until `log-lines` lines are held.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startEmulator, type Emulator } from '../../emulator/server.ts';
import type { AlibabaInstanceScenario } from '../../emulator/alibaba-logstash.ts';
import { runPipelines } from '../../src/engine.ts';
import { memoryLogger } from '../../src/log.ts';
import { engineSettings, prepareStep } from '../../src/setup.ts';
import type { RunHandle } from '../../src/providers/types.ts';
import { simClock } from '../helpers/sim-clock.ts';

const AK = 'LTAI5tLaterWaitKeyId';
const SK = 'laterWaitAccessKeySecretValue0123';
const INSTANCE = 'ls-cn-later0000001';
const HOUR = 3_600_000;

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

function configure(instance: AlibabaInstanceScenario): void {
  emu.configure({ 'alibaba-logstash': { accessKeys: { [AK]: SK }, instances: { [INSTANCE]: instance } } });
}

const base = (more: Record<string, string>): Record<string, string> => ({
  provider: 'alibaba-logstash',
  endpoint: emu.url,
  'instance-id': INSTANCE,
  'access-key-id': AK,
  'access-key-secret': SK,
  ...more,
});

async function step(inputs: Record<string, string>, clock = simClock(Date.now())) {
  return prepareStep({ inputs: (n) => inputs[n] ?? '', env: {}, log: memoryLogger(), secret: () => undefined }, { clock });
}

/** Triggers in one step and returns its handles, once the emulated restart is over. */
async function triggerAndLetItEnd(pipelines: string[]): Promise<RunHandle[]> {
  const first = await step(base({ 'pipeline-ids': pipelines.join(',') }));
  try {
    const { outcomes } = await first.provider.trigger(pipelines);
    await new Promise((r) => setTimeout(r, 60));
    return outcomes.map((o) => o.run as RunHandle);
  } finally {
    await first.http.close();
  }
}

/** Waits for the handles in a new step (`runs`), as a later job does, on a simulated clock. */
async function waitLater(handles: RunHandle[], timeout = '6h') {
  const clock = simClock(Date.now());
  const runs = JSON.stringify(handles.map((handle) => ({ provider: 'alibaba-logstash', pipeline: handle.pipeline, handle })));
  const later = await step(base({ runs, timeout, 'poll-interval': '10s', logs: 'none' }), clock);
  try {
    const start = clock.t;
    const result = await runPipelines({ ...engineSettings(later), log: memoryLogger() });
    return { result, waitedMs: clock.t - start };
  } finally {
    await later.http.close();
  }
}

describe('a wait in a later job (item 11)', () => {
  const restartOverSoon: AlibabaInstanceScenario = { deployDelayMs: 0, deployMs: 20 };

  test('a lone NOT_DEPLOYED pipeline fails on the second poll, not at the timeout; the message names its status before', async () => {
    configure({ ...restartOverSoon, pipelines: { broken: { outcome: 'not-deployed' } } });
    const handles = await triggerAndLetItEnd(['broken']);
    expect(handles[0]?.data).toMatchObject({ statusBefore: 'NOT_DEPLOYED' });
    const { result, waitedMs } = await waitLater(handles);
    expect(result.conclusion).toBe('failure');
    expect(result.runs[0]?.message).toContain('pipeline broken is still NOT_DEPLOYED after the deploy ended');
    expect(result.runs[0]?.message).toContain('it was NOT_DEPLOYED before the deploy');
    // One poll interval between the poll that first saw the moved update time and the one that decided.
    expect(waitedMs).toBeGreaterThanOrEqual(10_000);
    expect(waitedMs).toBeLessThan(HOUR);
  });

  test('a handle of an older version (no statusBefore) is read and decided the same way', async () => {
    configure({ ...restartOverSoon, pipelines: { broken: { outcome: 'not-deployed' } } });
    const handles = (await triggerAndLetItEnd(['broken'])).map((h) => {
      const data = { ...(h.data as Record<string, unknown>) };
      delete data['statusBefore'];
      return { ...h, data };
    });
    const { result } = await waitLater(handles);
    expect(result.conclusion).toBe('failure');
    expect(result.runs[0]?.message).toContain('still NOT_DEPLOYED after the deploy ended');
    expect(result.runs[0]?.message).not.toContain('before the deploy');
  });

  test('a deploy that never began (update time unchanged) is not settled by this rule: it times out', async () => {
    configure({ deploy: 'silent', pipelines: { broken: { outcome: 'not-deployed' } } });
    const handles = await triggerAndLetItEnd(['broken']);
    const { result } = await waitLater(handles, '2m');
    expect(result.conclusion).toBe('timed_out');
  });
});

describe('the instance log, newest first (item 12)', () => {
  const lines = Array.from({ length: 250 }, (_, i) => `[INFO][logstash.runner] line ${String(i + 1).padStart(3, '0')}`);

  async function readLog(logLines: string): Promise<{ read: string[]; calls: number }> {
    configure({ deployDelayMs: 0, deployMs: 20, instanceLog: lines, pipelines: { main: {} } });
    const handles = await triggerAndLetItEnd(['main']);
    const s = await step(base({ 'pipeline-ids': 'main', 'log-lines': logLines }));
    const read: string[] = [];
    try {
      const source = s.provider.logs?.([{ handle: handles[0] as RunHandle, startedAt: 0, finishedAt: Date.now() }])[0];
      await source?.read((l) => read.push(l), new AbortController().signal);
    } finally {
      await s.http.close();
    }
    const calls = emu.requests.filter((r) => r.headers['x-acs-action'] === 'ListLogstashLog');
    for (const c of calls) expect(c.query['type']).toBe('LOGSTASH_INSTANCE_LOG');
    return { read, calls: calls.length };
  }

  test('log-lines 50: one page of 100 (the newest), in time order, saying older lines were not read', async () => {
    const { read, calls } = await readLog('50');
    expect(calls).toBe(1);
    expect(read[0]).toBe('(older lines not read: log-lines is 50)');
    expect(read).toHaveLength(101);
    // The deploy's newest lines: the pipeline's own line last, the instance lines before it in order.
    expect(read.at(-1)).toMatch(/Pipeline started \{"pipeline.id"=>"main"\}$/);
    expect(read.at(-2)).toMatch(/line 250$/);
    expect(read[1]).toMatch(/line 152$/);
  });

  test('log-lines 1000: every page until a short one, all 251 lines', async () => {
    const { read, calls } = await readLog('1000');
    expect(calls).toBe(3);
    expect(read).toHaveLength(251);
    expect(read[0]).toMatch(/line 001$/);
  });
});
