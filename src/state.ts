/**
 * What main hands to the post step through GITHUB_STATE: the runs it started and which of them
 * ended, so the post step cancels only runs that are still going and never cancels twice.
 */
import * as core from '@actions/core';
import type { RunHandle } from './providers/types.ts';
import { redactSecrets } from './secrets.ts';

/** The GITHUB_STATE keys main writes and the post step reads (src/saved-state.ts). */
export const KEYS = { runs: 'runs', ended: 'ended', completed: 'completed' } as const;

export function saveStartedRuns(runs: RunHandle[]): void {
  core.saveState(KEYS.runs, redactSecrets(JSON.stringify(runs)));
}

/** Records the run ids that reached an end (finished, or cancelled by main). */
function saveEndedRuns(runIds: Iterable<string>): void {
  core.saveState(KEYS.ended, redactSecrets(JSON.stringify([...runIds])));
}

/**
 * Collects the ids of runs that ended and saves them once per turn of the event loop. A poll round
 * that ends hundreds of runs then writes GITHUB_STATE once, not once per run with the whole list each
 * time (which made the file, and the step's memory, grow with the square of the runs).
 */
export class EndedRuns {
  private readonly ids = new Set<string>();
  private pending: NodeJS.Immediate | undefined;

  add(runId: string): void {
    this.ids.add(runId);
    this.pending ??= setImmediate(() => this.flush());
  }

  /** Saves now what is not saved yet. */
  flush(): void {
    if (this.pending === undefined) return;
    clearImmediate(this.pending);
    this.pending = undefined;
    saveEndedRuns(this.ids);
  }
}

/** Main got to its end normally: the post step has nothing to do. */
export function saveCompleted(): void {
  core.saveState(KEYS.completed, 'true');
}
