/**
 * The step's time, deadline and cancellation, built once in setup (src/setup.ts) and handed to the
 * engine, the HTTP client and every provider, so none of them reads another object's options for it.
 * Names no provider.
 */
import { realClock, type Clock } from './clock.ts';

export interface StepContext {
  /** The one clock of the step: real on a runner, simulated in tests and the soak. */
  readonly clock: Clock;
  /** When the step's `timeout` runs out, epoch milliseconds as `clock` counts them. */
  readonly deadline: number;
  readonly pollIntervalMs: number;
  /** The job-cancel signal (src/signals.ts aborts it on SIGINT/SIGTERM). */
  readonly signal: AbortSignal;
}

/** What a front end may supply: a clock (tests, the soak) and the job-cancel signal; real time and no cancel without. */
export interface StepTime {
  clock?: Clock | undefined;
  signal?: AbortSignal | undefined;
}

/** The context of a step whose `timeout` and `poll-interval` are as given, counted from now. */
export function stepContext(timeoutMs: number, pollIntervalMs: number, given: StepTime = {}): StepContext {
  const clock = given.clock ?? realClock;
  const signal = given.signal ?? new AbortController().signal;
  return { clock, deadline: clock.now() + timeoutMs, pollIntervalMs, signal };
}
