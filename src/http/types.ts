/** The requests and answers of the HTTP client (src/http.ts), and its options. */
import type { BackoffPolicy } from '../backoff.ts';
import type { Clock } from '../clock.ts';
import type { ProxySettings } from '../proxy.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /**
   * Set by HttpClient.send: how many times the request was sent to get this answer. 1 means it was never
   * repeated, so no earlier copy of it can have reached the server.
   */
  attempts?: number;
}

export interface OutgoingRequest {
  method: Method;
  url: URL;
  headers: Record<string, string>;
  body: string;
}

export interface HttpRequest {
  method: Method;
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  /** What the request does, for log lines: "start pipeline orders". */
  label: string;
  /** True when repeating the request cannot start anything twice (GET, idempotent triggers). */
  idempotent: boolean;
  /**
   * Responses the provider documents as "not processed, try again" (e.g. throttling codes). May be
   * async: error bodies are read with zod schemas loaded on first use.
   */
  retryWhen?: (res: HttpResponse) => boolean | Promise<boolean>;
  /** Auth headers computed per attempt: signatures cover a timestamp, so each retry signs anew. */
  sign?: (req: OutgoingRequest) => Record<string, string> | Promise<Record<string, string>>;
  /**
   * Most bytes of a 2xx body read into memory (default MAX_ANSWER_BYTES): past it the read is stopped
   * and the request fails with a ResponseShapeError naming it. A whole-log read may ask for more.
   */
  maxBodyBytes?: number;
}

export interface HttpOptions {
  requestTimeoutMs: number;
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** Longest Retry-After honoured; a longer one is cut to this. */
  maxRetryAfterMs: number;
  connectionsPerOrigin: number;
  ca?: string | undefined;
  /** From HTTPS_PROXY/HTTP_PROXY/NO_PROXY (src/proxy.ts); undefined: every request goes direct. */
  proxy?: ProxySettings | undefined;
  userAgent: string;
  clock: Clock;
  /**
   * The job-cancel signal (src/step-context.ts). Under the step's deadline (the trigger, status polls) it
   * ends the backoff and Retry-After waits and stops further retries. A request in flight is left to
   * answer: a trigger's answer names the run the step must then cancel. Cancels and log reads, sent after
   * the signal outside the deadline, run on budgets of their own.
   */
  signal?: AbortSignal | undefined;
  log: (line: string) => void;
  debug: (line: string) => void;
  /**
   * Called once, soon after the headers of the client's first request were written to the socket, so
   * work the step will need but its first request does not can run during that round trip
   * (src/start-path/first-send.ts).
   */
  onFirstRequestSent?: (() => void) | undefined;
}
