/**
 * One HTTP client for every provider, on undici: per-request timeout, pooled keep-alive connections,
 * retries with full-jitter backoff that honour Retry-After, and a retry rule that never repeats a
 * request that could start a second run. Composed of http/transport.ts (connections, one attempt),
 * http/retry-policy.ts (when to send again), http/errors.ts and http/body.ts (failures, capped bodies)
 * and http/deadline.ts (the step's timeout).
 */
import { realClock } from './clock.ts';
import { NetworkError } from './errors.ts';
import { DEADLINE_PASSED, currentDeadline } from './http/deadline.ts';
import { deadlinePassed, isRetryable, nextStep, notRepeated } from './http/retry-policy.ts';
import { Transport } from './http/transport.ts';
import type { HttpOptions, HttpRequest, HttpResponse } from './http/types.ts';

export type { HttpOptions, HttpRequest, HttpResponse, Method, OutgoingRequest } from './http/types.ts';
export {
  BodyTooLargeError,
  MAX_ANSWER_BYTES,
  MAX_ERROR_BODY_BYTES,
  parseJson,
  parseResponse,
  pathSegment,
  validateShape,
} from './http/body.ts';
export { DEADLINE_PASSED, withDeadline, type Deadline } from './http/deadline.ts';

export const defaultHttpOptions: HttpOptions = {
  requestTimeoutMs: 30_000,
  maxAttempts: 5,
  backoff: { baseMs: 500, capMs: 20_000 },
  maxRetryAfterMs: 120_000,
  connectionsPerOrigin: 16,
  userAgent: 'run-pipelines',
  clock: realClock,
  log: () => undefined,
  debug: () => undefined,
};

export class HttpClient {
  readonly options: HttpOptions;
  private readonly transport: Transport;
  private closed = false;
  /** Aborted by close(): cuts short the backoff sleeps of requests nobody awaits any more. */
  private readonly closing = new AbortController();

  constructor(options: Partial<HttpOptions> = {}) {
    this.options = { ...defaultHttpOptions, ...options };
    this.transport = new Transport(this.options);
  }

  /**
   * A GET whose body is read as it arrives, for streams that never end by themselves (a live log):
   * `onText` gets each decoded piece, and `signal` ends the read, which then resolves as if the stream
   * had ended. Sent once, never retried; a non-2xx answer is returned with its whole (short) body, and
   * a signal that fires before the answer came is an error. Streams do not take the per-origin slots of
   * the status calls: the caller bounds how many it opens.
   */
  async stream(req: HttpRequest, onText: (text: string) => void, signal: AbortSignal): Promise<HttpResponse> {
    if (this.closed) throw this.abandoned(req);
    return this.transport.stream(req, onText, signal);
  }

  /** Sends the request, retrying what is safe to retry; returns the last response whatever its status. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    const { maxAttempts } = this.options;
    const deadline = currentDeadline();
    for (let attempt = 1; ; attempt++) {
      if (this.closed) throw this.abandoned(req);
      if (deadlinePassed(deadline)) {
        throw new NetworkError(`${req.label}: not sent, the step's timeout ran out`, DEADLINE_PASSED, true);
      }
      let outcome: HttpResponse | NetworkError;
      try {
        outcome = await this.transport.attempt(req);
      } catch (err) {
        if (!(err instanceof NetworkError)) throw err;
        outcome = err;
      }
      const step = nextStep(attempt, outcome, await this.shouldRetry(req, outcome), deadline, this.options, this.options.clock);
      if (step.kind === 'stop') return settle(req, outcome, attempt);
      const why = outcome instanceof NetworkError ? outcome.message : `HTTP ${outcome.status}`;
      const wait = `${(step.delayMs / 1000).toFixed(1)}s`;
      if (step.kind === 'past-deadline') {
        // A wait past the deadline would end with nothing to do: the last answer stands.
        this.options.log(`${req.label}: ${why}; not retried in ${wait}: the step's timeout comes first`);
        return settle(req, outcome, attempt);
      }
      this.options.log(`${req.label}: ${why}; retry ${attempt} of ${maxAttempts - 1} in ${wait}`);
      await this.backoff(step.delayMs, req);
    }
  }

  /** The retry rule, once the request's own `retryWhen` has judged an answer; nothing is retried once the step stops. */
  private async shouldRetry(req: HttpRequest, outcome: HttpResponse | NetworkError): Promise<boolean> {
    if (this.cancelSignal()?.aborted || this.closed) return false;
    if (outcome instanceof NetworkError) return isRetryable(outcome, req.idempotent);
    return isRetryable(outcome, req.idempotent, (await req.retryWhen?.(outcome)) ?? false);
  }

  private async backoff(ms: number, req: HttpRequest): Promise<void> {
    const outer = this.cancelSignal();
    const signal = outer ? AbortSignal.any([outer, this.closing.signal]) : this.closing.signal;
    try {
      await this.options.clock.sleep(ms, signal);
    } catch (err) {
      if (this.closed) throw this.abandoned(req);
      throw err;
    }
  }

  /** The job-cancel signal where it applies: to the work under the step's deadline, not to the cancels after it. */
  private cancelSignal(): AbortSignal | undefined {
    return currentDeadline() === undefined ? undefined : this.options.signal;
  }

  private abandoned(req: HttpRequest): NetworkError {
    return new NetworkError(`${req.label}: abandoned, the step is ending`, 'CLOSED', false);
  }

  /**
   * Drops every connection, including requests still in flight (a poll abandoned at cancellation, a
   * cancel cut off by its time budget): nothing awaits them any more and they must not hold the exit.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.closing.abort();
    await this.transport.close();
  }
}

/** The last outcome of a request: an answer, with how many sends it took, or its error. */
function settle(req: HttpRequest, outcome: HttpResponse | NetworkError, attempts: number): HttpResponse {
  if (outcome instanceof NetworkError) throw notRepeated(outcome, req.idempotent);
  outcome.attempts = attempts;
  return outcome;
}
