/**
 * Bytes from a provider are untrusted: every read is capped while it reads (an endless body is cut and
 * its connection dropped), the step's deadline ends requests, retries and Retry-After waits, and ids go
 * into paths as data. Against a real loopback server that streams as long as it is read.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetworkError, ResponseShapeError } from '../../src/errors.ts';
import {
  BodyTooLargeError,
  DEADLINE_PASSED,
  HttpClient,
  MAX_ANSWER_BYTES,
  MAX_ERROR_BODY_BYTES,
  pathSegment,
  withDeadline,
  type HttpRequest,
} from '../../src/http.ts';
import { FelderaClient } from '../../src/providers/feldera/client.ts';
import { felderaLogSources } from '../../src/providers/feldera/logs.ts';
import { MAX_LINE_CHARS } from '../../src/remote-logs.ts';
import type { EndedRun } from '../../src/providers/types.ts';

let server: Server;
let base: string;
/** Per path: bytes the server wrote before the client dropped the connection, and whether it did. */
const sent = new Map<string, { bytes: number; closed: boolean }>();
const seen: string[] = [];

/** Writes `piece` for as long as the client reads (with backpressure), until the connection closes. */
function endless(res: ServerResponse, path: string, piece: Buffer): void {
  const record = { bytes: 0, closed: false };
  sent.set(path, record);
  res.on('close', () => (record.closed = true));
  const pump = (): void => {
    while (!res.destroyed) {
      record.bytes += piece.length;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
  };
  pump();
}

const CHUNK = Buffer.alloc(64 * 1024, 'x');

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push(path);
    if (path === '/endless-json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return endless(res, path, Buffer.from(`{"status":"${'a'.repeat(60_000)}",`));
    }
    if (path === '/endless-error') {
      res.writeHead(500, { 'content-type': 'text/html' });
      return endless(res, path, CHUNK);
    }
    if (path === '/claims-a-gigabyte') {
      res.writeHead(200, { 'content-length': String(1024 ** 3) });
      return endless(res, path, CHUNK);
    }
    if (path === '/v0/pipelines/p/logs') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first line\n');
      return endless(res, path, CHUNK); // one line that never ends
    }
    if (path === '/throttled') {
      res.writeHead(429, { 'retry-after': '120' });
      return void res.end('{}');
    }
    if (path === '/silent') return; // never answers
    res.writeHead(200);
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

const req = (path: string, more: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  url: new URL(base + path),
  label: `status of ${path.slice(1)}`,
  idempotent: true,
  ...more,
});

/** Loopback socket buffers let the server write ahead of the reader; the reader held at most the cap. */
const SOCKET_SLACK = 32 * 1024 * 1024;

/** Waits until the server saw its connection closed: the client destroyed the body, it did not read on. */
async function closedByClient(path: string): Promise<{ bytes: number; closed: boolean }> {
  for (let i = 0; i < 200 && !sent.get(path)?.closed; i++) await new Promise((r) => setTimeout(r, 10));
  return sent.get(path) ?? { bytes: 0, closed: false };
}

describe('bounded reads', () => {
  // A request timeout far beyond the test's own: only the cap can end these reads.
  const http = new HttpClient({ requestTimeoutMs: 600_000, maxAttempts: 3 });
  afterAll(() => http.close());

  test('an endless 2xx answer is cut at MAX_ANSWER_BYTES, once, with an error naming the request', async () => {
    const err = await http.send(req('/endless-json')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyTooLargeError);
    expect(err).toBeInstanceOf(ResponseShapeError); // transient to the poller: polled again next round
    expect((err as Error).message).toBe(
      `GET ${base}/endless-json (status of endless-json): HTTP 200 with a body over 4 MiB; the read was stopped there`,
    );
    const server = await closedByClient('/endless-json');
    expect(server.closed).toBe(true);
    expect(server.bytes).toBeLessThan(MAX_ANSWER_BYTES + SOCKET_SLACK);
    expect(seen.filter((p) => p === '/endless-json')).toHaveLength(1); // not retried
  });

  test('an endless error answer is cut at MAX_ERROR_BODY_BYTES; a request may ask for a larger cap', async () => {
    const err = await http.send(req('/endless-error')).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(
      /^GET .*\/endless-error \(status of endless-error\): HTTP 500 with a body over 64 KiB/,
    );
    expect((await closedByClient('/endless-error')).bytes).toBeLessThan(MAX_ERROR_BODY_BYTES + SOCKET_SLACK);

    const big = await http.send(req('/claims-a-gigabyte', { maxBodyBytes: 8 * 1024 * 1024 })).catch((e: unknown) => e);
    expect((big as Error).message).toMatch(/HTTP 200 with a body over 8 MiB/);
    expect((await closedByClient('/claims-a-gigabyte')).closed).toBe(true);
  });

  test('one endless Feldera log line is reported cut at MAX_LINE_CHARS and the rest dropped as it comes', async () => {
    const client = new FelderaClient({ base: new URL(base), http });
    const run = { handle: { pipeline: 'p' } } as EndedRun;
    const [source] = felderaLogSources(client, [run]);
    const lines: string[] = [];
    const stop = new AbortController();
    const reading = source?.read((line) => {
      lines.push(line);
    }, stop.signal);
    // Stop once the server has pushed far more than any cap: every byte of it went through the reader.
    while ((sent.get('/v0/pipelines/p/logs')?.bytes ?? 0) < 16 * 1024 * 1024) await new Promise((r) => setTimeout(r, 5));
    stop.abort();
    await reading;
    expect(lines[0]).toBe('first line');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toHaveLength(MAX_LINE_CHARS + 1); // one over: the log printer marks it "[line cut]"
  });
});

describe("the step's deadline", () => {
  test('a request that gets no answer ends at the deadline, not at the request timeout', async () => {
    const http = new HttpClient({ requestTimeoutMs: 600_000 });
    const at = Date.now() + 300;
    const err = await withDeadline({ remainingMs: () => at - Date.now() }, () => http.send(req('/silent'))).catch(
      (e: unknown) => e,
    );
    await http.close();
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).code).toBe(DEADLINE_PASSED);
    expect((err as Error).message).toMatch(/^GET .*\/silent \(status of silent\): no answer before the step's timeout ran out$/);
  });

  test('a Retry-After beyond the deadline is not waited out; after the deadline nothing is sent', async () => {
    const lines: string[] = [];
    const http = new HttpClient({ log: (l) => lines.push(l) });
    const res = await withDeadline({ remainingMs: () => 60_000 }, () => http.send(req('/throttled', { method: 'POST' })));
    expect(res).toMatchObject({ status: 429, attempts: 1 });
    expect(lines).toEqual(["status of throttled: HTTP 429; not retried in 120.0s: the step's timeout comes first"]);

    const before = seen.length;
    const late = await withDeadline({ remainingMs: () => 0 }, () => http.send(req('/late'))).catch((e: unknown) => e);
    await http.close();
    expect((late as NetworkError).code).toBe(DEADLINE_PASSED);
    expect(seen.length).toBe(before);
  });
});

test('an id is one path segment: encoded, and never a dot segment', () => {
  expect(pathSegment('../../x')).toBe('..%2F..%2Fx');
  expect(pathSegment('a b?c#d')).toBe('a%20b%3Fc%23d');
  for (const bad of ['', '.', '..']) expect(() => pathSegment(bad)).toThrow(ResponseShapeError);
});
