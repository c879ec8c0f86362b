/**
 * One HTTP client for every provider, on undici: per-request timeout, pooled keep-alive connections,
 * retries with full-jitter backoff that honour Retry-After, and a retry rule that never repeats a
 * request that could start a second run.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { z } from 'zod';
import type { Agent, Dispatcher, ProxyAgent } from 'undici';
import undici from './start-path/undici-lite.cjs';
import { fullJitterDelay, parseRetryAfter, type BackoffPolicy } from './backoff.ts';
import { realClock, type Clock } from './clock.ts';
import { NetworkError, ResponseShapeError } from './errors.ts';
import { describeProxy, proxyFor, type ProxySettings } from './proxy.ts';

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
  /** Aborts every request and every backoff sleep (cancellation, overall deadline). */
  signal?: AbortSignal;
  log: (line: string) => void;
  debug: (line: string) => void;
  /**
   * Called once, soon after the headers of the client's first request were written to the socket: work
   * the step will need but its first request does not (zod, docs/performance.md) can start then, during
   * the round trip, instead of before the request or amid the garbage of the answers that follow.
   */
  onFirstRequestSent?: (() => void) | undefined;
}

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

/** The diagnostics channel undici publishes on as it writes a request's headers (lib/core/diagnostics.js). */
const SEND_HEADERS = 'undici:client:sendHeaders';

/**
 * Bodies are untrusted bytes: each kind of answer is read up to a cap, enforced while reading (the body
 * is destroyed past it), so no answer, however large or endless, grows memory past the cap.
 * JSON answers (statuses, starts, log pages) are a few kB; the largest real ones, a page of 5000 log
 * lines, stay well under 4 MiB.
 */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
/** Error answers (non-2xx) carry a code and a message: 64 KiB is plenty, and they are read that far. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** An answer outgrew its cap. A ResponseShapeError: to the poller a transient fault, polled again next round. */
export class BodyTooLargeError extends ResponseShapeError {
  readonly code = 'BODY_TOO_LARGE';
}
/** The code of a request cut short, or not sent, because the step's `timeout` ran out. */
export const DEADLINE_PASSED = 'DEADLINE_PASSED';

/**
 * The time left to the work under way (the step's `timeout`), as the engine's clock counts it. Carried
 * by AsyncLocalStorage so every request a provider sends for a trigger or a status poll ends at the
 * deadline, with no provider passing it along; cancels and log reads run outside it, on budgets of their own.
 */
export interface Deadline {
  remainingMs(): number;
}

let deadlines: import('node:async_hooks').AsyncLocalStorage<Deadline> | undefined;

/** Runs `work` so that its requests, retries and Retry-After waits end at `deadline`. */
export function withDeadline<T>(deadline: Deadline, work: () => Promise<T>): Promise<T> {
  // node:async_hooks is loaded on the first use, not on the start path.
  deadlines ??= new (process.getBuiltinModule('node:async_hooks').AsyncLocalStorage)<Deadline>();
  return deadlines.run(deadline, work);
}

function currentDeadline(): Deadline | undefined {
  return deadlines?.getStore();
}

/** Streamed reads open at once per origin at most (see `stream`). */
const STREAM_CONNECTIONS = 64;

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** Errors raised before a byte of the request left this machine. */
const UNSENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;
/** The proxy turned the request away before it reached the endpoint (407, 403 to CONNECT…). */
const PROXY_REFUSED = 'PROXY_REFUSED';

/**
 * At most `limit` requests in flight per origin; the others wait here rather than in the connection
 * pool's queue, so a request's timeout and signature time start when it is sent, and a step waiting on
 * hundreds of runs holds only `limit` requests' worth of buffers and timers at once.
 */
class OriginSlots {
  private readonly limit: number;
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  constructor(limit: number) {
    this.limit = Math.max(1, limit);
  }

  async acquire(origin: string): Promise<void> {
    const busy = this.active.get(origin) ?? 0;
    if (busy < this.limit) {
      this.active.set(origin, busy + 1);
      return;
    }
    await new Promise<void>((resolve) => {
      const queue = this.waiting.get(origin) ?? [];
      queue.push(resolve);
      this.waiting.set(origin, queue);
    });
  }

  /** Hands the slot to the next waiting request, or frees it. */
  release(origin: string): void {
    const next = this.waiting.get(origin)?.shift();
    if (next) return next();
    this.active.set(origin, (this.active.get(origin) ?? 1) - 1);
  }
}

