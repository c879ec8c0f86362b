/** Reading what a step reported: the one parser of the `runs` output every test uses. */
import type { ActionRun } from '../../emulator/run-action.ts';

export type RunEntry = Record<string, unknown>;

/** The `runs` output (a JSON array, one entry per pipeline) of a finished step; [] when unset. */
export function runs(from: ActionRun | Record<string, string>): RunEntry[] {
  const outputs = 'outputs' in from && typeof from.outputs === 'object' ? from.outputs : (from as Record<string, string>);
  return JSON.parse(outputs['runs'] ?? '[]') as RunEntry[];
}
