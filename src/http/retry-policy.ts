/**
 * When a failed attempt is sent again, and after how long. Pure rules (no I/O, no undici, time and
 * randomness passed in), so each is testable by itself. The one that matters most: a request that
 * could start a second run is repeated only when it certainly was not processed.
 */
import { fullJitterDelay, parseRetryAfter, type BackoffPolicy } from '../backoff.ts';
import { NetworkError } from '../errors.ts';
import { DEADLINE_PASSED, type Deadline } from './deadline.ts';
import { PROXY_REFUSED, isTlsFailure } from './errors.ts';

export interface RetryPolicy {
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** Longest Retry-After honoured; a longer one is cut to this. */
  maxRetryAfterMs: number;
}

/** What one attempt came to: an answer, whatever its status, or a failure before one. */
export type AttemptOutcome = { status: number; headers: Record<string, string> } | NetworkError;

/** What to do after an attempt: keep its outcome, wait and send again, or keep it as the wait would pass the deadline. */
export type RetryStep = { kind: 'stop' } | { kind: 'retry'; delayMs: number } | { kind: 'past-deadline'; delayMs: number };

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether the outcome may be sent again at all. `providerSaysRetry`: the request's `retryWhen` judged
 * the answer "not processed, try again" (the provider's own throttling codes).
 */
export function isRetryable(outcome: AttemptOutcome, idempotent: boolean, providerSaysRetry = false): boolean {
  if (outcome instanceof NetworkError) {
    if (isTlsFailure(outcome.code)) return false;
    if (outcome.code === PROXY_REFUSED || outcome.code === DEADLINE_PASSED) return false;
    return idempotent || outcome.unsent;
  }
  if (providerSaysRetry) return true;
  // 429 means the request was turned away unprocessed, so even a trigger may be sent again.
  if (outcome.status === 429) return true;
  return idempotent && RETRYABLE_STATUS.has(outcome.status);
}

/** The wait before attempt `attempt + 1`: the answer's Retry-After (capped), else full-jitter backoff. */
export function retryDelay(
  attempt: number,
  outcome: AttemptOutcome,
  policy: RetryPolicy,
  now: number,
  random: () => number,
): number {
  const jitter = fullJitterDelay(attempt - 1, policy.backoff, random);
  if (outcome instanceof NetworkError) return jitter;
  const after = parseRetryAfter(outcome.headers['retry-after'], now);
  return after === undefined ? jitter : Math.min(after, policy.maxRetryAfterMs);
}

/**
 * After attempt `attempt` (from 1): stop when the outcome may not be repeated or the attempts are used
 * up; otherwise wait `delayMs`, unless that wait reaches the deadline, where it would end with nothing
 * left to do and the last outcome stands.
 */
export function nextStep(
  attempt: number,
  outcome: AttemptOutcome,
  retryable: boolean,
  deadline: Deadline | undefined,
  policy: RetryPolicy,
  clock: { now(): number; random(): number },
): RetryStep {
  if (!retryable || attempt >= policy.maxAttempts) return { kind: 'stop' };
  const delayMs = retryDelay(attempt, outcome, policy, clock.now(), () => clock.random());
  if (deadline !== undefined && delayMs >= deadline.remainingMs()) return { kind: 'past-deadline', delayMs };
  return { kind: 'retry', delayMs };
}

/** No attempt is sent once the deadline has passed. */
export function deadlinePassed(deadline: Deadline | undefined): boolean {
  return deadline !== undefined && deadline.remainingMs() <= 0;
}

/** A non-idempotent request that may have reached the server is never repeated: the error says so. */
export function notRepeated(err: NetworkError, idempotent: boolean): NetworkError {
  if (idempotent || err.unsent) return err;
  return new NetworkError(
    `${err.message}; the request may have reached the server, so it was not repeated (repeating could start a second run)`,
    err.code,
    false,
  );
}