/**
 * Tells when a client's first request has been written (`onFirstRequestSent`): undici publishes on
 * `undici:client:sendHeaders` right before it writes a request's headers, and the callback runs after
 * that write. The channel is process-wide, so it is listened to only while one of this client's own
 * requests is under way, and only until the first one is sent.
 */
class FirstSendWatch {
  private readonly callback: () => void;
  private inFlight = 0;
  private done = false;
  private readonly onSend = (): void => {
    this.finish();
    setImmediate(this.callback);
  };

  constructor(callback: () => void) {
    this.callback = callback;
  }

  /** Called as one of the client's requests is dispatched; returns what to call when it settles. */
  begin(): (() => void) | undefined {
    if (this.done) return undefined;
    if (this.inFlight++ === 0) subscribe(SEND_HEADERS, this.onSend);
    return () => {
      if (!this.done && --this.inFlight === 0) unsubscribe(SEND_HEADERS, this.onSend);
    };
  }

  /** Stops listening, without the callback (the client closes, or the first request was sent). */
  finish(): void {
    if (this.done) return;
    this.done = true;
    if (this.inFlight > 0) unsubscribe(SEND_HEADERS, this.onSend);
  }
}

export class HttpClient {
  readonly options: HttpOptions;
  /** Made on the first request: a step refused for bad input never builds one (nor tears it down). */
  private agent: Agent | undefined;
  private readonly firstSend: FirstSendWatch | undefined;
  /** One dispatcher per proxy URL in use, made on first use (undici's ProxyAgent is loaded only then). */
  private readonly proxies = new Map<string, ProxyAgent>();
  private closed = false;
  /** Aborted by close(): cuts short the backoff sleeps of requests nobody awaits any more. */
  private readonly closing = new AbortController();
  private readonly slots: OriginSlots;
  /** Connections for streamed reads (logs), made on first use: a stream holds its connection for seconds. */
  private streamAgent: Agent | undefined;

  constructor(options: Partial<HttpOptions> = {}) {
    this.options = { ...defaultHttpOptions, ...options };
    this.slots = new OriginSlots(this.options.connectionsPerOrigin);
    if (this.options.onFirstRequestSent) this.firstSend = new FirstSendWatch(this.options.onFirstRequestSent);
  }

  private directAgent(): Agent {
    if (this.agent !== undefined) return this.agent;
    const tls = this.tlsOptions();
    this.agent = new undici.Agent({
      connections: this.options.connectionsPerOrigin,
      keepAliveTimeout: 10_000,
      ...(tls ? { connect: tls } : {}),
    });
    return this.agent;
  }

  /** The CAs to trust: the system's plus `ca-certificate`. node:tls is loaded here, not at start. */
  private tlsOptions(): { ca: string[] } | undefined {
    const ca = this.options.ca;
    return ca ? { ca: [...process.getBuiltinModule('node:tls').rootCertificates, ca] } : undefined;
  }

  /**
   * Direct, or through the proxy the environment names for this endpoint. https:// endpoints are
   * tunnelled with CONNECT and their TLS (with `ca-certificate`) runs inside the tunnel; http:// ones
   * are sent to the proxy in absolute form (`GET http://host/path`), which proxies accept without
   * allowing CONNECT to port 80.
   */
  private dispatcherFor(url: URL): Dispatcher {
    const proxy = proxyFor(url, this.options.proxy);
    if (proxy === undefined) return this.directAgent();
    let agent = this.proxies.get(proxy.href);
    if (agent === undefined) {
      const tls = this.tlsOptions();
      agent = new undici.ProxyAgent({
        uri: proxy.href,
        proxyTunnel: false,
        connections: this.options.connectionsPerOrigin,
        keepAliveTimeout: 10_000,
        // The extra CA is trusted for the endpoint inside the tunnel and for an https:// proxy itself.
        ...(tls ? { requestTls: tls, proxyTls: tls } : {}),
      });
      this.proxies.set(proxy.href, agent);
    }
    return agent;
  }

