/**
 * The wire under the HTTP client: undici's connection pools (direct, per proxy, and for streamed
 * reads), the per-origin slots, and one attempt of a request with its timeout, the step's deadline and
 * signal, and its capped body. Retrying is the client's (src/http.ts).
 */
import type { Agent, Dispatcher, ProxyAgent } from 'undici';
import undici from '../start-path/undici-lite.cjs';
import { FirstSendWatch } from '../start-path/first-send.ts';
import { NetworkError, ResponseShapeError } from '../errors.ts';
import { proxyFor } from '../proxy.ts';
import { BodyTooLargeError, MAX_ANSWER_BYTES, MAX_ERROR_BODY_BYTES, flattenHeaders, readCapped } from './body.ts';
import { DEADLINE_PASSED, currentDeadline } from './deadline.ts';
import { describeRequest, toNetworkError } from './errors.ts';
import { OriginSlots } from './slots.ts';
import type { HttpOptions, HttpRequest, HttpResponse } from './types.ts';

/** Streamed reads open at once per origin at most (see `stream`). */
const STREAM_CONNECTIONS = 64;

export class Transport {
  private readonly options: HttpOptions;
  /** Made on the first request: a step refused for bad input never builds one (nor tears it down). */
  private agent: Agent | undefined;
  private readonly firstSend: FirstSendWatch | undefined;
  /** One dispatcher per proxy URL in use, made on first use (undici's ProxyAgent is loaded only then). */
  private readonly proxies = new Map<string, ProxyAgent>();
  private readonly slots: OriginSlots;
  /** Connections for streamed reads (logs), made on first use: a stream holds its connection for seconds. */
  private streamAgent: Agent | undefined;

  constructor(options: HttpOptions) {
    this.options = options;
    this.slots = new OriginSlots(options.connectionsPerOrigin);
    if (options.onFirstRequestSent) this.firstSend = new FirstSendWatch(options.onFirstRequestSent);
  }

  /** Stops the first-send watch and drops every connection, including requests still in flight. */
  async close(): Promise<void> {
    this.firstSend?.finish();
    const dispatchers: Dispatcher[] = [...this.proxies.values()];
    if (this.agent !== undefined) dispatchers.push(this.agent);
    if (this.streamAgent !== undefined) dispatchers.push(this.streamAgent);
    await Promise.all(dispatchers.map((d) => d.destroy()));
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

  /**
   * A GET read as it arrives (HttpClient.stream): sent once, no per-origin slot (the caller bounds how
   * many it opens), `signal` ends the read as if the stream had ended.
   */
  async stream(req: HttpRequest, onText: (text: string) => void, signal: AbortSignal): Promise<HttpResponse> {
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

  /** One attempt of a request, once a slot of its origin is free. */
  async attempt(req: HttpRequest): Promise<HttpResponse> {
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
   * The signal of one request: aborts on the request timeout or the step's deadline, not on the job-cancel
   * signal (a trigger's answer names the run to cancel; HttpOptions.signal). Released as soon as the
   * request is over, so no timer of it outlives the request (docs/performance.md).
   */
  private requestSignal(untilDeadlineMs?: number): { signal: AbortSignal; release: () => void; byDeadline: () => boolean } {
    const controller = new AbortController();
    // The step's deadline, when nearer than the request timeout, cuts the request instead.
    const byDeadline = untilDeadlineMs !== undefined && untilDeadlineMs < this.options.requestTimeoutMs;
    const timer = setTimeout(
      () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      byDeadline ? Math.max(0, untilDeadlineMs) : this.options.requestTimeoutMs,
    );
    return {
      signal: controller.signal,
      byDeadline: () => byDeadline && controller.signal.aborted,
      release: () => clearTimeout(timer),
    };
  }
}
