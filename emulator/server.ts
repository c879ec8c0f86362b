/**
 * The provider emulator: one HTTP(S) server on loopback that answers each provider's API as the
 * provider notes describe, with scripted state machines and failures. Control endpoints under
 * /__emulator/ let a test or the demo set scenarios and read what was requested.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { FelderaEmulator } from './feldera.ts';
import type { EmuRequest, EmuResponse, ProviderEmulator } from './types.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  status: number;
  at: number;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  tls?: { key: string; cert: string };
  /** Called as each request arrives, before its body is read: the benchmark times arrivals and in-flight requests. */
  onRequest?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface Emulator {
  url: string;
  providers: Map<string, ProviderEmulator>;
  requests: RecordedRequest[];
  configure(config: Record<string, unknown>): void;
  close(): Promise<void>;
}

/** Every provider module the emulator serves; each claims its own paths. */
export function providerModules(): ProviderEmulator[] {
  return [new FelderaEmulator()];
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const providers = new Map(providerModules().map((p) => [p.name, p]));
  const requests: RecordedRequest[] = [];
  const configure = (config: Record<string, unknown>): void => {
    requests.length = 0;
    for (const [name, value] of Object.entries(config)) {
      const p = providers.get(name);
      if (!p) throw new Error(`emulator: no provider '${name}'`);
      p.configure(value);
    }
  };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    options.onRequest?.(req, res);
    void serve(req, res, providers, requests, configure);
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    providers,
    requests,
    configure,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  providers: Map<string, ProviderEmulator>,
  requests: RecordedRequest[],
  configure: (c: Record<string, unknown>) => void,
): Promise<void> {
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://emulator');
  const emuReq: EmuRequest = {
    method: req.method ?? 'GET',
    url,
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body,
  };
  let out: EmuResponse;
  try {
    out = url.pathname.startsWith('/__emulator/')
      ? control(emuReq, providers, requests, configure)
      : ((await dispatch(emuReq, providers)) ?? {
          status: 404,
          body: { message: `emulator: no route for ${emuReq.method} ${url.pathname}` },
        });
  } catch (err) {
    out = { status: 500, body: { message: `emulator error: ${err instanceof Error ? err.message : String(err)}` } };
  }
  if (!url.pathname.startsWith('/__emulator/')) requests.push(record(emuReq, out.status));
  send(res, out);
}

async function dispatch(req: EmuRequest, providers: Map<string, ProviderEmulator>): Promise<EmuResponse | undefined> {
  for (const p of providers.values()) {
    const out = await p.handle(req);
    if (out !== undefined) return out;
  }
  return undefined;
}

function control(
  req: EmuRequest,
  providers: Map<string, ProviderEmulator>,
  requests: RecordedRequest[],
  configure: (c: Record<string, unknown>) => void,
): EmuResponse {
  if (req.path === '/__emulator/config' && req.method === 'POST') {
    configure(JSON.parse(req.body || '{}') as Record<string, unknown>);
    return { status: 204 };
  }
  if (req.path === '/__emulator/requests') return { status: 200, body: requests };
  if (req.path === '/__emulator/stats') {
    return { status: 200, body: Object.fromEntries([...providers].map(([n, p]) => [n, p.stats()])) };
  }
  return { status: 404, body: { message: 'unknown control endpoint' } };
}

function record(req: EmuRequest, status: number): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  return {
    method: req.method,
    path: req.path,
    query: Object.fromEntries(req.query),
    headers,
    body: req.body,
    status,
    at: Date.now(),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, out: EmuResponse): void {
  const isText = typeof out.body === 'string';
  const payload = out.body === undefined ? '' : isText ? (out.body as string) : JSON.stringify(out.body);
  const headers: Record<string, string> = { ...out.headers };
  if (payload !== '' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json';
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}