  /**
   * A GET whose body is read as it arrives, for streams that never end by themselves (a live log):
   * `onText` gets each decoded piece, and `signal` ends the read, which then resolves as if the stream
   * had ended. Sent once, never retried; a non-2xx answer is returned with its whole (short) body, and
   * a signal that fires before the answer came is an error. Streams do not take the per-origin slots of
   * the status calls: the caller bounds how many it opens.
   */
  async stream(req: HttpRequest, onText: (text: string) => void, signal: AbortSignal): Promise<HttpResponse> {
    if (this.closed) throw new NetworkError(`${req.label}: abandoned, the step is ending`, 'CLOSED', false);
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, ...req.headers };
    const signed = req.sign ? await req.sign({ method: 'GET', url: req.url, headers, body: '' }) : {};
    let answer: HttpResponse | undefined;
    try {
      const res = await this.streamDispatcher(req.url).request({
        origin: req.url.origin,
        path: `${req.url.pathname}${req.url.search}`,
        method: 'GET',
        headers: { ...headers, ...signed },
        signal,
        headersTimeout: this.options.requestTimeoutMs,
        bodyTimeout: 0,
      });
      answer = { status: res.statusCode, headers: flattenHeaders(res.headers), body: '' };
      if (res.statusCode < 200 || res.statusCode >= 300) {
        return { ...answer, body: await readCapped(res.body, MAX_ERROR_BODY_BYTES, req, res.statusCode) };
      }
      res.body.setEncoding('utf8');
      for await (const chunk of res.body) onText(chunk as string);
      return answer;
    } catch (err) {
      if (err instanceof BodyTooLargeError) throw err;
      if (signal.aborted && answer !== undefined) return answer;
      if (signal.aborted) throw new NetworkError(`${req.label}: no answer before the read was stopped`, 'ETIMEDOUT', false);
      throw toNetworkError(err, req, this.options.requestTimeoutMs, proxyFor(req.url, this.options.proxy));
    }
  }

  /** Streams go through the proxy like any request; direct ones get their own pool (see `stream`). */
  private streamDispatcher(url: URL): Dispatcher {
    if (proxyFor(url, this.options.proxy) !== undefined) return this.dispatcherFor(url);
    const tls = this.tlsOptions();
    this.streamAgent ??= new undici.Agent({
      connections: STREAM_CONNECTIONS,
      keepAliveTimeout: 10_000,
      ...(tls ? { connect: tls } : {}),
    });
    return this.streamAgent;
  }

  /** Sends the request, retrying what is safe to retry; returns the last response whatever its status. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    const { maxAttempts } = this.options;
    const deadline = currentDeadline();
    for (let attempt = 1; ; attempt++) {
      if (this.closed) throw new NetworkError(`${req.label}: abandoned, the step is ending`, 'CLOSED', false);
      if (deadline !== undefined && deadline.remainingMs() <= 0) {
        throw new NetworkError(`${req.label}: not sent, the step's timeout ran out`, DEADLINE_PASSED, true);
      }
      let outcome: HttpResponse | NetworkError;
      try {
        outcome = await this.attempt(req);
      } catch (err) {
        if (!(err instanceof NetworkError)) throw err;
        outcome = err;
      }
      const retry = await this.shouldRetry(req, outcome);
      if (!retry || attempt >= maxAttempts) {
        if (outcome instanceof NetworkError) throw notRepeated(req, outcome);
        outcome.attempts = attempt;
        return outcome;
      }
      const delay = this.retryDelay(attempt, outcome);
      const why = outcome instanceof NetworkError ? outcome.message : `HTTP ${outcome.status}`;
      if (deadline !== undefined && delay >= deadline.remainingMs()) {
        // A wait past the deadline would end with nothing to do: the last answer stands.
        this.options.log(`${req.label}: ${why}; not retried in ${(delay / 1000).toFixed(1)}s: the step's timeout comes first`);
        if (outcome instanceof NetworkError) throw notRepeated(req, outcome);
        outcome.attempts = attempt;
        return outcome;
      }
      this.options.log(`${req.label}: ${why}; retry ${attempt} of ${maxAttempts - 1} in ${(delay / 1000).toFixed(1)}s`);
      await this.backoff(delay, req);
    }
  }

  private async backoff(ms: number, req: HttpRequest): Promise<void> {
    const outer = this.options.signal;
    const signal = outer ? AbortSignal.any([outer, this.closing.signal]) : this.closing.signal;
    try {
      await this.options.clock.sleep(ms, signal);
    } catch (err) {
      if (this.closed) throw new NetworkError(`${req.label}: abandoned, the step is ending`, 'CLOSED', false);
      throw err;
    }
  }

  /**
   * Drops every connection, including requests still in flight (a poll abandoned at cancellation, a
   * cancel cut off by its time budget): nothing awaits them any more and they must not hold the exit.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.firstSend?.finish();
    this.closing.abort();
    const dispatchers: Dispatcher[] = [...this.proxies.values()];
    if (this.agent !== undefined) dispatchers.push(this.agent);
    if (this.streamAgent !== undefined) dispatchers.push(this.streamAgent);
    await Promise.all(dispatchers.map((d) => d.destroy()));
  }

  private async shouldRetry(req: HttpRequest, outcome: HttpResponse | NetworkError): Promise<boolean> {
    if (this.options.signal?.aborted || this.closed) return false;
    if (outcome instanceof NetworkError) {
      if (outcome.code !== undefined && TLS_CODES.test(outcome.code)) return false;
      if (outcome.code === PROXY_REFUSED || outcome.code === DEADLINE_PASSED) return false;
      return req.idempotent || outcome.unsent;
    }
    if (await req.retryWhen?.(outcome)) return true;
    // 429 means the request was turned away unprocessed, so even a trigger may be sent again.
    if (outcome.status === 429) return true;
    return req.idempotent && RETRYABLE_STATUS.has(outcome.status);
  }

  private retryDelay(attempt: number, outcome: HttpResponse | NetworkError): number {
    const { clock, backoff, maxRetryAfterMs } = this.options;
    const jitter = fullJitterDelay(attempt - 1, backoff, () => clock.random());
    if (outcome instanceof NetworkError) return jitter;
    const after = parseRetryAfter(outcome.headers['retry-after'], clock.now());
    return after === undefined ? jitter : Math.min(after, maxRetryAfterMs);
  }

  private async attempt(req: HttpRequest): Promise<HttpResponse> {
    const origin = req.url.origin;
    await this.slots.acquire(origin);
    try {
      return await this.sendOnce(req);
    } finally {
      this.slots.release(origin);
    }
  }

  private async sendOnce(req: HttpRequest): Promise<HttpResponse> {
    const body = req.body ?? '';
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, ...req.headers };
    if (body !== '' && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
    const signed = req.sign ? await req.sign({ method: req.method, url: req.url, headers, body }) : {};
    const started = this.options.clock.now();
    const deadline = currentDeadline();
    const { signal, release, byDeadline } = this.requestSignal(deadline?.remainingMs());
    const settled = this.firstSend?.begin();
    try {
      const res = await this.dispatcherFor(req.url).request({
        origin: req.url.origin,
        path: `${req.url.pathname}${req.url.search}`,
        method: req.method,
        headers: { ...headers, ...signed },
        body: req.method === 'GET' ? null : body,
        signal,
        headersTimeout: this.options.requestTimeoutMs,
        bodyTimeout: this.options.requestTimeoutMs,
      });
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      const cap = ok ? (req.maxBodyBytes ?? MAX_ANSWER_BYTES) : MAX_ERROR_BODY_BYTES;
      const text = await readCapped(res.body, cap, req, res.statusCode);
      this.options.debug(
        `${req.method} ${req.url.origin}${req.url.pathname} -> ${res.statusCode} in ${this.options.clock.now() - started}ms`,
      );
      return { status: res.statusCode, headers: flattenHeaders(res.headers), body: text };
    } catch (err) {
      if (err instanceof ResponseShapeError) throw err;
      if (this.options.signal?.aborted) throw this.options.signal.reason;
      if (byDeadline()) {
        throw new NetworkError(`${describeRequest(req)}: no answer before the step's timeout ran out`, DEADLINE_PASSED, false);
      }
      throw toNetworkError(err, req, this.options.requestTimeoutMs, proxyFor(req.url, this.options.proxy));
    } finally {
      settled?.();
      release();
    }
  }

  /**
   * The signal of one request: aborts on the request timeout or the step's own signal. Released as soon
   * as the request is over, so nothing of it outlives the request (AbortSignal.timeout keeps its timer
   * for the whole timeout and AbortSignal.any registers with the step's signal: with hundreds of
   * requests a round, that kept the young heap growing).
   */
  private requestSignal(untilDeadlineMs?: number): { signal: AbortSignal; release: () => void; byDeadline: () => boolean } {
    const controller = new AbortController();
    // The step's deadline, when nearer than the request timeout, cuts the request instead.
    const byDeadline = untilDeadlineMs !== undefined && untilDeadlineMs < this.options.requestTimeoutMs;
    const timer = setTimeout(
      () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      byDeadline ? Math.max(0, untilDeadlineMs) : this.options.requestTimeoutMs,
    );
    const outer = this.options.signal;
    const onOuterAbort = (): void => controller.abort(outer?.reason);
    if (outer?.aborted) onOuterAbort();
    else outer?.addEventListener('abort', onOuterAbort, { once: true });
    return {
      signal: controller.signal,
      byDeadline: () => byDeadline && controller.signal.aborted && !outer?.aborted,
      release: () => {
        clearTimeout(timer);
        outer?.removeEventListener('abort', onOuterAbort);
      },
    };
  }
}

