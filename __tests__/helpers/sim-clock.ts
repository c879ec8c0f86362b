/**
 * The simulated clock every in-process test shares: `sleep` moves time forward at once instead of
 * waiting, so a wait of minutes runs in microseconds. For tests where timing is not what they check.
 */
import type { Clock } from '../../src/clock.ts';

export interface SimClock extends Clock {
  /** The current simulated time (ms). */
  t: number;
  /** Every sleep asked for, in order. */
  slept: number[];
}

/** Starts at `start` (default 0); `random` is fixed at 0.5 so backoff delays are predictable. */
export function simClock(start = 0): SimClock {
  const clock: SimClock = {
    t: start,
    slept: [],
    now: () => clock.t,
    random: () => 0.5,
    sleep: (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) return Promise.reject(new Error('aborted'));
      clock.slept.push(ms);
      clock.t += Math.max(0, ms);
      return Promise.resolve();
    },
  };
  return clock;
}
