/** Login, renewal after a 401, error bodies, default comments, and the ca-certificate over TLS. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startEmulator, type Emulator } from '../../emulator/server.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/http.ts';
import { memoryLogger } from '../../src/log.ts';
import { AriaAuth } from '../../src/providers/vmware-aria/auth.ts';
import { AriaClient } from '../../src/providers/vmware-aria/client.ts';
import { describeAriaError } from '../../src/providers/vmware-aria/errors.ts';
import { defaultComments } from '../../src/providers/vmware-aria/settings.ts';
import { prepareStep } from '../../src/setup.ts';

const BASE = new URL('https://vra.example.com');
const res = (status: number, body: unknown): HttpResponse => ({ status, headers: {}, body: JSON.stringify(body) });

/** An HttpClient stand-in answering from a function and recording what it was sent. */
function fakeHttp(answer: (req: HttpRequest, n: number) => HttpResponse): { http: HttpClient; sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  const http = { send: (req: HttpRequest) => Promise.resolve(answer(req, sent.push(req))) } as unknown as HttpClient;
  return { http, sent };
}

describe('AriaAuth', () => {
  test('a refresh token is exchanged once; the bearer token is masked', async () => {
    const masked: string[] = [];
    const { http, sent } = fakeHttp(() => res(200, { tokenType: 'Bearer', token: 'bearer-1' }));
    const auth = new AriaAuth(BASE, { kind: 'refresh-token', refreshToken: 'rt' }, http, (s) => masked.push(s));
    expect(await Promise.all([auth.token(), auth.token()])).toEqual(['bearer-1', 'bearer-1']);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url.href).toBe('https://vra.example.com/iaas/api/login');
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ refreshToken: 'rt' });
    expect(masked).toEqual(['bearer-1']);
  });

  test('concurrent 401s with the same token share one login; an older token takes the newer one', async () => {
    let n = 0;
    const { http, sent } = fakeHttp(() => res(200, { tokenType: 'bearer', token: `bearer-${++n}` }));
    const auth = new AriaAuth(BASE, { kind: 'refresh-token', refreshToken: 'rt' }, http, () => undefined);
    const first = await auth.token();
    const renewed = await Promise.all([auth.renew(first), auth.renew(first), auth.renew(first)]);
    expect(renewed).toEqual(['bearer-2', 'bearer-2', 'bearer-2']);
    expect(await auth.renew(first)).toBe('bearer-2');
    expect(sent).toHaveLength(2);
  });

  test('user name and password get a refresh token first, which later renewals reuse', async () => {
    const masked: string[] = [];
    let n = 0;
    const { http, sent } = fakeHttp((req) =>
      req.url.pathname.startsWith('/csp/') ? res(200, { refresh_token: 'issued-rt' }) : res(200, { token: `b${++n}` }),
    );
    const auth = new AriaAuth(BASE, { kind: 'password', username: 'u', password: 'p', domain: 'd' }, http, (s) => masked.push(s));
    await auth.renew(await auth.token());
    expect(sent.map((r) => r.url.pathname + r.url.search)).toEqual([
      '/csp/gateway/am/api/login?access_token=',
      '/iaas/api/login',
      '/iaas/api/login',
    ]);
    expect(JSON.parse(sent[2]?.body ?? '')).toEqual({ refreshToken: 'issued-rt' });
    expect(masked).toEqual(['issued-rt', 'b1', 'b2']);
  });

  test('a UPN is tried split, then whole with its domain kept (PowervRA); never more than two password logins a step', async () => {
    const refused = res(400, { serverMessage: 'REST error received: {"error":"invalid_grant"}' });
    const { http, sent } = fakeHttp(() => refused);
    const auth = new AriaAuth(BASE, { kind: 'password', username: 'jdoe@corp.local', password: 'pw' }, http, () => undefined);
    await expect(auth.token()).rejects.toThrow(/400/);
    expect(sent.map((r) => JSON.parse(r.body ?? '') as unknown)).toEqual([
      { username: 'jdoe', password: 'pw', domain: 'corp.local' },
      { username: 'jdoe@corp.local', password: 'pw', domain: 'corp.local' },
    ]);
    // Sent once each: the HTTP layer repeats a non-idempotent request only when it provably never left.
    expect(sent.every((r) => !r.idempotent)).toBe(true);
    // Whatever asks next (another request, a renewal after a 401) sends no third password login.
    await expect(auth.token()).rejects.toThrow('2 password logins were already sent in this step');
    await expect(auth.renew('stale')).rejects.toThrow('2 password logins were already sent in this step');
    expect(sent).toHaveLength(2);
  });

  test('a plain user name refused once may be tried once more in the step, then no more', async () => {
    const { http, sent } = fakeHttp(() => res(400, { message: 'Invalid username or password' }));
    const auth = new AriaAuth(BASE, { kind: 'password', username: 'u', password: 'p', domain: 'd' }, http, () => undefined);
    await expect(auth.token()).rejects.toThrow(/400/);
    await expect(auth.token()).rejects.toThrow(/400/);
    await expect(auth.token()).rejects.toThrow('2 password logins were already sent in this step');
    expect(sent).toHaveLength(2);
  });

  test('a token type other than Bearer is refused', async () => {
    const { http } = fakeHttp(() => res(200, { tokenType: 'MAC', token: 't' }));
    const auth = new AriaAuth(BASE, { kind: 'refresh-token', refreshToken: 'rt' }, http, () => undefined);
    await expect(auth.token()).rejects.toThrow("login returned a 'MAC' token where a Bearer token was expected");
  });

  test('a login answer without the token names the field and does not echo the body', async () => {
    const { http } = fakeHttp(() => res(200, { tokenType: 'Bearer', secretish: 'do-not-print' }));
    const auth = new AriaAuth(BASE, { kind: 'refresh-token', refreshToken: 'rt' }, http, () => undefined);
    await expect(auth.token()).rejects.toThrow("login: unexpected response (missing or invalid 'token')");
  });
});