/** The request as errors name it: method, label and the path it went to. */
function describeRequest(req: HttpRequest): string {
  return `${req.method} ${req.url.origin}${req.url.pathname} (${req.label})`;
}

/**
 * Reads a body into memory up to `cap` bytes. A longer one (by its content-length, or as it arrives) is
 * destroyed at once, which drops the connection: the server's further bytes are never read.
 */
async function readCapped(
  body: AsyncIterable<unknown> & { destroy(err?: Error): unknown },
  cap: number,
  req: HttpRequest,
  status: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > cap) {
      body.destroy();
      throw new BodyTooLargeError(
        `${describeRequest(req)}: HTTP ${status} with a body over ${formatBytes(cap)}; the read was stopped there`,
      );
    }
    chunks.push(bytes);
  }
  // As undici's body.text(): UTF-8, a leading byte-order mark dropped.
  return new TextDecoder().decode(Buffer.concat(chunks, size));
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / (1024 * 1024)} MiB` : `${n / 1024} KiB`;
}

/** A non-idempotent request that may have reached the server is never repeated: say so. */
function notRepeated(req: HttpRequest, err: NetworkError): NetworkError {
  if (req.idempotent || err.unsent) return err;
  return new NetworkError(
    `${err.message}; the request may have reached the server, so it was not repeated (repeating could start a second run)`,
    err.code,
    false,
  );
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; cause?: unknown; name?: unknown };
  if (typeof e.code === 'string') return e.code;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'ETIMEDOUT';
  return errorCode(e.cause);
}

function toNetworkError(err: unknown, req: HttpRequest, timeoutMs: number, proxy: URL | undefined): NetworkError {
  const code = errorCode(err);
  const via = proxy === undefined ? '' : ` via proxy ${describeProxy(proxy)}`;
  const target = `${req.method} ${req.url.origin}${req.url.pathname}${via}`;
  const detail = err instanceof Error ? err.message : String(err);
  // undici reports a proxy's refusal as an aborted tunnel (https) or an invalid argument (http).
  const proxyStatus =
    proxy === undefined ? undefined : /Proxy (?:response \((\d{3})\)|Authentication Required \((407)\))/.exec(detail);
  if (proxyStatus) {
    const status = proxyStatus[1] ?? proxyStatus[2] ?? '';
    const hint = status === '407' ? ': check the user and password in the proxy variable' : '';
    // A 5xx is the proxy failing to reach the endpoint, which may pass; a 4xx is a refusal that will not.
    const code = status.startsWith('5') ? 'PROXY_UPSTREAM' : PROXY_REFUSED;
    return new NetworkError(`${target}: the proxy answered ${status}${hint}`, code, true);
  }
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new NetworkError(`${target}: no response within ${timeoutMs / 1000}s`, code, false);
  }
  if (code !== undefined && TLS_CODES.test(code)) {
    return new NetworkError(
      `${target}: TLS certificate not trusted (${code}); give the endpoint's CA in 'ca-certificate'`,
      code,
      true, // the handshake failed before the request was sent
    );
  }
  return new NetworkError(
    `${target}: ${code ?? 'network error'} (${detail})`,
    code,
    code !== undefined && UNSENT_CODES.has(code),
  );
}

