/**
 * The provider emulator: one HTTP(S) server on loopback that answers each provider's API as the
 * provider notes describe, with scripted state machines and failures. Control endpoints under
 * /__emulator/ let a test or the demo set scenarios and read what was requested.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { AlibabaLogstashEmulator } from './alibaba-logstash.ts';
import { FaultInjector, spoil, type FaultAction } from './faults.ts';
import { FelderaEmulator } from './feldera.ts';
import { CodeArtsEmulator } from './huawei-codearts.ts';
import type { EmuRequest, EmuResponse, ProviderEmulator } from './types.ts';
import { AriaEmulator } from './vmware-aria.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  /** 0 when a fault closed the connection without an answer. */
  status: number;
  at: number;
  /** The fault injected into this request, if any. */
  fault?: string;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  tls?: { key: string; cert: string };
  /** Called as each request arrives, before its body is read: the benchmark times arrivals and in-flight requests. */
  onRequest?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Asked for a fault when no configured rule hits the request: the soak's random faults (bench/soak.ts). */
  pickFault?: (method: string, path: string) => FaultAction | undefined;
}

export interface Emulator {
  url: string;
  providers: Map<string, ProviderEmulator>;
  requests: RecordedRequest[];
  faults: FaultInjector;
  /** Provider scenarios by provider name, plus `faults`: the fault rules (see faults.ts). */
  configure(config: Record<string, unknown>): void;
  close(): Promise<void>;
}

/** Every provider module the emulator serves; each claims its own paths. */
export function providerModules(): ProviderEmulator[] {
  return [new FelderaEmulator(), new AriaEmulator(), new CodeArtsEmulator(), new AlibabaLogstashEmulator()];
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const providers = new Map(providerModules().map((p) => [p.name, p]));
  const requests: RecordedRequest[] = [];
  const faults = new FaultInjector();
  const configure = (config: Record<string, unknown>): void => {
    requests.length = 0;
    faults.configure(config['faults']);
    for (const [name, value] of Object.entries(config)) {
      if (name === 'faults') continue;
      const p = providers.get(name);
      if (!p) throw new Error(`emulator: no provider '${name}'`);
      p.configure(value);
    }
  };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    options.onRequest?.(req, res);
    void serve(req, res, { providers, requests, faults, configure, pickFault: options.pickFault });
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    providers,
    requests,
    faults,
    configure,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface ServerState {
  providers: Map<string, ProviderEmulator>;
  requests: RecordedRequest[];
  faults: FaultInjector;
  configure: (c: Record<string, unknown>) => void;
  pickFault?: ((method: string, path: string) => FaultAction | undefined) | undefined;
}

async function serve(req: IncomingMessage, res: ServerResponse, state: ServerState): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const isControl = url.pathname.startsWith('/__emulator/');
  const method = req.method ?? 'GET';
  const fault = isControl ? undefined : (state.faults.take(method, url.pathname) ?? state.pickFault?.(method, url.pathname));
  if (fault?.kind === 'reset-before-read') {
    state.requests.push(record(emuRequest(req, url, ''), 0, fault.kind));
    req.socket.destroy();
    return;
  }
  const emuReq = emuRequest(req, url, await readBody(req));
  let out: EmuResponse;
  try {
    if (isControl) out = control(emuReq, state);
    else if (fault?.kind === 'respond') out = { status: fault.status, headers: fault.headers ?? {}, body: fault.body };
    else out = (await dispatch(emuReq, state.providers)) ?? notFound(emuReq);
  } catch (err) {
    out = { status: 500, body: { message: `emulator error: ${err instanceof Error ? err.message : String(err)}` } };
  }
  const final = fault ? spoil(fault, out) : out;
  if (!isControl) state.requests.push(record(emuReq, final?.status ?? 0, fault?.kind));
  if (final === undefined) {
    res.socket?.destroy();
    return;
  }
  await delayFor(fault);
  if (!res.destroyed && !res.socket?.destroyed) send(res, final);
}

function emuRequest(req: IncomingMessage, url: URL, body: string): EmuRequest {
  return { method: req.method ?? 'GET', url, path: url.pathname, query: url.searchParams, headers: req.headers, body };
}

function notFound(req: EmuRequest): EmuResponse {
  return { status: 404, body: { message: `emulator: no route for ${req.method} ${req.path}` } };
}

function delayFor(fault: FaultAction | undefined): Promise<void> {
  if (fault?.kind !== 'delay') return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, fault.ms).unref());
}

async function dispatch(req: EmuRequest, providers: Map<string, ProviderEmulator>): Promise<EmuResponse | undefined> {
  for (const p of providers.values()) {
    const out = await p.handle(req);
    if (out !== undefined) return out;
  }
  return undefined;
}

function control(req: EmuRequest, state: ServerState): EmuResponse {
  if (req.path === '/__emulator/config' && req.method === 'POST') {
    state.configure(JSON.parse(req.body || '{}') as Record<string, unknown>);
    return { status: 204 };
  }
  if (req.path === '/__emulator/requests') return { status: 200, body: state.requests };
  if (req.path === '/__emulator/stats') {
    const providers = Object.fromEntries([...state.providers].map(([n, p]) => [n, p.stats()]));
    return { status: 200, body: { ...providers, faults: state.faults.stats() } };
  }
  return { status: 404, body: { message: 'unknown control endpoint' } };
}

function record(req: EmuRequest, status: number, fault?: string): RecordedRequest {
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
    ...(fault !== undefined ? { fault } : {}),
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
  if (out.stream) return sendStream(res, out, out.stream);
  const isText = typeof out.body === 'string';
  const payload = out.body === undefined ? '' : isText ? (out.body as string) : JSON.stringify(out.body);
  const headers: Record<string, string> = { ...out.headers };
  if (payload !== '' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json';
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}

/** A chunked text body that stays open until the client leaves (or the stream ends it). */
function sendStream(res: ServerResponse, out: EmuResponse, stream: NonNullable<EmuResponse['stream']>): void {
  const closed = new AbortController();
  res.on('close', () => closed.abort());
  res.writeHead(out.status, { 'content-type': 'text/plain; charset=utf-8', ...out.headers });
  res.flushHeaders();
  stream((chunk) => {
    if (!res.destroyed) res.write(chunk);
  }, closed.signal);
}