describe('AriaClient', () => {
  test('a 401 on execute is answered by one login and one resend with the new token', async () => {
    let logins = 0;
    const { http, sent } = fakeHttp((req) => {
      if (req.url.pathname === '/iaas/api/login') return res(200, { token: `b${++logins}` });
      if (req.headers?.['authorization'] === 'Bearer b1')
        return res(401, { status: 401, error: 'Unauthorized', message: 'Token expired' });
      return res(202, { executionId: 'x', executionIndex: 3, executionLink: '/codestream/api/executions/x' });
    });
    const client = new AriaClient(
      BASE,
      http,
      new AriaAuth(BASE, { kind: 'refresh-token', refreshToken: 'rt' }, http, () => undefined),
    );
    const out = await client.execute({ project: 'My Proj', name: 'app' }, { comments: 'c', input: {} });
    expect(out).toMatchObject({ executionId: 'x', executionIndex: 3 });
    const executes = sent.filter((r) => r.url.pathname.endsWith('/executions'));
    expect(executes.map((r) => r.headers?.['authorization'])).toEqual(['Bearer b1', 'Bearer b2']);
    expect(executes[0]?.url.href).toBe(
      'https://vra.example.com/codestream/api/pipelines/My%20Proj/app/executions?apiVersion=2019-10-17',
    );
    expect(executes[0]?.idempotent).toBe(false);
  });

  test('a second 401 right after a fresh login fails with Code Stream’s message', async () => {
    const { http } = fakeHttp((req) =>
      req.url.pathname === '/iaas/api/login'
        ? res(200, { token: 'b' })
        : res(401, { status: 401, error: 'Unauthorized', message: 'Full authentication is required', requestId: 'r1' }),
    );
    const client = new AriaClient(
      BASE,
      http,
      new AriaAuth(BASE, { kind: 'refresh-token', refreshToken: 'rt' }, http, () => undefined),
    );
    await expect(client.execution('e')).rejects.toThrow(
      'HTTP 401: Unauthorized: Full authentication is required (request id r1)',
    );
  });
});

describe('describeAriaError', () => {
  test.each([
    [
      { status: 404, error: 'Not Found', message: 'Pipeline not found', requestId: 'q' },
      { code: 'Not Found', message: 'Pipeline not found', requestId: 'q' },
    ],
    [
      { message: 'Invalid refresh token', messageId: '90135', errorCode: 90135 },
      { code: '90135', message: 'Invalid refresh token' },
    ],
    [{ status: '400 BAD_REQUEST', error: 'Bad Request', serverMessage: 'invalid_grant' }, { message: 'invalid_grant' }],
    [{ path: '/x', status: 404, error: 'Not Found' }, { message: 'Not Found' }],
  ])('%j', async (body, expected) => {
    expect(await describeAriaError(res(400, body))).toEqual(expected);
  });

  test('a non-JSON body is shown as text; an empty 401 says so', async () => {
    expect(await describeAriaError({ status: 502, headers: {}, body: '<html>Bad gateway</html>' })).toEqual({
      message: '<html>Bad gateway</html>',
    });
    expect(await describeAriaError({ status: 401, headers: {}, body: '' })).toEqual({ message: 'Unauthorized (no body)' });
  });
});

test('default comments name the repository, commit and workflow run', () => {
  expect(
    defaultComments({
      repository: 'o/r',
      sha: 'abcdef0123456789',
      workflow: 'deploy',
      runId: '9',
      runAttempt: '2',
      serverUrl: 'https://ghe.example',
    }),
  ).toBe(
    "Triggered by GitHub Actions: o/r@abcdef012345, workflow 'deploy', run https://ghe.example/o/r/actions/runs/9 (attempt 2)",
  );
  expect(defaultComments({})).toBe('Triggered by GitHub Actions');
});

describe('ca-certificate against a self-signed appliance', () => {
  let dir = '';
  let cert = '';
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aria-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=vra.local',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    emulator = await startEmulator({ tls: { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert } });
    emulator.configure({ 'vmware-aria': { refreshTokens: ['rt'], pipelines: { p: { id: 'p' } } } });
  });
  afterAll(async () => {
    await emulator?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function trigger(ca: string): Promise<string> {
    const inputs: Record<string, string> = {
      provider: 'vmware-aria',
      endpoint: emulator?.url ?? '',
      'pipeline-ids': 'p',
      'refresh-token': 'rt',
      'ca-certificate': ca,
    };
    const step = await prepareStep({ inputs: (n) => inputs[n] ?? '', env: {}, log: memoryLogger(), secret: () => undefined });
    try {
      const { outcomes } = await step.provider.trigger(['p']).catch((e: unknown) => ({ outcomes: [{ error: e as Error }] }));
      const o = outcomes[0];
      return o?.error ? o.error.message : 'started';
    } finally {
      await step.http.close();
    }
  }

  test('without the CA the login fails with a hint; with it, the pipeline starts', async () => {
    expect(await trigger('')).toContain(
      "TLS certificate not trusted (DEPTH_ZERO_SELF_SIGNED_CERT); give the endpoint's CA in 'ca-certificate'",
    );
    expect(await trigger(cert)).toBe('started');
  });
});
