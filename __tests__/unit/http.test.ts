/** The HTTP client against a real loopback server: retries, Retry-After, timeouts, the never-twice rule. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetworkError } from '../../src/errors.ts';
import { HttpClient, type HttpRequest } from '../../src/http.ts';
import { simClock, type SimClock } from '../helpers/sim-clock.ts';

let server: Server;
let base: string;
const hits = new Map<string, number>();
// Each path scripts its answers in order; the last one repeats.
const scripts: Record<string, Array<{ status: number; headers?: Record<string, string>; delayMs?: number }>> = {
  '/flaky': [{ status: 503 }, { status: 503 }, { status: 200 }],
  '/throttled': [{ status: 429, headers: { 'retry-after': '3' } }, { status: 200 }],
  '/down': [{ status: 502 }],
  '/refused-start': [{ status: 400 }, { status: 202 }],
  '/slow': [{ status: 200, delayMs: 400 }],
  '/long-retry-after': [{ status: 503, headers: { 'retry-after': '30' } }],
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = hits.get(path) ?? 0;
    hits.set(path, n + 1);
    const script = scripts[path] ?? [{ status: 200 }];
    const step = script[Math.min(n, script.length - 1)] ?? { status: 200 };
    setTimeout(() => {
      res.writeHead(step.status, step.headers);
      res.end(JSON.stringify({ n }));
    }, step.delayMs ?? 0);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Starts at the machine's time: Retry-After dates are compared with it. */
const fakeClock = (): SimClock => simClock(Date.now());

const req = (path: string, more: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  url: new URL(base + path),
  label: `call ${path}`,
  idempotent: true,
  ...more,
});

describe('HttpClient', () => {
  test('retries 5xx on idempotent requests with jittered backoff and logs each retry', async () => {
    const clock = fakeClock();
    const lines: string[] = [];
    const http = new HttpClient({ clock, log: (l) => lines.push(l) });
    const res = await http.send(req('/flaky'));
    expect(res.status).toBe(200);
    // The answer says it came to the third attempt: a caller can tell a repeat's refusal from a first one.
    expect(res.attempts).toBe(3);
    expect(clock.slept).toEqual([250, 500]);
    expect(lines).toEqual(['call /flaky: HTTP 503; retry 1 of 4 in 0.3s', 'call /flaky: HTTP 503; retry 2 of 4 in 0.5s']);
    await http.close();
  });

  test('honours Retry-After', async () => {
    const clock = fakeClock();
    const http = new HttpClient({ clock });
    expect((await http.send(req('/throttled'))).status).toBe(200);
    expect(clock.slept).toEqual([3000]);
    await http.close();
  });

  test('gives up after maxAttempts and returns the last response', async () => {
    hits.delete('/down');
    const http = new HttpClient({ clock: fakeClock(), maxAttempts: 3 });
    expect((await http.send(req('/down'))).status).toBe(502);
    expect(hits.get('/down')).toBe(3);
    await http.close();
  });

  test('never repeats a non-idempotent request that got a response, unless the provider says so', async () => {
    hits.delete('/flaky');
    const http = new HttpClient({ clock: fakeClock() });
    const first = await http.send(req('/flaky', { method: 'POST', idempotent: false }));
    expect([first.status, first.attempts]).toEqual([503, 1]);
    expect(hits.get('/flaky')).toBe(1);
    const res = await http.send(req('/refused-start', { method: 'POST', idempotent: false, retryWhen: (r) => r.status === 400 }));
    expect(res.status).toBe(202);
    await http.close();
  });

  test('retryWhen may be async: error bodies are read with schemas loaded on demand', async () => {
    hits.delete('/refused-start');
    const http = new HttpClient({ clock: fakeClock() });
    const retryWhen = async (r: { status: number }): Promise<boolean> => {
      await new Promise((resolve) => setImmediate(resolve));
      return r.status === 400;
    };
    const res = await http.send(req('/refused-start', { method: 'POST', idempotent: false, retryWhen }));
    expect([res.status, res.attempts]).toEqual([202, 2]);
    await http.close();
  });

  test('onFirstRequestSent runs once, during the first round trip, and never for a client that sent nothing', async () => {
    const events: string[] = [];
    const http = new HttpClient({ clock: fakeClock(), onFirstRequestSent: () => events.push('sent') });
    const first = http.send(req('/slow')).then(() => events.push('answered'));
    await first;
    await http.send(req('/ok'));
    await new Promise((resolve) => setImmediate(resolve));
    // The answer to /slow takes 400 ms: the callback ran while it was awaited, and only once.
    expect(events).toEqual(['sent', 'answered']);
    await http.close();

    // undici's channel is process-wide: another client's request must not count as this one's.
    let called = 0;
    const idle = new HttpClient({ clock: fakeClock(), onFirstRequestSent: () => called++ });
    const other = new HttpClient({ clock: fakeClock() });
    await other.send(req('/ok'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(called).toBe(0);
    await Promise.all([idle.close(), other.close()]);
  });

  test('retries a non-idempotent request when the connection was refused (never sent)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const clock = fakeClock();
    const http = new HttpClient({ clock, maxAttempts: 2 });
    const err = await http
      .send({ method: 'POST', url: new URL(`http://127.0.0.1:${port}/x`), label: 'start', idempotent: false })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).unsent).toBe(true);
    expect(clock.slept).toHaveLength(1);
    await http.close();
  });

  test('a response slower than the request timeout is a network error, not retried when not idempotent', async () => {
    hits.delete('/slow');
    const http = new HttpClient({ clock: fakeClock(), requestTimeoutMs: 100 });
    const err = await http.send(req('/slow', { method: 'POST', idempotent: false })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as Error).message).toMatch(/no response within 0.1s/);
    expect(hits.get('/slow')).toBe(1);
    await http.close();
  });

  test('close() ends a request waiting out a long Retry-After at once', async () => {
    const http = new HttpClient({ requestTimeoutMs: 5000 });
    const started = Date.now();
    const pending = http.send(req('/long-retry-after')).catch((e: unknown) => e);
    setTimeout(() => void http.close(), 200);
    const err = await pending;
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as Error).message).toMatch(/abandoned, the step is ending/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('signs every attempt anew', async () => {
    hits.delete('/flaky');
    let signed = 0;
    const http = new HttpClient({ clock: fakeClock() });
    await http.send(req('/flaky', { sign: () => ({ authorization: `sig-${++signed}` }) }));
    expect(signed).toBe(3);
    await http.close();
  });
});
