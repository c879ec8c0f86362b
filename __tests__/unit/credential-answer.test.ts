/**
 * Answers that carry credentials (Aria and CSP logins, the runner's OIDC token, Alibaba STS) are read
 * by src/credential-answer.ts: a 2xx body that is not JSON, or lacks a field, fails without quoting it.
 */
import { describe, expect, test } from '@jest/globals';
import { parseCredentialJson, readCredential } from '../../src/credential-answer.ts';
import { errorMessage } from '../../src/errors.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/http.ts';
import { memoryLogger } from '../../src/log.ts';
import { credentialSource } from '../../src/providers/alibaba-logstash/credentials.ts';
import { AriaAuth } from '../../src/providers/vmware-aria/auth.ts';
import { simClock } from '../helpers/sim-clock.ts';

const TOKEN = 'eyJhbGciOi.LeakedCredential-Zx81.sig';
/** Not JSON: what a proxy or a misbehaving server may send with a 200, the token inside. */
const garbled = (): HttpResponse => ({
  status: 200,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: `access_token=${TOKEN}&expires_in=3600`,
});

function answering(answer: (req: HttpRequest) => HttpResponse): HttpClient {
  return { send: (req: HttpRequest) => Promise.resolve(answer(req)) } as unknown as HttpClient;
}

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return errorMessage(err);
  }
  throw new Error('expected a failure');
}

describe('credential answers never quote their body', () => {
  test('the helper names status, length and type only', () => {
    const message = failure(Promise.resolve().then(() => parseCredentialJson(garbled(), 'login')));
    return expect(message).resolves.toMatch(
      /^login: HTTP 200 with a body that is not JSON \(\d+ characters, text\/plain; not shown/,
    );
  });

  test('a schema mismatch names the field, not the value', async () => {
    const { z } = await import('zod');
    const res: HttpResponse = { status: 200, headers: {}, body: JSON.stringify({ token: 42, other: TOKEN }) };
    const message = await failure(Promise.resolve().then(() => readCredential(z.object({ token: z.string() }), res, 'login')));
    expect(message).toBe("login: unexpected response (missing or invalid 'token')");
  });

  test('Aria refresh-token login and CSP password login', async () => {
    for (const creds of [
      { kind: 'refresh-token' as const, refreshToken: 'rt' },
      { kind: 'password' as const, username: 'u', password: 'p', domain: 'd' },
    ]) {
      const auth = new AriaAuth(new URL('https://vra.example.com'), creds, answering(garbled), () => undefined);
      const message = await failure(auth.token());
      expect(message).toMatch(/not JSON/);
      expect(message).not.toContain('LeakedCredential');
    }
  });

  test('the GitHub OIDC token and the STS answer', async () => {
    const env = {
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/token',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-1234',
      ALIBABA_CLOUD_STS_ENDPOINT: 'https://sts.example',
    };
    const inputs = {
      'role-arn': 'acs:ram::123456789:role/deploy',
      'oidc-provider-arn': 'acs:ram::123456789:oidc-provider/github',
    };
    const context = (http: HttpClient) => ({
      env,
      http,
      clock: simClock(),
      log: memoryLogger(),
      secret: () => undefined,
      region: undefined,
      allowInsecureHttp: false,
      runId: '1',
    });
    const oidcGarbled = await failure(credentialSource(inputs, context(answering(garbled))).get());
    expect(oidcGarbled).toMatch(/GitHub OIDC token: HTTP 200 with a body that is not JSON/);
    const stsGarbled = answering((req) =>
      req.url.hostname === 'sts.example'
        ? garbled()
        : { status: 200, headers: {}, body: JSON.stringify({ value: 'id-token-xyz' }) },
    );
    const sts = await failure(credentialSource(inputs, context(stsGarbled)).get());
    expect(sts).toMatch(/AssumeRoleWithOIDC: HTTP 200 with a body that is not JSON/);
    for (const m of [oidcGarbled, sts]) expect(m).not.toContain('LeakedCredential');
  });
});
