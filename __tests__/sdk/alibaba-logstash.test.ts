/**
 * The official Alibaba Cloud clients against the emulator on loopback, in process: the
 * Elasticsearch 2017-06-13 SDK for every Logstash operation the action uses, and
 * @alicloud/credentials' OIDC provider for AssumeRoleWithOIDC. The emulator must accept each
 * SDK signature and the SDK must read each answer into its model; then the action's request for
 * the same operation must match the SDK's, but for the differences listed in ALLOWED_DIFFERENCES.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startEmulator, type Emulator, type RecordedRequest } from '../../emulator/server.ts';
import { realClock } from '../../src/clock.ts';
import { HttpClient } from '../../src/http.ts';
import { memoryLogger } from '../../src/log.ts';
import { LogstashClient } from '../../src/providers/alibaba-logstash/client.ts';
import { credentialSource } from '../../src/providers/alibaba-logstash/credentials.ts';

const require = createRequire(import.meta.url);
type EsModule = typeof import('@alicloud/elasticsearch20170613');
type OpenApiModule = typeof import('@alicloud/openapi-core');
const es = require('@alicloud/elasticsearch20170613') as EsModule;
const { $OpenApiUtil } = require('@alicloud/openapi-core') as OpenApiModule;
const oidcModule = require('@alicloud/credentials/dist/src/providers/oidc_role_arn.js') as {
  default: { builder(): OidcBuilder };
};
const credentialsHttp = require('@alicloud/credentials/dist/src/providers/http.js') as {
  doRequest(req: { protocol: string }): Promise<unknown>;
};

interface OidcBuilder {
  withRoleArn(v: string): OidcBuilder;
  withOIDCProviderArn(v: string): OidcBuilder;
  withOIDCTokenFilePath(v: string): OidcBuilder;
  withRoleSessionName(v: string): OidcBuilder;
  withStsEndpoint(v: string): OidcBuilder;
  build(): { doRequest: (req: { protocol: string }) => Promise<unknown>; getCredentials(): Promise<OidcCredentials> };
}
interface OidcCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
}

/**
 * Where the action's request may differ from the SDK's, and why. Everything else (method, path,
 * query names and values, the set of signed headers, the body) must be equal.
 */
const ALLOWED_DIFFERENCES = {
  'x-acs-signature-nonce': 'a fresh nonce per request (SDK: 64 hex characters, action: a UUID)',
  'x-acs-date': 'the time of signing',
  authorization: 'the signature over a different nonce and date; its SignedHeaders are compared',
  'user-agent': 'each client names itself',
  'x-acs-credentials-provider': 'only the SDK sends it (static_ak, static_sts): telemetry, signed by the SDK only',
  'content-length/transfer-encoding': 'the SDK streams bodies chunked; the action sends a Content-Length',
  'header case': 'the emulator records lower-case names; HTTP header names are case-insensitive',
  'query order': 'the SDK sorts its query; the canonical query is sorted anyway, so only names and values are compared',
} as const;

const AK = 'LTAI5tSdkAccessKeyId';
const SK = 'sdkAccessKeySecretValue0123456789';
const INSTANCE = 'ls-cn-sdk000000001';
const OIDC = {
  requestToken: 'sdk-oidc-request-token',
  roleArn: 'acs:ram::1234567890123456:role/deployer',
  oidcProviderArn: 'acs:ram::1234567890123456:oidc-provider/github',
};

let emu: Emulator;
let dir: string;
beforeAll(async () => {
  emu = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'sdk-alibaba-'));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

/** How long a deploy keeps the instance activating. */
const DEPLOY_MS = 20;

function configure(pipelines: Record<string, object> = { p_main: {}, 'p-two': {} }): void {
  emu.configure({
    'alibaba-logstash': {
      accessKeys: { [AK]: SK },
      oidc: OIDC,
      // Tens of milliseconds: the deploy takes effect almost at once.
      instances: { [INSTANCE]: { pipelines, deployDelayMs: 0, deployMs: DEPLOY_MS } },
    },
  });
}

