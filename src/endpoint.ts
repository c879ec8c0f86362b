/**
 * Endpoint rules shared by every provider: a base URL must be https unless it points at this
 * machine or the user explicitly allows plain http.
 */
import { InputError } from './errors.ts';

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOST.test(url.hostname);
}

/** Parses and checks a base URL; `input` names where it came from for the error message. */
export function checkEndpoint(raw: string, input: string, allowInsecureHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(input, `must be an http(s):// URL (got '${raw}')`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(input, `must be an https:// URL (got '${url.protocol}')`);
  }
  if (url.protocol === 'http:' && !isLoopback(url) && !allowInsecureHttp) {
    throw new InputError(
      input,
      `must use https:// for a host that is not loopback (got ${url.origin}); set allow-insecure-http: true to allow it`,
    );
  }
  if (url.username || url.password) throw new InputError(input, 'must not carry credentials in the URL');
  url.pathname = url.pathname.replace(/\/+$/, '');
  url.search = '';
  url.hash = '';
  return url;
}

/** Joins a base URL (which may have a path prefix) and an API path. */
export function joinUrl(base: URL, path: string, query?: Record<string, string | undefined>): URL {
  const url = new URL(base.href.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
  return url;
}
