/**
 * Cold start: milliseconds from spawning a process to its first request reaching the emulator, for
 * the bundled action and for a bare Node script sending the same request. Runs alternate between
 * the two so machine noise hits both alike; the ratio is the median of the ratios of each pair.
 * Spawn to exit is shown too (the action with `wait: false`: it triggers, writes its outputs and
 * summary and ends), so work moved after the first request still shows in a figure.
 */
import { fileURLToPath } from 'node:url';
import { startBenchEmulator, type BenchEmulator } from './emulated.ts';
import { spawnTimed } from './spawn.ts';
import { round, spread, table, type Spread } from './stats.ts';

export interface ColdStart {
  runs: number;
  actionMs: Spread;
  bareNodeMs: Spread;
  /** Spawn to exit. */
  actionExitMs: Spread;
  bareNodeExitMs: Spread;
  /** Median over pairs (action run / the bare run right after it). */
  ratio: number;
  ratioOfMedians: number;
}

const BARE = fileURLToPath(new URL('./bare-request.mjs', import.meta.url));

async function timeToFirstRequest(emu: BenchEmulator, bare: boolean): Promise<{ firstRequest: number; exit: number }> {
  emu.reset({ feldera: { pipelines: { orders: {} } } });
  const url = emu.emulator.url;
  const arrival = emu.nextArrival();
  const run = bare
    ? spawnTimed({ script: BARE, env: { BENCH_URL: `${url}/v0/pipelines/orders/start?initial=running&dismiss_error=true` } })
    : spawnTimed({ inputs: { provider: 'feldera', endpoint: url, 'pipeline-ids': 'orders', wait: 'false' } });
  const [arrivedAt, done] = await Promise.all([arrival, run]);
  if (done.code !== 0) throw new Error(`cold start run failed (exit ${done.code}):\n${done.stdout}`);
  return { firstRequest: arrivedAt - done.startedAt, exit: done.wallMs };
}

export async function measureColdStart(runs: number): Promise<ColdStart> {
  const emu = await startBenchEmulator();
  const action: number[] = [];
  const bare: number[] = [];
  const actionExit: number[] = [];
  const bareExit: number[] = [];
  try {
    // One unmeasured run of each warms the file cache.
    await timeToFirstRequest(emu, false);
    await timeToFirstRequest(emu, true);
    for (let i = 0; i < runs; i++) {
      const a = await timeToFirstRequest(emu, false);
      const b = await timeToFirstRequest(emu, true);
      action.push(a.firstRequest);
      bare.push(b.firstRequest);
      actionExit.push(a.exit);
      bareExit.push(b.exit);
    }
  } finally {
    await emu.close();
  }
  const actionMs = spread(action);
  const bareNodeMs = spread(bare);
  const pairs = action.map((a, i) => a / (bare[i] ?? a));
  return {
    runs,
    actionMs,
    bareNodeMs,
    actionExitMs: spread(actionExit),
    bareNodeExitMs: spread(bareExit),
    ratio: spread(pairs, 2).median,
    ratioOfMedians: round(actionMs.median / bareNodeMs.median, 2),
  };
}

export function coldStartTable(c: ColdStart): string {
  const row = (name: string, s: Spread): Array<string | number> => [name, s.median, s.min, s.max];
  return table(
    ['process', 'median ms', 'min ms', 'max ms'],
    [
      row('node dist/index.js', c.actionMs),
      row('bare node script', c.bareNodeMs),
      ['ratio (median of pairs)', c.ratio, '', ''],
      ['ratio of medians', c.ratioOfMedians, '', ''],
      row('spawn to exit: node dist/index.js', c.actionExitMs),
      row('spawn to exit: bare node script', c.bareNodeExitMs),
    ],
  );
}
