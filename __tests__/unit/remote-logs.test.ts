/**
 * The providers' logs in the job log, in process: which runs get one, the last `log-lines` lines of
 * each, inert printing, a failed read as a warning, the time budget, when the engine reads them
 * (after the cancels; skipped when a job cancellation leaves no time), and Feldera's stream read
 * until it goes quiet or the reader stops it.
 */
import { describe, expect, test } from '@jest/globals';
import type { Clock } from '../../src/clock.ts';
import { runPipelines } from '../../src/engine.ts';
import { HttpClient } from '../../src/http.ts';
import { memoryLogger, writeInertBlock } from '../../src/log.ts';
import { FelderaClient } from '../../src/providers/feldera/client.ts';
import { felderaLogSources } from '../../src/providers/feldera/logs.ts';
import { HANDLE_VERSION, type LogSource, type Observation, type Provider, type RunHandle } from '../../src/providers/types.ts';

const handle = (pipeline: string): RunHandle => ({
  version: HANDLE_VERSION,
  provider: 'feldera',
  pipeline,
  runId: pipeline,
  data: {},
});
import { MAX_LINE_CHARS, TailBuffer, printRemoteLogs, wantsLog } from '../../src/remote-logs.ts';
import { useEmulator } from '../helpers/emulated.ts';

const emu = useEmulator();

function source(title: string, lines: string[], fail?: Error): LogSource {
  return {
    title,
    read: (onLine) => {
      lines.forEach(onLine);
      return fail ? Promise.reject(fail) : Promise.resolve();
    },
  };
}

function providerWith(
  logs: (pipelines: string[]) => LogSource[],
  extra: Partial<Provider> = {},
): Provider & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    name: 'feldera',
    preview: () => Promise.resolve([]),
    trigger: (pipelines) => Promise.resolve({ outcomes: pipelines.map((p) => ({ pipeline: p, run: handle(p) })) }),
    observe: (runs: RunHandle[]) => Promise.resolve(runs.map((): Observation => ({ status: 'x', phase: 'success' }))),
    cancel: () => Promise.resolve(),
    logs: (runs) => {
      asked.push(runs.map((r) => r.handle.pipeline));
      return logs(runs.map((r) => r.handle.pipeline));
    },
    ...extra,
  };
}

const ended = (
  pipeline: string,
  conclusion: string,
): { handle: RunHandle; conclusion: string; startedAt: number; finishedAt: number } => ({
  handle: handle(pipeline),
  conclusion,
  startedAt: 0,
  finishedAt: 10,
});

describe('which runs and which lines', () => {
  test('failed means every run that did not succeed; none means none', () => {
    expect(['success', 'failure', 'timed_out', 'cancelled', 'triggered'].filter((c) => wantsLog('failed', c))).toEqual([
      'failure',
      'timed_out',
      'cancelled',
    ]);
    expect(wantsLog('all', 'success')).toBe(true);
    expect(wantsLog('none', 'failure')).toBe(false);
  });

  test('the tail keeps the last lines in order, counts the rest and cuts a runaway line', () => {
    const tail = new TailBuffer(3);
    for (let i = 1; i <= 7; i++) tail.push(`line ${i}`);
    expect(tail.lines()).toEqual(['line 5', 'line 6', 'line 7']);
    expect(tail.dropped).toBe(4);
    tail.push('x'.repeat(MAX_LINE_CHARS + 50));
    expect(tail.lines()[2]).toHaveLength(MAX_LINE_CHARS + ' [line cut]'.length);
  });

  test('each selected run gets one block of its last lines; a failed read is a warning after what was read', async () => {
    const provider = providerWith((ps) =>
      ps.map((p) =>
        p === 'broken'
          ? source(p, ['first line'], new Error('HTTP 503: RunnerInteractionUnreachable'))
          : source(p, ['a', 'b', 'c', 'd']),
      ),
    );
    const log = memoryLogger();
    const runs = [ended('good', 'success'), ended('bad', 'failure'), ended('broken', 'timed_out')];
    await printRemoteLogs({ provider, runs, mode: 'failed', maxLines: 2, log, budgetMs: 5000, now: () => 10 });
    expect(provider.asked).toEqual([['bad', 'broken']]);
    expect(log.lines).toEqual([
      'block: bad',
      '  (2 earlier line(s) not shown: log-lines is 2)',
      '  c',
      '  d',
      'block: broken',
      '  first line',
      'warning: could not read the whole log: HTTP 503: RunnerInteractionUnreachable',
    ]);
  });

  test('a read that ignores the budget is left behind and what it gave so far is printed', async () => {
    const never: LogSource = {
      title: 'stuck',
      read: (onLine) => {
        onLine('got this far');
        return new Promise(() => undefined);
      },
    };
    const log = memoryLogger();
    await printRemoteLogs({
      provider: providerWith(() => [never]),
      runs: [ended('stuck', 'failure')],
      mode: 'failed',
      maxLines: 10,
      log,
      budgetMs: 30,
      now: () => 0,
    });
    expect(log.lines).toEqual([
      'block: stuck',
      '  got this far',
      'warning: could not read the whole log: time for reading logs ran out',
    ]);
  });
});

