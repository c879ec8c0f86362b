/**
 * Which proxy a request goes through, from the variables the GitHub runner and @actions/http-client
 * honour: `https_proxy`/`HTTPS_PROXY` for https:// endpoints, `http_proxy`/`HTTP_PROXY` for http://
 * ones (lower case first, neither falls back to the other), and `no_proxy`/`NO_PROXY` for the hosts
 * that go direct. Loopback hosts always go direct. This module only reads and decides; the proxying
 * dispatcher lives in src/http.ts and is loaded only when a proxy variable is set.
 */
import { isLoopback } from './endpoint.ts';
import { InputError } from './errors.ts';

export interface ProxySettings {
  /** For https:// endpoints (tunnelled with CONNECT). */
  https?: URL;
  /** For http:// endpoints (sent to the proxy in absolute form). */
  http?: URL;
  noProxy: NoProxyRule[];
}

/**
 * One entry of NO_PROXY: `*`, or a host or domain (`example.com`, `.example.com`, `*.example.com`),
 * optionally with `:port`. As with the runner and @actions/http-client, a domain matches itself and
 * every host under it, whichever of the three spellings is used.
 */
export interface NoProxyRule {
  /** Lower case, without a leading `.` or `*.`; '*' matches every host. */
  host: string;
  /** Only requests to this port bypass the proxy; any port when absent. */
  port?: number;
}

const pick = (env: NodeJS.ProcessEnv, lower: string): [string, string] | undefined => {
  for (const name of [lower, lower.toUpperCase()]) {
    const value = env[name]?.trim();
    if (value) return [name, value];
  }
  return undefined;
};

/** Parses the proxy variables; undefined when no proxy is set (the common case, which loads nothing more). */
export function readProxySettings(env: NodeJS.ProcessEnv): ProxySettings | undefined {
  const https = pick(env, 'https_proxy');
  const http = pick(env, 'http_proxy');
  if (https === undefined && http === undefined) return undefined;
  const noProxy = pick(env, 'no_proxy');
  return {
    ...(https ? { https: parseProxyUrl(...https) } : {}),
    ...(http ? { http: parseProxyUrl(...http) } : {}),
    noProxy: noProxy ? parseNoProxy(noProxy[1]) : [],
  };
}

/** `proxy.corp:3128` without a scheme means http://, as with @actions/http-client and curl. */
function parseProxyUrl(variable: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    throw new InputError(variable, 'must be a proxy URL such as http://proxy.example.com:3128 (got an unparsable value)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(variable, `must be an http:// or https:// proxy URL (got ${url.protocol}//…)`);
  }
  // The credentials are decoded when registered as secrets and when undici sends them: a bad escape
  // must be bad input here, said without echoing them.
  for (const part of [url.username, url.password]) {
    try {
      decodeURIComponent(part);
    } catch {
      throw new InputError(
        variable,
        'has a user name or password that is not valid percent-encoding: each "%" must be followed by two hex digits (write a literal "%" as %25)',
      );
    }
  }
  return url;
}

export function parseNoProxy(value: string): NoProxyRule[] {
  return value
    .split(/[,\s]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
    .map(parseNoProxyEntry);
}

function parseNoProxyEntry(entry: string): NoProxyRule {
  if (entry === '*') return { host: '*' };
  // `[::1]:8080`, `host:8080`; a bare IPv6 address has more than one colon and no port.
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  const hostPort = /^([^:]+):(\d+)$/.exec(entry);
  const [host, port] = bracketed ? [`[${bracketed[1]}]`, bracketed[2]] : hostPort ? [hostPort[1], hostPort[2]] : [entry];
  const bare = (host ?? '').replace(/^\*?\./, '');
  return { host: bare, ...(port !== undefined ? { port: Number(port) } : {}) };
}

function defaultPort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** True when NO_PROXY (or loopback) sends the request straight to the host. */
export function bypassesProxy(url: URL, rules: NoProxyRule[]): boolean {
  if (isLoopback(url)) return true;
  const host = url.hostname.toLowerCase();
  const port = defaultPort(url);
  return rules.some(
    (rule) =>
      (rule.port === undefined || rule.port === port) &&
      (rule.host === '*' || host === rule.host || host.endsWith(`.${rule.host}`)),
  );
}

/** The proxy for this endpoint, or undefined for a direct connection. */
export function proxyFor(url: URL, settings: ProxySettings | undefined): URL | undefined {
  if (settings === undefined) return undefined;
  const proxy = url.protocol === 'https:' ? settings.https : settings.http;
  if (proxy === undefined || bypassesProxy(url, settings.noProxy)) return undefined;
  return proxy;
}

/**
 * The proxy URL's credentials, in every form they could be printed in: each is registered as a secret.
 * A user name alone (`http://TOKEN@proxy`) is how some proxies take a token: then it is the secret.
 */
export function proxyCredentials(settings: ProxySettings | undefined): string[] {
  const out = new Set<string>();
  for (const url of [settings?.https, settings?.http]) {
    if (url === undefined) continue;
    const userOnly = url.password === '' ? url.username : '';
    for (const raw of [url.password, url.username && url.password ? `${url.username}:${url.password}` : '', userOnly]) {
      if (raw === '') continue;
      out.add(raw);
      out.add(decodeURIComponent(raw));
    }
  }
  return [...out];
}

/** The proxy URL as it may be printed: no credentials. */
export function describeProxy(url: URL): string {
  return `${url.protocol}//${url.host}`;
}
