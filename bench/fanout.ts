/**
 * Fan-out: one step waiting on N pipelines, each done a fixed time after its own trigger. Measures the
 * step's wall time (spawn to exit) relative to N = 1, requests sent per pipeline, the most connections
 * the step held open at once, and the step's peak RSS.
 */
import { startBenchEmulator, type BenchEmulator } from './emulated.ts';
import { fanOutProviders, type FanOutProvider } from './fanout-providers.ts';
import { spawnTimed } from './spawn.ts';
import { round, table } from './stats.ts';

export const FAN_OUT_SIZES = [1, 10, 100, 500];
/** How long after its trigger each pipeline reaches its end. */
export const DONE_MS = 3000;

export interface FanOutRow {
  provider: string;
  n: number;
  wallMs: number;
  relativeToOne: number;
  requestsPerPipeline: number;
  peakConnections: number;
  peakRssMb: number;
  conclusion: string;
}

export interface FanOut {
  doneMs: number;
  rows: FanOutRow[];
  skipped: Array<{ provider: string; reason: string }>;
}

async function measureOne(
  emu: BenchEmulator,
  p: FanOutProvider,
  n: number,
  doneMs: number,
): Promise<Omit<FanOutRow, 'relativeToOne'>> {
  emu.reset(p.scenario(n, doneMs));
  const run = await spawnTimed({ inputs: p.inputs(n, emu.emulator.url), measureRss: true });
  const conclusion = /conclusion::?(\w+)|conclusion=(\w+)/.exec(run.stdout)?.[0] ?? '';
  if (run.code !== 0) throw new Error(`${p.name} with ${n} pipelines failed (exit ${run.code}):\n${run.stdout.slice(-2000)}`);
  return {
    provider: p.name,
    n,
    wallMs: round(run.wallMs, 0),
    requestsPerPipeline: round(emu.emulator.requests.length / n, 2),
    peakConnections: emu.peakConnections(),
    peakRssMb: round(run.peakRssMb ?? 0),
    conclusion: conclusion === '' ? 'success' : conclusion,
  };
}

export async function measureFanOut(sizes = FAN_OUT_SIZES, doneMs = DONE_MS): Promise<FanOut> {
  const emu = await startBenchEmulator();
  const rows: FanOutRow[] = [];
  const skipped: FanOut['skipped'] = [];
  try {
    for (const p of fanOutProviders) {
      if (!emu.emulator.providers.has(p.emulatorModule)) {
        skipped.push({ provider: p.name, reason: `emulator module '${p.emulatorModule}' not in this build` });
        continue;
      }
      let one: number | undefined;
      for (const n of sizes) {
        const row = await measureOne(emu, p, n, doneMs);
        one ??= row.wallMs;
        rows.push({ ...row, relativeToOne: round(row.wallMs / one, 2) });
      }
    }
  } finally {
    await emu.close();
  }
  return { doneMs, rows, skipped };
}

export function fanOutTable(f: FanOut): string {
  const rows = f.rows.map((r) => [
    r.provider,
    r.n,
    r.wallMs,
    r.relativeToOne,
    r.requestsPerPipeline,
    r.peakConnections,
    r.peakRssMb,
  ]);
  const body = table(['provider', 'N', 'wall ms', 'x N=1', 'requests/pipeline', 'peak connections', 'peak RSS MB'], rows);
  const skipped = f.skipped.map((s) => `skipped ${s.provider}: ${s.reason}`).join('\n');
  return `each pipeline done ${f.doneMs} ms after its trigger; poll-interval at its default\n${body}${skipped ? `\n${skipped}` : ''}`;
}
