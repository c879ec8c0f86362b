/**
 * Proxies, through dist/index.js and a real forward proxy on loopback. The endpoint's host name is one
 * only the test proxy resolves (to the emulator): a request that skips the proxy cannot reach it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../../emulator/run-action.ts';
import { startEmulator, type Emulator } from '../../emulator/server.ts';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.ts';
import { feldera } from '../helpers/reliability-rows.ts';

const HOST = 'feldera.pipelines.test';
const USER = 'build-bot';
/** Characters that must be percent-encoded in the URL, to prove the decoding. */
const PASSWORD = 'Pr0xy-p@ss:w0rd';
const PROXY_AUTH_IN_URL = `${USER}:${encodeURIComponent(PASSWORD)}`;

/** A private CA and a certificate for HOST signed by it, made for this run with openssl. */
function makeCertificates(dir: string): { ca: string; key: string; cert: string } {
  const ossl = (...args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore', cwd: dir });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ossl('req', '-x509', ...ec, '-days', '1', '-subj', '/CN=Proxy test CA', '-keyout', 'ca.key', '-out', 'ca.pem');
  ossl('req', ...ec, '-subj', `/CN=${HOST}`, '-keyout', 'leaf.key', '-out', 'leaf.csr');
  writeFileSync(join(dir, 'leaf.ext'), `subjectAltName=DNS:${HOST}\n`);
  const sign = ['-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '2', '-days', '1', '-extfile', 'leaf.ext'];
  ossl('x509', '-req', '-in', 'leaf.csr', ...sign, '-out', 'leaf.pem');
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
  return { ca: read('ca.pem'), key: read('leaf.key'), cert: read('leaf.pem') };
}

const scenario = (pipeline: string): Record<string, unknown> => ({
  feldera: { apiKey: feldera.secrets[0], pipelines: { [pipeline]: { provisionMs: 40, initializeMs: 20 } } },
});

function inputs(endpoint: string, pipeline: string, more: Record<string, string> = {}): Record<string, string> {
  return { ...feldera.inputs(endpoint, [pipeline]), timeout: '20s', 'poll-interval': '1s', ...more };
}

const exposed = (run: ActionRun): string =>
  [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, JSON.stringify(run.outputs), run.summary].join('\n');

describe('through a forward proxy', () => {
  let dir = '';
  let tls: { ca: string; key: string; cert: string };
  let plain: Emulator;
  let secure: Emulator;
  let proxy: ForwardProxy;
  let guarded: ForwardProxy;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'proxy-tls-'));
    tls = makeCertificates(dir);
    plain = await startEmulator();
    secure = await startEmulator({ tls: { key: tls.key, cert: tls.cert } });
    proxy = await startForwardProxy({ hosts: { [HOST]: Number(new URL(plain.url).port) } });
    guarded = await startForwardProxy({
      hosts: { [HOST]: Number(new URL(secure.url).port) },
      credentials: { user: USER, password: PASSWORD },
    });
  });
  afterAll(async () => {
    await Promise.all([plain.close(), secure.close(), proxy.close(), guarded.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('http:// endpoint: sent to HTTP_PROXY in absolute form', async () => {
    plain.configure(scenario('plain'));
    proxy.seen.length = 0;
    const run = await runAction({
      inputs: inputs(`http://${HOST}`, 'plain', { 'allow-insecure-http': 'true' }),
      env: { HTTP_PROXY: proxy.url, RUNNER_DEBUG: '1' },
    });
    expect(run.outputs['conclusion']).toBe('success');
    expect(proxy.seen.length).toBeGreaterThan(1);
    // The pipeline's calls, and the one read of the server's version (GET /v0/config) a Feldera step makes.
    expect(
      proxy.seen.every(
        (r) => r.kind === 'forward' && /^\/v0\/(pipelines\/plain|config$)/.test(r.target.slice(`http://${HOST}`.length)),
      ),
    ).toBe(true);
    expect(plain.requests.some((r) => r.method === 'POST' && r.path === '/v0/pipelines/plain/start')).toBe(true);
    expect(run.stdout).toContain(`through the proxy ${proxy.url}`);
  });

  test('https:// endpoint: CONNECT tunnel with proxy credentials, ca-certificate trusted inside; the password is masked', async () => {
    secure.configure(scenario('secure'));
    guarded.seen.length = 0;
    const proxyUrl = guarded.url.replace('//', `//${PROXY_AUTH_IN_URL}@`);
    const run = await runAction({
      inputs: inputs(`https://${HOST}`, 'secure', { 'ca-certificate': tls.ca }),
      // Lower case, as many images set it; the upper-case one would point nowhere.
      env: { https_proxy: proxyUrl, HTTPS_PROXY: 'http://127.0.0.1:9', RUNNER_DEBUG: '1' },
    });
    expect(run.outputs['conclusion']).toBe('success');
    const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    expect(guarded.seen.length).toBeGreaterThan(0);
    for (const r of guarded.seen) expect(r).toEqual({ kind: 'connect', target: `${HOST}:443`, authorization: basic });
    expect(secure.requests.some((r) => r.method === 'POST' && r.path === '/v0/pipelines/secure/start')).toBe(true);
    expect(run.stdout).toContain(`::add-mask::${PASSWORD}`);
    for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), ...feldera.secrets]) expect(exposed(run)).not.toContain(secret);
  });

  test('wrong proxy credentials: one clear failure naming the 407, nothing reaches the endpoint', async () => {
    secure.configure(scenario('refused'));
    const run = await runAction({
      inputs: inputs(`https://${HOST}`, 'refused', { 'ca-certificate': tls.ca }),
      env: { HTTPS_PROXY: guarded.url.replace('//', `//${USER}:wrong-Passw0rd@`) },
    });
    expect(run.outputs['conclusion']).toBe('failure');
    expect(run.stdout).toMatch(/via proxy http:\/\/127\.0\.0\.1:\d+: the proxy answered 407: check the user and password/);
    expect(run.stdout).not.toMatch(/retry 1 of/);
    expect(exposed(run)).not.toContain('wrong-Passw0rd');
    expect(secure.requests).toHaveLength(0);
  });

  test('NO_PROXY bypass: the proxy sees nothing and the direct attempt fails on the name', async () => {
    proxy.seen.length = 0;
    const run = await runAction({
      inputs: inputs(`https://${HOST}`, 'bypassed', { 'ca-certificate': tls.ca }),
      env: {
        HTTPS_PROXY: proxy.url,
        NO_PROXY: 'localhost, .pipelines.test:443',
        RUN_PIPELINES_REQUEST_TIMEOUT: '2s',
      },
    });
    expect(run.outputs['conclusion']).toBe('failure');
    expect(run.stdout).toMatch(/ENOTFOUND|EAI_AGAIN/);
    expect(run.stdout).not.toContain('via proxy');
    expect(proxy.seen).toHaveLength(0);
  });
});