function sdkClient(creds: { accessKeyId: string; accessKeySecret: string; securityToken?: string }) {
  const config = new $OpenApiUtil.Config({
    ...creds,
    endpoint: new URL(emu.url).host,
    protocol: 'http',
    regionId: 'cn-hangzhou',
  });
  const client = new es.default(config);
  // Keep each raw answer (body map) for the strict model check; the call itself is unchanged.
  const callApi = client.callApi.bind(client);
  client.callApi = async (...args: Parameters<typeof callApi>) => {
    const answer = await callApi(...args);
    rawAnswers.push((answer as { body?: unknown }).body);
    return answer;
  };
  return client;
}

function actionClient(http: HttpClient, creds: { accessKeyId: string; accessKeySecret: string; securityToken?: string }) {
  return new LogstashClient({
    base: new URL(emu.url),
    instanceId: INSTANCE,
    http,
    credentials: () => Promise.resolve(creds),
    clock: realClock,
  });
}

const last = (): RecordedRequest => {
  const r = emu.requests.at(-1);
  if (!r) throw new Error('no request recorded');
  return r;
};

type ModelClass = { names(): Record<string, string>; types(): Record<string, unknown> };
type Container = { type: string; itemType?: FieldType; valueType?: FieldType };
type FieldType = string | ModelClass | Container;

/**
 * The SDK drops fields its model does not know and coerces nothing, so "read into the model" is
 * checked strictly: every field of the emulator's answer must be one the model declares, of the
 * declared kind, at every depth. Returns the mismatches as `path: why`.
 */
function modelMismatches(model: ModelClass, raw: unknown, at = ''): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [`${at || '.'}: not an object`];
  const names = model.names();
  const types = model.types();
  const byWire = new Map(Object.entries(names).map(([prop, wire]) => [wire, prop]));
  return Object.entries(raw).flatMap(([wire, value]) => {
    const prop = byWire.get(wire);
    if (prop === undefined) return [`${at}${wire}: not in the SDK model`];
    return typeMismatches(types[prop] as FieldType, value, `${at}${wire}`);
  });
}

function typeMismatches(type: FieldType, value: unknown, at: string): string[] {
  if (value === null || value === undefined) return [];
  if (typeof type === 'function') return modelMismatches(type, value, `${at}.`);
  if (typeof type === 'string') {
    const ok = type === 'any' || (type === 'number' ? typeof value === 'number' : typeof value === type);
    return ok ? [] : [`${at}: ${typeof value}, the SDK declares ${type}`];
  }
  const container = type as Container;
  if (container.type === 'array' && container.itemType !== undefined) {
    const item = container.itemType;
    return Array.isArray(value) ? value.flatMap((v, i) => typeMismatches(item, v, `${at}[${i}]`)) : [`${at}: not an array`];
  }
  if (container.type === 'map') return typeof value === 'object' ? [] : [`${at}: not a map`];
  return [];
}

/** The SDK's raw answer maps (what `callApi` hands to `$dara.cast`), newest last. */
const rawAnswers: unknown[] = [];

/** The raw answer to the SDK's last call, checked against the model the SDK casts it to. */
function lastAnswerFits(model: ModelClass): string[] {
  return modelMismatches(model, rawAnswers.at(-1));
}

/** What must be equal between the two clients' requests for one operation. */
function comparable(r: RecordedRequest) {
  const signed = /SignedHeaders=([^,]+)/.exec(r.headers['authorization'] ?? '')?.[1] ?? '';
  return {
    method: r.method,
    path: r.path,
    query: Object.fromEntries(Object.entries(r.query).sort(([a], [b]) => (a < b ? -1 : 1))),
    signedHeaders: signed
      .split(';')
      .filter((h) => h !== 'x-acs-credentials-provider')
      .sort(),
    body: r.body,
    status: r.status,
  };
}

/** The values of signed headers both clients send, but for the allowed differences. */
function sharedHeaderValues(r: RecordedRequest): Record<string, string> {
  const skip = new Set([
    'x-acs-signature-nonce',
    'x-acs-date',
    'authorization',
    'user-agent',
    'x-acs-credentials-provider',
    'host',
  ]);
  const signed = (/SignedHeaders=([^,]+)/.exec(r.headers['authorization'] ?? '')?.[1] ?? '').split(';');
  return Object.fromEntries(signed.filter((h) => !skip.has(h)).map((h) => [h, r.headers[h] ?? '']));
}

