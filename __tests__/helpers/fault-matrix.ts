/**
 * The fault matrix: every provider × every fault, on the trigger call and on a status poll in the
 * middle of the wait. The subject is behaviour (retries, messages, conclusions, request counts), so
 * the cells run the step in process (__tests__/helpers/in-process.ts), all of a file's cells at once:
 * each cell gets its own emulator, and one file per provider (__tests__/in-process/faults/) calls this
 * with its row. What the runner sees of a fault (exit code, `::error::`, outputs, no stack trace) is
 * checked through dist/ by a few spawned cells (faultMatrixSpawnedTests, __tests__/e2e/faults.test.ts).
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { FaultAction, FaultRule } from '../../emulator/faults.ts';
import { runAction, type ActionRun, type RunActionOptions } from '../../emulator/run-action.ts';
import { startEmulator, type Emulator } from '../../emulator/server.ts';
import { runStep } from './in-process.ts';
import { feldera, type Expected, type ProviderRow } from './reliability-rows.ts';
import { runs } from './runs.ts';

/** Short enough that a slow answer is given up on quickly; the `delay` fault is longer. */
const REQUEST_TIMEOUT = '700ms';
const TIMEOUT = '20s';

const respond = (status: number, headers: Record<string, string> = {}, body: unknown = { message: 'upstream trouble' }) =>
  ({ kind: 'respond', status, headers, body }) as const;

/** The faults every provider faces; the throttling code and the unknown status come from the row. */
function faultsFor(row: ProviderRow): Array<[string, FaultAction]> {
  const list: Array<[string, FaultAction | undefined]> = [
    ['429 Retry-After', respond(429, { 'retry-after': '1' }, { message: 'Too many requests' })],
    ['throttling code', row.throttle],
    ['500', respond(500)],
    ['502', respond(502, {}, '<html>Bad Gateway</html>')],
    ['503', respond(503)],
    ['504', respond(504, {}, '')],
    ['reset before read', { kind: 'reset-before-read' }],
    ['reset after read', { kind: 'reset-after-read' }],
    ['slow response', { kind: 'delay', ms: 2500 }],
    ['truncated JSON', { kind: 'truncate' }],
    ['malformed JSON', { kind: 'malform' }],
    ['401', respond(401, {}, { message: 'token expired', error_code: 'Unauthorized' })],
  ];
  return list.filter((f): f is [string, FaultAction] => f[1] !== undefined);
}

const PIPELINE = 'orders';

interface Cell {
  run: ActionRun;
  emu: Emulator;
  faultHits: number;
}

/** How a cell runs the step: in process by default, or spawned through dist/ (emulator/run-action.ts). */
type Runner = (options: Pick<RunActionOptions, 'inputs' | 'env'>) => Promise<ActionRun>;

/**
 * Cells started together before a describe's tests, each test then awaiting and judging its own:
 * in process a cell costs little CPU and mostly waits (Retry-After, poll interval, slow answers), so
 * a file takes about as long as its slowest cell instead of a quarter of the sum (maxConcurrency 4).
 */
function startedTogether<T>(warmUp: () => Promise<unknown>): { add: (make: () => Promise<T>) => () => Promise<T> } {
  const makers: Array<() => Promise<T>> = [];
  const started: Array<Promise<T>> = [];
  beforeAll(async () => {
    await warmUp();
    for (const make of makers) {
      const p = make();
      p.catch(() => undefined); // judged by its own test; no unhandled rejection meanwhile
      started.push(p);
    }
  });
  return {
    add: (make) => {
      const i = makers.push(make) - 1;
      return () => started[i] ?? Promise.reject(new Error('cell not started'));
    },
  };
}

/**
 * One short step of the row's provider before the cells start: it loads (and ts-jest compiles) the
 * modules a step imports on demand, which would otherwise stall the event loop while every cell's
 * first request waits on its 700 ms timeout. Its outcome is not what any test judges.
 */
async function warmUp(row: ProviderRow): Promise<void> {
  const emu = await startEmulator();
  try {
    emu.configure(row.scenario([PIPELINE], 'finishes'));
    await runStep({ inputs: { ...row.inputs(emu.url, [PIPELINE]), timeout: '1s', 'poll-interval': '1s' } });
  } finally {
    await emu.close();
  }
}