describe('printed inertly', () => {
  test('the block stops workflow commands with a fresh token that no line can end', () => {
    const out: string[] = [];
    const hostile = ['::set-output name=x::y', '##[error]fake', '::endgroup::', '::stop-commands::guess'];
    writeInertBlock((l) => out.push(l), 'run 100%\nnext', hostile);
    writeInertBlock((l) => out.push(l), 'second', []);
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(out[1] ?? '')?.[1] ?? '';
    expect(out.slice(0, 2)).toEqual(['::group::run 100%25%0Anext', `::stop-commands::${token}`]);
    expect(out.slice(2, 6)).toEqual(hostile);
    expect(out.slice(6, 8)).toEqual([`::${token}::`, '::endgroup::']);
    expect(out[9]).not.toBe(`::stop-commands::${token}`);
  });
});

function fakeClock(): Clock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    random: () => 0.5,
    // Each sleep yields to the event loop once, as a real one does, so work queued for later gets to run.
    sleep: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) =>
        setImmediate(() => {
          if (signal?.aborted) return reject(signal.reason as Error);
          clock.t += ms;
          resolve();
        }),
      ),
  };
  return clock;
}

describe('when the engine reads them', () => {
  const pending = (): Promise<Observation[]> => Promise.resolve([{ status: 'RUNNING', phase: 'pending' }]);

  test('after a timeout, once the cancel went out', async () => {
    const clock = fakeClock();
    const log = memoryLogger();
    const provider = providerWith((ps) => ps.map((p) => source(p, ['why it hung'])), {
      observe: pending,
      cancel: () => {
        log.info('cancel sent');
        return Promise.resolve();
      },
    });
    const result = await runPipelines({
      provider,
      pipelines: ['slow'],
      wait: true,
      timeoutMs: 60_000,
      pollIntervalMs: 10_000,
      cancelOnAbort: true,
      clock,
      log,
      logs: { mode: 'failed', maxLines: 200 },
    });
    expect(result.conclusion).toBe('timed_out');
    const at = (line: string): number => log.lines.indexOf(line);
    expect(at('info: cancel sent')).toBeGreaterThan(-1);
    expect(at('block: slow')).toBeGreaterThan(at('info: cancel sent'));
  });

  test('a run that ends early has its log read while the others still run; a step-wide log once at the end', async () => {
    for (const logScope of ['run', 'step'] as const) {
      const clock = fakeClock();
      const log = memoryLogger();
      const provider = providerWith((ps) => [source(ps.join('+'), ['its log'])], {
        logScope,
        observe: (runs: RunHandle[]) =>
          Promise.resolve(
            runs.map((r): Observation => {
              if (r.pipeline === 'early') return { status: 'FAILED', phase: 'failure' };
              return clock.now() < 120_000 ? { status: 'RUNNING', phase: 'pending' } : { status: 'FAILED', phase: 'failure' };
            }),
          ),
      });
      await runPipelines({
        provider,
        pipelines: ['early', 'late'],
        wait: true,
        timeoutMs: 600_000,
        pollIntervalMs: 10_000,
        cancelOnAbort: false,
        clock,
        log,
        logs: { mode: 'failed', maxLines: 200 },
      });
      const lateEnded = log.lines.findIndex((l) => l.startsWith('info: late: FAILED'));
      if (logScope === 'run') {
        expect(provider.asked).toEqual([['early'], ['late']]);
        expect(log.lines.indexOf('block: early')).toBeLessThan(lateEnded);
      } else {
        expect(provider.asked).toEqual([['early', 'late']]);
        expect(log.lines.indexOf('block: early+late')).toBeGreaterThan(lateEnded);
      }
    }
  });

  test('on job cancellation, skipped when the cancels used up the time', async () => {
    const clock = fakeClock();
    const log = memoryLogger();
    const job = new AbortController();
    const provider = providerWith((ps) => ps.map((p) => source(p, ['never printed'])), {
      observe: () => {
        job.abort(new Error('received SIGINT'));
        return pending();
      },
      cancel: () => {
        clock.t += 5000; // a slow cancel: the runner's SIGTERM is near
        return Promise.resolve();
      },
    });
    const result = await runPipelines({
      provider,
      pipelines: ['slow'],
      wait: true,
      timeoutMs: 60_000,
      pollIntervalMs: 10_000,
      cancelOnAbort: true,
      clock,
      log,
      signal: job.signal,
      logs: { mode: 'failed', maxLines: 200 },
    });
    expect(result.conclusion).toBe('cancelled');
    expect(provider.asked).toEqual([]);
    expect(log.lines).toContain('info: provider logs skipped: the job is being cancelled, and cancelling the runs came first');
  });
});

describe('Feldera log stream', () => {
  test('read until it goes quiet after the replay, or stopped by the reader while it keeps streaming', async () => {
    const e = emu.get();
    e.configure({ feldera: { pipelines: { quiet: { provisionMs: 0 }, busy: { provisionMs: 0, logLiveEveryMs: 40 } } } });
    const http = new HttpClient({ requestTimeoutMs: 5000 });
    const client = new FelderaClient({ base: new URL(e.url), http });
    try {
      for (const name of ['quiet', 'busy'])
        await client.send(client.startRequest(name, { initial: 'running', dismiss_error: 'true' }));
      const [quiet, busy] = felderaLogSources(
        client,
        ['quiet', 'busy'].map((p) => ({ handle: handle(p), startedAt: 0, finishedAt: 0 })),
      );
      const quietLines: string[] = [];
      await quiet?.read((l) => quietLines.push(l), new AbortController().signal);
      expect(quietLines[0]).toMatch(/INFO runner: deployment of pipeline quiet requested/);
      const busyLines: string[] = [];
      await busy?.read((l) => busyLines.push(l), AbortSignal.timeout(400));
      expect(busyLines.some((l) => /live line \d+$/.test(l))).toBe(true);
    } finally {
      await http.close();
    }
  });
});