describe('the Elasticsearch 2017-06-13 SDK against the emulator', () => {
  test('every Logstash operation the action uses: signature accepted, answer read into the SDK model', async () => {
    configure({ p_main: { outcome: 'not-deployed' }, 'p-two': {} });
    const sdk = sdkClient({ accessKeyId: AK, accessKeySecret: SK });
    const described = await sdk.describeLogstash(INSTANCE);
    expect(described.statusCode).toBe(200);
    expect(described.body?.result?.instanceId).toBe(INSTANCE);
    expect(described.body?.result?.status).toBe('active');
    expect(lastAnswerFits(es.DescribeLogstashResponseBody)).toEqual([]);
    const again = await sdk.describeLogstash(INSTANCE);
    expect(again.body?.result?.createdAt).toBe(described.body?.result?.createdAt);

    const listed = await sdk.listPipeline(INSTANCE, new es.ListPipelineRequest({ page: 1, size: 200 }));
    expect(listed.body?.result?.map((p) => [p.pipelineId, p.pipelineStatus])).toEqual([
      ['p_main', 'NOT_DEPLOYED'],
      ['p-two', 'NOT_DEPLOYED'],
    ]);
    expect(listed.body?.headers?.xTotalCount).toBe(2);
    expect(lastAnswerFits(es.ListPipelineResponseBody)).toEqual([]);

    const run = await sdk.runPipelines(
      INSTANCE,
      new es.RunPipelinesRequest({ clientToken: 'sdk-run-1', body: JSON.stringify(['p_main']) }),
    );
    expect(run.body?.result).toBe(true);
    expect(lastAnswerFits(es.RunPipelinesResponseBody)).toEqual([]);
    // The deploy takes tens of milliseconds; p_main fails it and the instance logs why.
    await new Promise((r) => setTimeout(r, 40));
    while ((await sdk.describeLogstash(INSTANCE)).body?.result?.status !== 'active');
    const logs = await sdk.listLogstashLog(
      INSTANCE,
      new es.ListLogstashLogRequest({
        type: 'LOGSTASH_INSTANCE_LOG',
        query: 'level:error',
        beginTime: 0,
        endTime: Date.now() + 60_000,
        page: 1,
        size: 20,
      }),
    );
    expect(logs.statusCode).toBe(200);
    expect(logs.body?.result?.map((l) => l.level)).toContain('error');
    expect(lastAnswerFits(es.ListLogstashLogResponseBody)).toEqual([]);
    const stop = await sdk.stopPipelines(
      INSTANCE,
      new es.StopPipelinesRequest({ clientToken: 'sdk-stop-1', body: JSON.stringify(['p_main']) }),
    );
    expect(stop.body?.result).toBe(true);
    expect(lastAnswerFits(es.StopPipelinesResponseBody)).toEqual([]);

    expect(emu.requests.every((r) => r.status === 200)).toBe(true);
  });

  test('with STS credentials the SDK signs the security token, and the emulator accepts it', async () => {
    configure();
    const file = join(dir, 'token-sts');
    writeFileSync(file, await idToken());
    const provider = oidcProvider(file);
    const creds = await provider.getCredentials();
    const sdk = sdkClient({
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      securityToken: creds.securityToken,
    });
    const described = await sdk.describeLogstash(INSTANCE);
    expect(described.body?.result?.status).toBe('active');
    expect(last().headers['x-acs-security-token']).toBe(creds.securityToken);
  });

  test('an error answer reaches the SDK as its error with the code and request id', async () => {
    configure();
    const sdk = sdkClient({ accessKeyId: AK, accessKeySecret: 'wrong-secret' });
    const err = (await sdk.describeLogstash(INSTANCE).catch((e: unknown) => e)) as {
      code?: string;
      data?: { RequestId?: string };
    };
    expect(err.code).toBe('SignatureDoesNotMatch');
    expect(err.data?.RequestId).toMatch(/\S/);
  });
});