async function runCell(
  row: ProviderRow,
  rule: Omit<FaultRule, 'action'> | undefined,
  action?: FaultAction,
  timeout = TIMEOUT,
  runner: Runner = runStep,
): Promise<Cell> {
  const emu = await startEmulator();
  try {
    const faults = rule && action ? [{ ...rule, action }] : [];
    emu.configure({ ...row.scenario([PIPELINE], 'finishes'), faults });
    const run = await runner({
      inputs: { ...row.inputs(emu.url, [PIPELINE]), timeout, 'poll-interval': '1s' },
      env: { RUN_PIPELINES_REQUEST_TIMEOUT: REQUEST_TIMEOUT },
    });
    const faultHits = emu.faults.stats().rules.reduce((n, r) => n + r.hit, 0);
    return { run, emu, faultHits };
  } finally {
    await emu.close();
  }
}

function expectClean(run: ActionRun): void {
  // Never a stack trace, whatever happened.
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

function expectOutcome(cell: Cell, row: ProviderRow, want: Expected): void {
  const { run } = cell;
  expectClean(run);
  expect(cell.faultHits).toBeGreaterThan(0);
  expect(run.outputs['conclusion']).toBe(want.conclusion);
  expect(run.code).toBe(want.conclusion === 'success' ? 0 : 1);
  expect(row.starts(cell.emu, PIPELINE)).toBe(want.starts);
  const first = runs(run)[0];
  expect(first?.['conclusion']).toBe(want.conclusion);
  if (want.conclusion !== 'success') {
    expect(String(first?.['message'])).toMatch(want.says ?? /./);
    expect(run.stdout).toMatch(/::error::/);
  } else if (want.says) {
    expect(run.stdout).toMatch(want.says);
  }
}

const RETRIED: Expected = { conclusion: 'success', starts: 1 };

export function faultMatrixTests(row: ProviderRow): void {
  describe(`${row.provider} fault matrix`, () => {
    const cells = startedTogether<Cell>(() => warmUp(row));
    for (const [name, action] of faultsFor(row)) {
      const cell = cells.add(() => runCell(row, { method: row.trigger.method, path: row.trigger.path, times: 1 }, action));
      test(`trigger call hit once by ${name}`, async () => {
        expectOutcome(await cell(), row, row.triggerOutcomes[name] ?? RETRIED);
      });
    }

    for (const [name, action] of faultsFor(row)) {
      const cell = cells.add(() => runCell(row, { method: row.poll.method, path: row.poll.path, after: 1, times: 2 }, action));
      test(`status poll mid-wait hit twice by ${name}: the step still succeeds`, async () => {
        const done = await cell();
        expectOutcome(done, row, RETRIED);
        expect(done.run.stdout).toMatch(/status check failed, will retry|retry 1 of/);
      });
    }

    const waits = row.unknownStatusWaits;
    const unknownRule = { method: row.poll.method, path: row.poll.path, after: 1 };
    const unknownFault: FaultAction = { kind: 'patch-json', set: row.unknownStatus };
    if (waits === undefined) {
      const cell = cells.add(() => runCell(row, unknownRule, unknownFault));
      test('an unknown status ends the wait at once, clearly, without looping', async () => {
        // Failure, not timed_out: it ended before the 20 s timeout instead of looping.
        expectOutcome(await cell(), row, { conclusion: 'failure', starts: 1, says: /unknown/i });
      });
    } else {
      const cell = cells.add(() => runCell(row, unknownRule, unknownFault, '3s'));
      test('an unknown status is warned about once and waited on, as the provider notes ask, until the timeout', async () => {
        const done = await cell();
        expectOutcome(done, row, { conclusion: 'timed_out', starts: 1, says: /timeout of 3s ran out/ });
        const warnings = done.run.stdout.split('\n').filter((l) => l.startsWith('::warning') && waits.test(l));
        expect(warnings).toHaveLength(1);
      });
    }

    const unauthorized = cells.add(() =>
      runCell(
        row,
        { method: row.poll.method, path: row.poll.path, after: 1 },
        respond(401, {}, { message: 'token expired', error_code: 'Unauthorized' }),
      ),
    );
    test('a 401 on every poll from mid-wait on fails the step clearly before the timeout', async () => {
      // Failure, not timed_out: it ended before the 20 s timeout.
      expectOutcome(await unauthorized(), row, { conclusion: 'failure', starts: 1, says: /401/ });
    });

    const unavailable = cells.add(() => unavailableToTheEnd(row));
    test('a 503 on every poll ends at the timeout, naming the last error, and the run is not cancelled', async () => {
      const { run, emu } = await unavailable();
      expectClean(run);
      expect(run.outputs['conclusion']).toBe('timed_out');
      expect(String(runs(run)[0]?.['message'])).toMatch(/timeout of 3s ran out; the last status check failed: /);
      // A Retry-After that ends past the deadline is not waited out (issue 21): the poll says so and the wait goes on.
      expect(run.stdout).toMatch(/HTTP 503; not retried in 30\.0s: the step's timeout comes first/);
      // The deadline holds even with a 30 s Retry-After.
      expect(run.durationMs).toBeLessThan(15_000);
      expect(row.cancels(emu, PIPELINE)).toBe(0);
    });
  });
}

/** A 503 with a 30 s Retry-After on every poll, under a 3 s timeout. */
async function unavailableToTheEnd(row: ProviderRow): Promise<Cell> {
  const emu = await startEmulator();
  try {
    emu.configure({
      ...row.scenario([PIPELINE], 'finishes'),
      // Retry-After 30 s: a poll that waited out its retries would hold the step far past the 3 s timeout.
      faults: [
        {
          method: row.poll.method,
          path: row.poll.path,
          after: row.pollsBeforeTrigger ?? 0,
          action: respond(503, { 'retry-after': '30' }),
        },
      ],
    });
    const run = await runStep({
      inputs: { ...row.inputs(emu.url, [PIPELINE]), timeout: '3s', 'poll-interval': '1s', 'cancel-on-abort': 'false' },
      env: { RUN_PIPELINES_REQUEST_TIMEOUT: REQUEST_TIMEOUT },
    });
    return { run, emu, faultHits: emu.faults.stats().rules.reduce((n, r) => n + r.hit, 0) };
  } finally {
    await emu.close();
  }
}

/**
 * The runner's side of a fault, through dist/ as the runner runs it: a retried fault ends in exit 0
 * and its outputs, a fatal one in exit 1 with `::error::`, neither with a stack trace.
 */
export function faultMatrixSpawnedTests(row: ProviderRow): void {
  describe(`${row.provider} fault cells through dist/`, () => {
    test.concurrent('trigger call hit once by 500: retried, exit 0', async () => {
      const cell = await runCell(
        row,
        { method: row.trigger.method, path: row.trigger.path, times: 1 },
        respond(500),
        TIMEOUT,
        runAction,
      );
      expectOutcome(cell, row, row.triggerOutcomes['500'] ?? RETRIED);
    });
    test.concurrent('a 401 on every poll from mid-wait on: exit 1, ::error::', async () => {
      const cell = await runCell(
        row,
        { method: row.poll.method, path: row.poll.path, after: 1 },
        respond(401, {}, { message: 'token expired', error_code: 'Unauthorized' }),
        TIMEOUT,
        runAction,
      );
      expectOutcome(cell, row, { conclusion: 'failure', starts: 1, says: /401/ });
    });
  });
}

/** Feldera's /activate is retried like its start: activating to the state a pipeline already has is a no-op on the server. */
export function felderaActivateTests(): void {
  describe('Feldera /activate is retried like a start: a repeated activate is a no-op on the server', () => {
    const activate = async (action: FaultAction): Promise<Cell> => {
      const emu = await startEmulator();
      try {
        const key = feldera.secrets[0] ?? '';
        emu.configure({
          feldera: { apiKey: key, enterprise: true, pipelines: { [PIPELINE]: { startInStandby: true } } },
          faults: [{ method: 'POST', path: '/activate$', times: 1, action }],
        });
        const run = await runStep({
          inputs: { ...feldera.inputs(emu.url, [PIPELINE]), operation: 'activate', timeout: TIMEOUT, 'poll-interval': '1s' },
          env: { RUN_PIPELINES_REQUEST_TIMEOUT: REQUEST_TIMEOUT },
        });
        return { run, emu, faultHits: emu.faults.stats().rules.reduce((n, r) => n + r.hit, 0) };
      } finally {
        await emu.close();
      }
    };

    const afterRead: FaultAction = { kind: 'reset-after-read' };
    const slow: FaultAction = { kind: 'delay', ms: 2500 };
    const unreachable: FaultAction = respond(
      503,
      {},
      {
        message: 'Error sending HTTP request to pipeline: connection refused Failed request: POST /activate',
        error_code: 'PipelineInteractionUnreachable',
        details: null,
      },
    );
    test.concurrent.each([
      ['reset after read', afterRead],
      ['slow response', slow],
      ['503 PipelineInteractionUnreachable', unreachable],
    ])('%s: retried, activated once, success', async (_f, action) => {
      const cell = await activate(action);
      expectOutcome(cell, feldera, { conclusion: 'success', starts: 1 });
      expect(cell.emu.requests.filter((r) => r.path.endsWith('/activate'))).toHaveLength(2);
    });
  });
}
