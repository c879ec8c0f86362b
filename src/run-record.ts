/**
 * What the step concludes and records of each run: the engine produces them, `if-running` adjusts them,
 * outputs and the summary read them. A module of its own so the lazily loaded if-running imports no engine.
 */
import type { RunHandle, StageSpan } from './providers/types.ts';

export type Conclusion = 'success' | 'failure' | 'timed_out' | 'cancelled' | 'triggered' | 'skipped';

/** One pipeline's run as the step saw it; `Data` and `Details` are the provider's own types, passed through. */
export interface RunRecord<Data = unknown, Details extends object = object> {
  pipeline: string;
  handle?: RunHandle<Data>;
  status: string;
  conclusion: Conclusion | 'pending';
  message?: string;
  startedAt: number;
  finishedAt?: number;
  /** The link the provider reported while polling, where the handle has none or a better one. */
  url?: string;
  details?: Details;
  /** The stages the provider last reported, with their times. */
  stages?: StageSpan[];
  /** A run in progress this step found and waited for (`if-running: wait`): never cancelled by this step. */
  adopted?: boolean;
  /** The provider's last progress text (a stage, a reason), quoted when the timeout ends the wait. */
  progress?: string;
}