describe('ListLogstashLog as the emulator answers it', () => {
  test('a `type` the API reference does not list is refused; the documented ones are read', async () => {
    configure();
    const sdk = sdkClient({ accessKeyId: AK, accessKeySecret: SK });
    const ask = (type: string) =>
      sdk.listLogstashLog(
        INSTANCE,
        new es.ListLogstashLogRequest({ type, query: '*', beginTime: 0, endTime: Date.now(), page: 1, size: 20 }),
      );
    const err = (await ask('LOGSTASH_MAIN_LOG').catch((e: unknown) => e)) as { code?: string };
    expect(err.code).toBe('InvalidParameter');
    expect((await ask('JVMLOG')).statusCode).toBe(200);
  });
});

test('the strict model check finds an unknown field and a wrong type (negative control)', () => {
  const answer = { RequestId: 'r', Result: { instanceId: 'i', status: 1, madeUp: true } };
  expect(modelMismatches(es.DescribeLogstashResponseBody, answer)).toEqual([
    'Result.status: number, the SDK declares string',
    'Result.madeUp: not in the SDK model',
  ]);
});

describe('@alicloud/credentials AssumeRoleWithOIDC against the emulator', () => {
  test('its OIDC provider gets credentials the Elasticsearch SDK can sign with', async () => {
    configure();
    const file = join(dir, 'token-oidc');
    writeFileSync(file, await idToken());
    const creds = await oidcProvider(file).getCredentials();
    expect(creds.accessKeyId).toMatch(/^STS\./);
    const sdk = sdkClient({
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      securityToken: creds.securityToken,
    });
    expect((await sdk.listPipeline(INSTANCE, new es.ListPipelineRequest({ page: 1, size: 200 }))).statusCode).toBe(200);
  });
});

