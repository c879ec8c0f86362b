/**
 * The engine's log as a user reads it, on a simulated clock: one line per status change with the
 * elapsed time, a heartbeat at most once a minute while nothing changes, and annotations titled
 * with the pipeline for failures and warnings.
 */
import { describe, expect, test } from '@jest/globals';
import type { Clock } from '../../src/clock.ts';
import { runPipelines } from '../../src/engine.ts';
import type { Logger } from '../../src/log.ts';
import type { Observation, Provider, RunHandle, TriggerResult } from '../../src/providers/types.ts';
import { simClock } from '../helpers/sim-clock.ts';

interface Entry {
  at: number;
  kind: string;
  text: string;
  title?: string;
}

function recordingLogger(clock: Clock): Logger & { entries: Entry[] } {
  const entries: Entry[] = [];
  const push = (kind: string) => (text: string, title?: string) =>
    void entries.push({ at: clock.now(), kind, text, ...(title === undefined ? {} : { title }) });
  return {
    entries,
    info: push('info'),
    debug: push('debug'),
    notice: push('notice'),
    warning: push('warning'),
    error: push('error'),
  };
}

/** A provider whose runs follow a script: `script(pipeline, elapsedMs)` gives the observation. */
function scriptedProvider(
  clock: Clock,
  script: (pipeline: string, elapsedMs: number) => Observation,
  refuse: string[] = [],
): Provider {
  return {
    name: 'feldera',
    preview: () => Promise.resolve([]),
    trigger: (pipelines): Promise<TriggerResult> =>
      Promise.resolve({
        outcomes: pipelines.map((pipeline) =>
          refuse.includes(pipeline)
            ? { pipeline, error: new Error('HTTP 404: NoSuchPipeline: not here') }
            : { pipeline, run: { version: 1, provider: 'feldera', pipeline, runId: `run-${pipeline}`, data: {} } },
        ),
      }),
    observe: (runs: RunHandle[]) => Promise.resolve(runs.map((r) => script(r.pipeline, clock.now()))),
    cancel: () => Promise.resolve(),
  };
}

const base = { wait: true, timeoutMs: 30 * 60_000, pollIntervalMs: 10_000, cancelOnAbort: false };

describe('progress in the log', () => {
  test('a long quiet wait prints a heartbeat at most once a minute, and each change once', async () => {
    const clock = simClock();
    const log = recordingLogger(clock);
    const provider = scriptedProvider(clock, (_p, t) =>
      t < 210_000 ? { status: 'Provisioning', phase: 'pending' } : { status: 'Running', phase: 'success' },
    );
    const result = await runPipelines({ ...base, provider, pipelines: ['orders'], clock, log });
    expect(result.conclusion).toBe('success');
    const info = log.entries.filter((e) => e.kind === 'info');
    expect(info.filter((e) => e.text.startsWith('orders: Provisioning'))).toHaveLength(1);
    expect(info.filter((e) => e.text.startsWith('orders: Running'))).toHaveLength(1);
    expect(info.find((e) => e.text.startsWith('orders: Running'))?.text).toMatch(/\(after 3m3\ds\)$/);
    const beats = info.filter((e) => e.text.startsWith('still waiting'));
    expect(beats.length).toBe(3);
    expect(beats[0]?.text).toMatch(/^still waiting after 1m0\ds: orders: Provisioning$/);
    const gaps = beats.map((b, i) => b.at - (i === 0 ? 0 : (beats[i - 1]?.at ?? 0)));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(60_000);
  });

  test('a change of status or stage progress is printed and puts off the next heartbeat', async () => {
    const clock = simClock();
    const log = recordingLogger(clock);
    const provider = scriptedProvider(clock, (_p, t) => {
      if (t >= 100_000) return { status: 'COMPLETED', phase: 'success' };
      return {
        status: 'RUNNING',
        phase: 'pending',
        progress: t < 50_000 ? 'stage build: task compile' : 'stage test: task unit',
      };
    });
    await runPipelines({ ...base, provider, pipelines: ['p'], clock, log });
    const lines = log.entries.filter((e) => e.kind === 'info').map((e) => e.text);
    expect(lines.filter((l) => l.startsWith('p: RUNNING'))).toEqual([
      expect.stringMatching(/^p: RUNNING — stage build: task compile \(after \d+ms\)$/),
      expect.stringMatching(/^p: RUNNING — stage test: task unit \(after 5\ds\)$/),
    ]);
    // The only quiet minute is never reached: 50 s of silence, then the change, then 50 s more.
    expect(lines.filter((l) => l.startsWith('still waiting'))).toEqual([]);
  });

  test('failures are error annotations titled with the pipeline; warnings likewise, once', async () => {
    const clock = simClock();
    const log = recordingLogger(clock);
    const provider = scriptedProvider(
      clock,
      (p, t) => {
        if (p === 'gated') return { status: 'AwaitingApproval', phase: 'success', warning: 'gated is awaiting approval' };
        if (t < 5_000) return { status: 'WAITING', phase: 'pending', warning: 'stage deploy waits for approval' };
        return { status: 'FAILED', phase: 'failure', message: 'E42: disk full' };
      },
      ['ghost'],
    );
    const result = await runPipelines({ ...base, provider, pipelines: ['gated', 'broken', 'ghost'], clock, log });
    expect(result.conclusion).toBe('failure');
    const annotations = log.entries.filter((e) => e.kind !== 'info').map((e) => [e.kind, e.title, e.text]);
    expect(annotations).toEqual(
      expect.arrayContaining([
        ['error', 'ghost', 'could not start: HTTP 404: NoSuchPipeline: not here'],
        ['warning', 'gated', 'gated is awaiting approval'],
        ['warning', 'broken', 'stage deploy waits for approval'],
        ['error', 'broken', 'E42: disk full'],
      ]),
    );
    expect(annotations).toHaveLength(4);
  });

  test('a timeout is an error annotation for each run still going', async () => {
    const clock = simClock();
    const log = recordingLogger(clock);
    const provider = scriptedProvider(clock, () => ({ status: 'Provisioning', phase: 'pending' }));
    const result = await runPipelines({ ...base, timeoutMs: 90_000, provider, pipelines: ['slow'], clock, log });
    expect(result.conclusion).toBe('timed_out');
    const errors = log.entries.filter((e) => e.kind === 'error');
    expect(errors.map((e) => [e.title, e.text])).toEqual([['slow', 'still Provisioning when the timeout of 1m30s ran out']]);
  });

  test("the timeout message quotes the provider's last progress (Feldera's runtime status reason)", async () => {
    const clock = simClock();
    const log = recordingLogger(clock);
    const provider = scriptedProvider(clock, () => ({
      status: 'Initializing',
      phase: 'pending',
      progress: 'runtime: Initializing, reason: waiting for the storage volume',
    }));
    const result = await runPipelines({ ...base, timeoutMs: 90_000, provider, pipelines: ['slow'], clock, log });
    expect(result.runs[0]?.message).toBe(
      'still Initializing (runtime: Initializing, reason: waiting for the storage volume) when the timeout of 1m30s ran out',
    );
  });
});
