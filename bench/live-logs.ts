/**
 * Live logs at scale: N Feldera pipelines, each deploying for `doneMs` while its log stream writes a
 * line a second, waited for once with `logs: none` and once with `logs: live`. Measures the wall time
 * of each (the live one should cost at most a tenth more), the live lines printed, and the peak RSS of
 * the live run: lines are printed as they arrive, never held.
 */
import { startBenchEmulator } from './emulated.ts';
import { spawnTimed } from './spawn.ts';
import { round, table } from './stats.ts';

export const LIVE_PIPELINES = 100;
/** Each pipeline's log writes a line this often. */
const LINE_EVERY_MS = 1000;

export interface LiveLogsRow {
  logs: 'none' | 'live';
  wallMs: number;
  relativeToNone: number;
  liveLines: number;
  peakRssMb: number;
  exitCode: number | null;
}

const name = (i: number): string => `p${String(i + 1).padStart(4, '0')}`;

function scenario(n: number, doneMs: number): Record<string, unknown> {
  const pipelines = Object.fromEntries(
    Array.from({ length: n }, (_, i) => [name(i), { provisionMs: doneMs, initializeMs: 0, logLiveEveryMs: LINE_EVERY_MS }]),
  );
  return { feldera: { pipelines } };
}

export async function measureLiveLogs(
  n = LIVE_PIPELINES,
  doneMs = 15_000,
): Promise<{ n: number; doneMs: number; rows: LiveLogsRow[] }> {
  const emu = await startBenchEmulator();
  const rows: LiveLogsRow[] = [];
  try {
    for (const logs of ['none', 'live'] as const) {
      emu.reset(scenario(n, doneMs));
      const inputs = {
        provider: 'feldera',
        endpoint: emu.emulator.url,
        'pipeline-ids': Array.from({ length: n }, (_, i) => name(i)).join(','),
        timeout: '5m',
        logs,
      };
      const run = await spawnTimed({ inputs, measureRss: true });
      if (run.code !== 0)
        throw new Error(`live logs with ${n} pipelines, logs: ${logs}: exit ${run.code}\n${run.stdout.slice(-2000)}`);
      const liveLines = run.stdout.split('\n').filter((l) => / \| .*live line \d+$/.test(l)).length;
      const none = rows[0]?.wallMs ?? run.wallMs;
      rows.push({
        logs,
        wallMs: round(run.wallMs, 0),
        relativeToNone: round(run.wallMs / none, 2),
        liveLines,
        peakRssMb: round(run.peakRssMb ?? 0),
        exitCode: run.code,
      });
    }
  } finally {
    await emu.close();
  }
  return { n, doneMs, rows };
}

export function liveLogsTable(f: { n: number; doneMs: number; rows: LiveLogsRow[] }): string {
  const body = table(
    ['logs', 'wall ms', 'x none', 'live lines', 'peak RSS MB'],
    f.rows.map((r) => [r.logs, r.wallMs, r.relativeToNone, r.liveLines, r.peakRssMb]),
  );
  return `feldera, ${f.n} pipelines, each done ${f.doneMs} ms after its trigger, its log writing a line a second\n${body}`;
}
