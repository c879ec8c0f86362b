/**
 * What the bundle loads at start, and the modules the build defers (src/start-path/seam.mjs):
 * a Feldera start over http:// loads none of the Node modules that only other paths need, and each deferred
 * module still does its job when something asks for it.
 */
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runAction } from '../../emulator/run-action.ts';
import { useEmulator } from '../helpers/emulated.ts';

const emu = useEmulator();
const require = createRequire(import.meta.url);

describe('start-up of the main step', () => {
  test('a Feldera start over http:// loads no HTTP/2, TLS, HTTPS, child-process or Node-fetch module', async () => {
    emu.get().configure({ feldera: { pipelines: { orders: {} } } });
    const dir = mkdtempSync(join(tmpdir(), 'run-pipelines-builtins-'));
    const file = join(dir, 'builtins.txt');
    try {
      const run = await runAction({
        inputs: { provider: 'feldera', endpoint: emu.get().url, 'pipeline-ids': 'orders', wait: 'false' },
        env: { NODE_OPTIONS: `--require ${join(ROOT, '__fixtures__', 'loaded-builtins.cjs')}`, LOADED_BUILTINS_FILE: file },
      });
      expect(run.code).toBe(0);
      const loaded = readFileSync(file, 'utf8').split('\n');
      expect(loaded).toEqual(expect.arrayContaining(['http', 'net'])); // the preload saw the request being made
      for (const deferred of ['http2', 'https', 'tls', 'child_process', 'internal/deps/undici/undici']) {
        expect(loaded).not.toContain(deferred);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** The dist/ files a Feldera run of `pipeline` loaded; the zod chunk is the one file holding zod's core. */
  async function chunksLoaded(more: Record<string, string>): Promise<{ loaded: string[]; zodChunk: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'run-pipelines-chunks-'));
    const file = join(dir, 'files.txt');
    try {
      const run = await runAction({
        inputs: { provider: 'feldera', endpoint: emu.get().url, 'pipeline-ids': 'orders', ...more },
        env: { NODE_OPTIONS: `--require ${join(ROOT, '__fixtures__', 'loaded-builtins.cjs')}`, LOADED_FILES_FILE: file },
      });
      expect(run.code).toBe(0);
      const dist = join(ROOT, 'dist');
      const loaded = readFileSync(file, 'utf8')
        .split('\n')
        .filter((f) => f.startsWith(dist))
        .map((f) => f.slice(dist.length + 1));
      const zodChunk = readdirSync(dist).filter(
        (f) => f.endsWith('.js') && readFileSync(join(dist, f), 'utf8').includes('./node_modules/zod/v4/core/'),
      );
      expect(zodChunk).toHaveLength(1);
      return { loaded, zodChunk: zodChunk[0] ?? '' };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test('zod loads only once a response is read: never for a Feldera start without a wait, and at the first status read of a wait', async () => {
    emu.get().configure({ feldera: { pipelines: { orders: {} } } });
    const started = await chunksLoaded({ wait: 'false' });
    expect(started.loaded).toContain('index.js');
    expect(started.loaded.length).toBeGreaterThan(1); // the Feldera adapter's chunk
    expect(started.loaded).not.toContain(started.zodChunk);

    emu.get().configure({ feldera: { pipelines: { orders: {} } } });
    const waited = await chunksLoaded({ wait: 'true', 'poll-interval': '1s', timeout: '30s' });
    expect(waited.loaded).toContain(waited.zodChunk);
  });

  test('dist/ holds one copy of undici', () => {
    const chunks = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'));
    const agents = chunks.map(
      (f) => readFileSync(join(ROOT, 'dist', f), 'utf8').split('class Agent extends DispatcherBase').length - 1,
    );
    expect(agents.reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('deferred modules still work when asked for', () => {
  test('node:http2 stand-in: the constants undici reads are node:http2 own, and connect() opens a real session', async () => {
    const lazy = require('../../src/start-path/http2.cjs') as {
      constants: Record<string, string>;
      connect: typeof http2.connect;
    };
    for (const [name, value] of Object.entries(lazy.constants)) {
      expect(value).toBe((http2.constants as unknown as Record<string, string>)[name]);
    }
    const server = http2.createServer((_req, res) => res.end('h2 ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const session = lazy.connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const stream = session.request({ ':path': '/' });
        let text = '';
        stream.setEncoding('utf8').on('data', (c: string) => (text += c));
        stream.on('end', () => resolve(text)).on('error', reject);
        stream.end();
      });
      expect(body).toBe('h2 ok');
    } finally {
      session.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  test('undici: Agent sends requests, and ProxyAgent, read later, is undici own with the full dispatcher API', async () => {
    const lite = require('../../src/start-path/undici-lite.cjs') as typeof import('undici');
    const server = http.createServer((_req, res) => res.end('{"ok":true}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const agent = new lite.Agent();
    try {
      const res = await agent.request({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        path: '/',
        method: 'GET',
      });
      expect(await res.body.json()).toEqual({ ok: true });
      expect(lite.ProxyAgent).toBe(require('undici/lib/dispatcher/proxy-agent.js'));
      expect(typeof agent.connect).toBe('function');
      expect(typeof agent.stream).toBe('function');
    } finally {
      await agent.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  test('@actions/http-client stand-in: getJson loads the real client and answers as it does', async () => {
    const { HttpClient } = await import('../../src/start-path/http-client.ts');
    const server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ value: req.headers['user-agent'] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const client = new HttpClient('lazy-check');
      const res = await client.getJson<{ value: string }>(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(res.statusCode).toBe(200);
      expect(res.result?.value).toContain('lazy-check');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  test('@actions/exec stand-in: getExecOutput loads the real module and runs the command', async () => {
    const { getExecOutput } = await import('../../src/start-path/exec.ts');
    const out = await getExecOutput(process.execPath, ['-e', 'process.stdout.write("ran")'], { silent: true });
    expect(out).toEqual(expect.objectContaining({ exitCode: 0, stdout: 'ran' }));
  });
});

test('the build leaves none of the deferred packages in the start path', () => {
  const main = readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8');
  expect(main).not.toContain('__WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2")');
  expect(main).not.toMatch(/createRequire\(import\.meta\.url\)\("(node:)?(https|child_process)"\)/);
  expect(execFileSync(process.execPath, ['--check', join(ROOT, 'dist', 'index.js')]).toString()).toBe('');
});
