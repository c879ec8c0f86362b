/**
 * Fan-out with the providers' logs: N Feldera pipelines, every tenth failing (a deployment error) at
 * the same moment the others reach Running, with `logs: failed`, so the step reads the streamed log
 * of each failed pipeline (until it is quiet for 250 ms) after the wait. Measures the wall time
 * relative to N = 1 (whose one pipeline fails too, so its log is read as well), the log groups
 * printed, and the peak RSS: logs are printed as they are read, never held for every run.
 */
import { startBenchEmulator } from './emulated.ts';
import { spawnTimed } from './spawn.ts';
import { round, table } from './stats.ts';

export const LOG_FAN_OUT_SIZES = [1, 500];
/** Lines each failed pipeline logs besides the runner's own. */
const LOG_LINES = 50;

export interface LogFanOutRow {
  n: number;
  failing: number;
  wallMs: number;
  relativeToOne: number;
  logGroups: number;
  peakRssMb: number;
  exitCode: number | null;
}

const name = (i: number): string => `p${String(i + 1).padStart(4, '0')}`;
const fails = (i: number): boolean => i % 10 === 0;

function scenario(n: number, doneMs: number): Record<string, unknown> {
  const lines = Array.from({ length: LOG_LINES }, (_, k) => `2026-01-01T00:00:00Z  INFO dbsp: step ${k + 1} of the failing job`);
  const pipelines = Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      name(i),
      fails(i)
        ? { provisionMs: doneMs, initializeMs: 0, outcome: 'deployment-error', errorMessage: 'out of memory', logLines: lines }
        : { provisionMs: doneMs, initializeMs: 0 },
    ]),
  );
  return { feldera: { pipelines } };
}

export async function measureLogFanOut(
  sizes = LOG_FAN_OUT_SIZES,
  doneMs = 3000,
): Promise<{ doneMs: number; rows: LogFanOutRow[] }> {
  const emu = await startBenchEmulator();
  const rows: LogFanOutRow[] = [];
  let one: number | undefined;
  try {
    for (const n of sizes) {
      emu.reset(scenario(n, doneMs));
      const inputs = {
        provider: 'feldera',
        endpoint: emu.emulator.url,
        'pipeline-ids': Array.from({ length: n }, (_, i) => name(i)).join(','),
        timeout: '5m',
        logs: 'failed',
      };
      const run = await spawnTimed({ inputs, measureRss: true });
      const failing = Array.from({ length: n }, (_, i) => i).filter(fails).length;
      const logGroups = run.stdout.split('\n').filter((l) => l.startsWith('::group::')).length;
      if (run.code !== 1 || logGroups !== failing) {
        throw new Error(`logs fan-out with ${n} pipelines: exit ${run.code}, ${logGroups} log groups for ${failing} failed runs`);
      }
      one ??= run.wallMs;
      rows.push({
        n,
        failing,
        wallMs: round(run.wallMs, 0),
        relativeToOne: round(run.wallMs / one, 2),
        logGroups,
        peakRssMb: round(run.peakRssMb ?? 0),
        exitCode: run.code,
      });
    }
  } finally {
    await emu.close();
  }
  return { doneMs, rows };
}

export function logFanOutTable(f: { doneMs: number; rows: LogFanOutRow[] }): string {
  const body = table(
    ['N', 'failing', 'wall ms', 'x N=1', 'log groups', 'peak RSS MB'],
    f.rows.map((r) => [r.n, r.failing, r.wallMs, r.relativeToOne, r.logGroups, r.peakRssMb]),
  );
  return `feldera, each pipeline done ${f.doneMs} ms after its trigger, every tenth failing, logs: failed\n${body}`;
}
