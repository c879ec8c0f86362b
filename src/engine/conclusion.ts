/** What the step concludes from its runs and from how the wait ended. */
import type { PollEnd } from '../poll.ts';
import type { Conclusion, RunRecord } from './types.ts';

/** `done`: what the step concludes when nothing failed, timed out or was skipped throughout. */
export function stepConclusion(records: RunRecord[], end: PollEnd, done: Conclusion = 'success'): Conclusion {
  if (end === 'aborted') return 'cancelled';
  if (records.some((r) => r.conclusion === 'failure')) return 'failure';
  // A run this step waited to end before starting (if-running: cancel-previous) may time out before the wait.
  if (end === 'timeout' || records.some((r) => r.conclusion === 'timed_out')) return 'timed_out';
  return allSkipped(records) ? 'skipped' : done;
}

/** `if-running: skip` skipped every pipeline. */
function allSkipped(records: RunRecord[]): boolean {
  return records.length > 0 && records.every((r) => r.conclusion === 'skipped');
}