describe('the action sends what the SDK sends', () => {
  test('DescribeLogstash, ListPipeline, RunPipelines, StopPipelines, ListLogstashLog: same request but for the listed differences', async () => {
    configure();
    const http = new HttpClient();
    const creds = { accessKeyId: AK, accessKeySecret: SK };
    const sdk = sdkClient(creds);
    const action = actionClient(http, creds);
    const pairs: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
      ['DescribeLogstash', () => sdk.describeLogstash(INSTANCE), () => action.describeLogstash()],
      [
        'ListPipeline',
        () => sdk.listPipeline(INSTANCE, new es.ListPipelineRequest({ page: 1, size: 200 })),
        () => action.listPipelines(),
      ],
      [
        'RunPipelines',
        () =>
          sdk.runPipelines(
            INSTANCE,
            new es.RunPipelinesRequest({ clientToken: 'same-token', body: JSON.stringify(['p_main', 'p-two']) }),
          ),
        () => action.runPipelines(['p_main', 'p-two'], 'same-token'),
      ],
      [
        'StopPipelines',
        () =>
          sdk.stopPipelines(
            INSTANCE,
            new es.StopPipelinesRequest({ clientToken: 'stop-token', body: JSON.stringify(['p_main', 'p-two']) }),
          ),
        () => action.stopPipelines(['p_main', 'p-two'], 'stop-token'),
      ],
    ];
    try {
      for (const [name, viaSdk, viaAction] of pairs) {
        // RunPipelines restarts the instance for DEPLOY_MS; a config change during it is refused with
        // InstanceActivating (as the service does), so the stop waits until the deploy has ended.
        if (name === 'StopPipelines') await new Promise((resolve) => setTimeout(resolve, 3 * DEPLOY_MS));
        await viaSdk();
        const fromSdk = last();
        await viaAction();
        const fromAction = last();
        expect({ name, ...comparable(fromAction) }).toEqual({ name, ...comparable(fromSdk) });
        expect(sharedHeaderValues(fromAction)).toEqual(sharedHeaderValues(fromSdk));
        expect(fromSdk.headers['x-acs-credentials-provider']).toBe('static_ak');
      }
      // The error-log search in an empty window: the action asks in lower case, then in upper case.
      const before = emu.requests.length;
      await action.errorLog(1_000, 2_000);
      const fromAction = emu.requests.slice(before);
      expect(fromAction.map((r) => r.query['query'])).toEqual(['level:error', 'level:ERROR']);
      for (const [n, query] of ['level:error', 'level:ERROR'].entries()) {
        const request = { type: 'LOGSTASH_INSTANCE_LOG', query, beginTime: 1_000, endTime: 2_000, page: 1, size: 20 };
        await sdk.listLogstashLog(INSTANCE, new es.ListLogstashLogRequest(request));
        expect(comparable(fromAction[n] as RecordedRequest)).toEqual(comparable(last()));
      }
      expect(Object.keys(ALLOWED_DIFFERENCES)).toHaveLength(8);
    } finally {
      await http.close();
    }
  });

  test('AssumeRoleWithOIDC: the same query and form body as @alicloud/credentials, but for the timestamp', async () => {
    configure();
    const file = join(dir, 'token-compare');
    const token = await idToken();
    writeFileSync(file, token);
    await oidcProvider(file, 'github-actions-42').getCredentials();
    const fromSdk = emu.requests.filter((r) => r.query['Action'] === 'AssumeRoleWithOIDC').at(-1);
    const http = new HttpClient();
    try {
      const source = credentialSource(
        { 'role-arn': OIDC.roleArn, 'oidc-provider-arn': OIDC.oidcProviderArn },
        {
          env: {
            ACTIONS_ID_TOKEN_REQUEST_URL: `${emu.url}/actions/idtoken?api-version=2.0`,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: OIDC.requestToken,
            ALIBABA_CLOUD_STS_ENDPOINT: emu.url,
          },
          http,
          clock: realClock,
          log: memoryLogger(),
          secret: () => undefined,
          region: undefined,
          allowInsecureHttp: false,
          runId: '42',
        },
      );
      await source.get();
    } finally {
      await http.close();
    }
    const fromAction = emu.requests.filter((r) => r.query['Action'] === 'AssumeRoleWithOIDC').at(-1);
    const form = (r: RecordedRequest | undefined) => {
      const f = Object.fromEntries(new URLSearchParams(r?.body ?? ''));
      return { ...f, OIDCToken: f['OIDCToken'] ? '(a token)' : '(none)' };
    };
    const query = (r: RecordedRequest | undefined) => ({
      ...r?.query,
      Timestamp: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(r?.query['Timestamp'] ?? ''),
    });
    expect(fromAction?.method).toBe(fromSdk?.method);
    expect(fromAction?.path).toBe(fromSdk?.path);
    expect(query(fromAction)).toEqual(query(fromSdk));
    expect(form(fromAction)).toEqual(form(fromSdk));
    expect(fromAction?.headers['content-type']).toBe(fromSdk?.headers['content-type']);
    expect([fromSdk?.status, fromAction?.status]).toEqual([200, 200]);
  });
});

/** What the runner's token service hands the workflow (the emulator plays it). */
async function idToken(): Promise<string> {
  const res = await fetch(`${emu.url}/actions/idtoken?api-version=2.0&audience=sts.aliyuncs.com`, {
    headers: { authorization: `Bearer ${OIDC.requestToken}` },
  });
  return ((await res.json()) as { value: string }).value;
}

/**
 * @alicloud/credentials' OIDC provider, built as the SDK's default chain builds it from
 * ALIBABA_CLOUD_ROLE_ARN and friends. It hard-codes https; the one change is that its own
 * transport is handed the request with the scheme set to http, for the loopback emulator.
 */
function oidcProvider(tokenFile: string, sessionName = 'sdk-session') {
  const provider = oidcModule.default
    .builder()
    .withRoleArn(OIDC.roleArn)
    .withOIDCProviderArn(OIDC.oidcProviderArn)
    .withOIDCTokenFilePath(tokenFile)
    .withRoleSessionName(sessionName)
    .withStsEndpoint(new URL(emu.url).host)
    .build();
  provider.doRequest = (req) => {
    req.protocol = 'http';
    return credentialsHttp.doRequest(req);
  };
  return provider;
}