/**
 * One path segment of a request: ids are data (from inputs, a `runs` handle or an answer), never path
 * syntax. Encoded as encodeURIComponent writes it; `.` and `..` (which URL parsing resolves, encoded or
 * not) and the empty segment are refused.
 */
export function pathSegment(id: string): string {
  if (id === '' || id === '.' || id === '..') throw new ResponseShapeError(`'${id}' is not an id that can name a resource`);
  return encodeURIComponent(id);
}

/** Parses a JSON body; a garbled one is a ResponseShapeError, which the poller treats as transient. */
export function parseJson(res: HttpResponse, what: string): unknown {
  try {
    return JSON.parse(res.body) as unknown;
  } catch {
    throw new ResponseShapeError(`${what}: HTTP ${res.status} with a body that is not JSON (${res.body.slice(0, 120)})`);
  }
}

/** Checks a decoded body against the provider's schema; a mismatch is a ResponseShapeError (transient to the poller). */
export function validateShape<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ResponseShapeError(`${what}: unexpected response (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`);
  }
  return parsed.data;
}

/** parseJson + validateShape: the body of a response, as the provider's schema types it. */
export function parseResponse<T>(schema: z.ZodType<T>, res: HttpResponse, what: string): T {
  return validateShape(schema, parseJson(res, what), what);
}
