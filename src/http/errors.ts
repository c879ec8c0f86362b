/** Failures of a request as the client reports them: which, where, and whether a byte of it was sent. */
import { NetworkError } from '../errors.ts';
import { describeProxy } from '../proxy.ts';
import type { HttpRequest } from './types.ts';

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
export const PROXY_REFUSED = 'PROXY_REFUSED';

/** A certificate the endpoint (or proxy) showed is not trusted: the same on every attempt. */
export function isTlsFailure(code: string | undefined): boolean {
  return code !== undefined && TLS_CODES.test(code);
}

/** The request as errors name it: method, label and the path it went to. */
export function describeRequest(req: HttpRequest): string {
  return `${req.method} ${req.url.origin}${req.url.pathname} (${req.label})`;
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; cause?: unknown; name?: unknown };
  if (typeof e.code === 'string') return e.code;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'ETIMEDOUT';
  return errorCode(e.cause);
}

/** undici's failure of one attempt, as a NetworkError that says whether the request may have been sent. */
export function toNetworkError(err: unknown, req: HttpRequest, timeoutMs: number, proxy: URL | undefined): NetworkError {
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
  if (isTlsFailure(code)) {
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
