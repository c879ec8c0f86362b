/**
 * Waits on many runs at once. Each run is polled on its own schedule: quickly at first, then with
 * gaps that grow with the run's age up to `poll-interval`, so a short run is noticed within about a
 * second and a long one costs few requests. Knows nothing of any provider.
 */
import type { Clock } from './clock.ts';
import { errorMessage, isTransient, toError } from './errors.ts';
import type { Observation, RunHandle } from './providers/types.ts';

export interface PollSchedule {
  /** First and shortest gap between polls of one run. */
  minIntervalMs: number;
  /** Longest gap (the `poll-interval` input). */
  maxIntervalMs: number;
  /** Gap as a share of the run's age: the end is noticed within this share of the time it took. */
  ageFraction: number;
}

export const defaultSchedule = (maxIntervalMs: number): PollSchedule => ({
  minIntervalMs: Math.min(1000, maxIntervalMs),
  maxIntervalMs,
  ageFraction: 0.1,
});

/** The gap before the next poll of a run that has been going for `ageMs`. */
export function nextPollDelay(ageMs: number, s: PollSchedule): number {
  return Math.round(Math.min(s.maxIntervalMs, Math.max(s.minIntervalMs, ageMs * s.ageFraction)));
}

export interface TrackedRun {
  handle: RunHandle;
  startedAt: number;
  nextPollAt: number;
  last?: Observation;
  finishedAt?: number;
  /** Errors in a row that a retry will not fix; three end the run as failed. */
  permanentErrors: number;
  polls: number;
  /** A status check was still unanswered (inside its retries) when the wait ended. */
  unansweredAtEnd?: boolean;
}

export type PollEnd = 'done' | 'timeout' | 'aborted';

export interface PollOptions {
  runs: TrackedRun[];
  observe: (runs: RunHandle[]) => Promise<Array<Observation | Error>>;
  schedule: PollSchedule;
  clock: Clock;
  /** Absolute time (clock ms) at which the wait gives up. */
  deadline: number;
  signal?: AbortSignal;
  onObservation: (run: TrackedRun, obs: Observation, previous: Observation | undefined) => void;
  onPollError: (run: TrackedRun, err: Error) => void;
  /** Called between polls, e.g. for a heartbeat line. */
  onIdle?: () => void;
}

const PERMANENT_ERROR_LIMIT = 3;

export function trackRuns(handles: RunHandle[], now: number): TrackedRun[] {
  return handles.map((handle) => ({ handle, startedAt: now, nextPollAt: now, permanentErrors: 0, polls: 0 }));
}

export function isPending(run: TrackedRun): boolean {
  return run.finishedAt === undefined;
}

export async function pollRuns(opts: PollOptions): Promise<PollEnd> {
  const { clock, signal } = opts;
  const stop = stopSignal(signal);
  for (;;) {
    const pending = opts.runs.filter(isPending);
    if (pending.length === 0) return 'done';
    if (signal?.aborted) return 'aborted';
    const now = clock.now();
    if (now >= opts.deadline) return 'timeout';
    const due = pending.filter((r) => r.nextPollAt <= now);
    if (due.length > 0) {
      // A poll stuck in retries must not carry the wait past its deadline or past a cancellation.
      const deadline = deadlineTimer(opts.deadline - now);
      const results = await Promise.race([observeAll(opts, due), stop.promise, deadline.promise]);
      deadline.clear();
      if (results === 'deadline' || results === undefined) {
        for (const r of due) r.unansweredAtEnd = true;
        return results === 'deadline' ? 'timeout' : 'aborted';
      }
      applyResults(opts, due, results, now);
      continue;
    }
    opts.onIdle?.();
    const wake = Math.min(opts.deadline, ...pending.map((r) => r.nextPollAt));
    try {
      await clock.sleep(Math.max(0, wake - now), signal);
    } catch {
      return 'aborted';
    }
  }
}

async function observeAll(opts: PollOptions, due: TrackedRun[]): Promise<Array<Observation | Error>> {
  try {
    return await opts.observe(due.map((r) => r.handle));
  } catch (err) {
    const e = toError(err);
    return due.map(() => e);
  }
}

function applyResults(opts: PollOptions, due: TrackedRun[], results: Array<Observation | Error>, sentAt: number): void {
  const now = opts.clock.now();
  due.forEach((run, i) => {
    run.polls++;
    // The gap runs from when the poll was sent, so a round of many slow answers does not stretch
    // every gap by its own length; half a gap after the answer keeps a slow API from being hammered.
    const gap = nextPollDelay(sentAt - run.startedAt, opts.schedule);
    run.nextPollAt = Math.max(sentAt + gap, now + gap / 2);
    const result = results[i] ?? new Error('no observation returned');
    if (result instanceof Error) return recordError(opts, run, result, now);
    run.permanentErrors = 0;
    const previous = run.last;
    run.last = result;
    if (result.phase !== 'pending') run.finishedAt = now;
    opts.onObservation(run, result, previous);
  });
}

function recordError(opts: PollOptions, run: TrackedRun, err: Error, now: number): void {
  opts.onPollError(run, err);
  if (isTransient(err)) return;
  run.permanentErrors++;
  if (run.permanentErrors < PERMANENT_ERROR_LIMIT) return;
  const status = run.last?.status ?? 'unknown';
  const failed: Observation = { status, phase: 'failure', message: errorMessage(err) };
  const previous = run.last;
  run.last = failed;
  run.finishedAt = now;
  opts.onObservation(run, failed, previous);
}

/**
 * Resolves 'deadline' after `ms` of wall time, unless cleared first. A real timer, not the injected
 * clock: a simulated clock jumps ahead in its own sleeps and would fire this guard at once.
 */
function deadlineTimer(ms: number): { promise: Promise<'deadline'>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), Math.max(0, ms));
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/** A promise that resolves to undefined when the signal aborts: lets a poll stop mid-request. */
function stopSignal(signal: AbortSignal | undefined): { promise: Promise<undefined> } {
  if (signal === undefined) return { promise: new Promise<undefined>(() => undefined) };
  return {
    promise: new Promise<undefined>((resolve) => {
      if (signal.aborted) resolve(undefined);
      signal.addEventListener('abort', () => resolve(undefined), { once: true });
    }),
  };
}
