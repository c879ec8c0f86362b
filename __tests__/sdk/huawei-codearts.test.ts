/**
 * Huawei's official SDK core against the emulated CodeArts gateway, in process. The CodeArts Pipeline
 * service package is not published to the registry, so each operation the action uses is sent the
 * way its generated client does: `HcClient.sendRequest` with the operation's path template, path
 * parameters, content type and body, signed by the core's AK/SK signer with `BasicCredentials`.
 * The generated client's path parameters never name `project_id` (huaweicloud-sdk-nodejs-v3
 * services/codeartspipeline/v2/CodeArtsPipelineClient.ts, ParamCreater: `options.pathParams =
 * { 'pipeline_id': pipelineId, }` for showPipelineRunDetail, likewise for the others): the core fills it
 * from the credentials' projectId (auth/BasicCredentials.js:38-44 getPathParams, added by
 * auth/BaseCredentials.js:142) and sends the same value as a signed X-Project-Id (:170-176 addAuthHeaders). The emulator must accept every one; then
 * the action's request for the same operation must match the SDK's, but for ALLOWED_DIFFERENCES.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startEmulator, type Emulator, type RecordedRequest } from '../../emulator/server.ts';
import { HttpClient } from '../../src/http.ts';
import { CodeArtsClient } from '../../src/providers/huawei-codearts/client.ts';
import { sdkDate, signRequest } from '../../src/providers/huawei-codearts/signer.ts';

const require = createRequire(import.meta.url);
/** The parts of the core's HcClient and ClientBuilder this test uses (their types are not exported by path). */
interface HcClient {
  sendRequest(options: object): Promise<unknown>;
}
interface HcClientBuilder {
  withCredential(credential: unknown): HcClientBuilder;
  withEndpoint(endpoint: string): HcClientBuilder;
  build(): HcClient;
}
// The paths the generated service clients import them from.
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core') as typeof import('@huaweicloud/huaweicloud-sdk-core');
const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder') as {
  ClientBuilder: new (init: (client: HcClient) => HcClient) => HcClientBuilder;
};

/**
 * Where the action's request may differ from the SDK's, and why. Everything else (method, path,
 * query names and values, the set of signed headers, the body) must be equal.
 */
const ALLOWED_DIFFERENCES = {
  'x-sdk-date': 'the time of signing',
  authorization: 'the signature over a different date; its SignedHeaders are compared',
  'user-agent': 'each client names itself (and neither signs it)',
  'accept, accept-encoding': 'only the SDK (axios) sends them, unsigned',
  'content-length/transfer-encoding': 'how each client frames the body',
  'header case': 'the emulator records lower-case names; HTTP header names are case-insensitive',
} as const;

const PROJECT = 'sdk0e2d1c0b0a4f39a8b7c6d5e4f3a2b1';
const AK = 'HPUASDKEXAMPLEAK0001';
const SK = 'SdkSecretKeyValue0123456789abcdefghijklm';
const TMP = {
  accessKeyId: 'HSTASDKTMPAK00000001',
  secretAccessKey: 'TmpSdkSecret9876543210',
  securityToken: 'gQpjSdkSecurityToken',
};
const PIPES = ['85f622d9d0ad4852a9451dbc9fe3156a', '0747d5a7099e45f69dc1d099945909a9'] as const;
const [P1, P2] = PIPES;

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

function configure(): void {
  emu.configure({
    'huawei-codearts': {
      projectId: PROJECT,
      credentials: [{ accessKeyId: AK, secretAccessKey: SK }, TMP],
      // Tens of milliseconds: runs end almost at once; `stuck` stays RUNNING until stopped.
      pipelines: { [P1]: { runMs: 30 }, [P2]: { outcome: 'stuck' } },
    },
  });
}

interface SdkCredentials {
  ak: string;
  sk: string;
  securityToken?: string;
}

function sdkClient(creds: SdkCredentials): HcClient {
  let c = new BasicCredentials().withAk(creds.ak).withSk(creds.sk);
  if (creds.securityToken) c = c.withSecurityToken(creds.securityToken);
  // The CodeArts project id, the only place a generated-client user gives it.
  c = c.withProjectId(PROJECT);
  return new ClientBuilder((client: HcClient) => client).withCredential(c).withEndpoint(emu.url).build();
}

type Json = Record<string, unknown>;

/** The operations the action uses, as the generated CodeArts client builds their options. */
const ops = {
  showPipelineDetail: (pipelineId: string) => ({
    method: 'GET',
    url: '/v5/{project_id}/api/pipelines/{pipeline_id}',
    contentType: 'application/json',
    pathParams: { pipeline_id: pipelineId },
    queryParams: {},
    headers: {},
  }),
  runPipeline: (pipelineId: string, body: Json) => ({
    method: 'POST',
    url: '/v5/{project_id}/api/pipelines/{pipeline_id}/run',
    contentType: 'application/json;charset=UTF-8',
    pathParams: { pipeline_id: pipelineId },
    queryParams: {},
    headers: {},
    data: body,
  }),
  batchRunPipeline: (pipelineIds: string[]) => ({
    method: 'POST',
    url: '/v5/{project_id}/api/pipelines/batch-runs',
    contentType: 'application/json;charset=UTF-8',
    pathParams: {},
    queryParams: {},
    headers: {},
    data: { pipeline_ids: pipelineIds },
  }),
  showPipelineRunDetail: (pipelineId: string, runId: string) => ({
    method: 'GET',
    url: '/v5/{project_id}/api/pipelines/{pipeline_id}/pipeline-runs/detail',
    contentType: 'application/json',
    pathParams: { pipeline_id: pipelineId },
    queryParams: { pipeline_run_id: runId },
    headers: {},
  }),
  batchShowPipelinesLatestStatus: (pipelineIds: string[]) => ({
    method: 'POST',
    url: '/v5/{project_id}/api/pipelines/status',
    contentType: 'application/json;charset=UTF-8',
    pathParams: {},
    queryParams: {},
    headers: {},
    data: pipelineIds,
  }),
  stopPipelineRun: (pipelineId: string, runId: string) => ({
    method: 'POST',
    url: '/v5/{project_id}/api/pipelines/{pipeline_id}/pipeline-runs/{pipeline_run_id}/stop',
    contentType: 'application/json',
    pathParams: { pipeline_id: pipelineId, pipeline_run_id: runId },
    queryParams: {},
    headers: {},
  }),
};

async function send(client: HcClient, options: object): Promise<Json> {
  return (await client.sendRequest(options)) as Json;
}

const last = (): RecordedRequest => {
  const r = emu.requests.at(-1);
  if (!r) throw new Error('no request recorded');
  return r;
};
const signedHeaders = (r: RecordedRequest): string[] =>
  (/SignedHeaders=([^,]+)/.exec(r.headers['authorization'] ?? '')?.[1] ?? '').split(';').sort();

/** What must be equal between the two clients' requests for one operation. */
function comparable(r: RecordedRequest) {
  return {
    method: r.method,
    path: r.path,
    query: r.query,
    signedHeaders: signedHeaders(r),
    signedValues: Object.fromEntries(
      signedHeaders(r)
        .filter((h) => h !== 'x-sdk-date' && h !== 'host')
        .map((h) => [h, r.headers[h] ?? '']),
    ),
    body: r.body === '' ? undefined : (JSON.parse(r.body) as unknown),
    rawBody: r.body,
    status: r.status,
  };
}

describe('the Huawei SDK core against the emulated CodeArts gateway', () => {
  test.each<[string, SdkCredentials]>([
    ['AK/SK', { ak: AK, sk: SK }],
    ['temporary credentials', { ak: TMP.accessKeyId, sk: TMP.secretAccessKey, securityToken: TMP.securityToken }],
  ])('%s: every CodeArts path the action uses is accepted', async (_name, creds) => {
    configure();
    const sdk = sdkClient(creds);
    expect(await send(sdk, ops.showPipelineDetail(P1))).toMatchObject({ id: P1, httpStatusCode: 200 });
    const single = await send(sdk, ops.runPipeline(P1, { description: 'sdk', variables: [{ name: 'A', value: '1' }] }));
    const runId = String(single['pipeline_run_id']);
    expect(runId).toMatch(/^[0-9a-f]{32}$/);
    const batch = await send(sdk, ops.batchRunPipeline([P1, P2]));
    expect((batch['result'] as Json[]).map((r) => r['pipeline_id'])).toEqual([P1, P2]);
    expect(await send(sdk, ops.showPipelineRunDetail(P1, runId))).toMatchObject({ id: runId, pipeline_id: P1 });
    const latest = await send(sdk, ops.batchShowPipelinesLatestStatus([P1, P2]));
    // The core hands a bare JSON array back as an empty response object: an SDK quirk (the
    // generated BatchShowPipelinesLatestStatusResponse stays unset), so the status is what is checked.
    expect(latest['httpStatusCode']).toBe(200);
    expect(await send(sdk, ops.stopPipelineRun(P2, String((batch['result'] as Json[])[1]?.['pipeline_run_id'])))).toMatchObject({
      success: true,
    });
    const sent = emu.requests;
    expect(sent).toHaveLength(6);
    expect(sent.every((r) => r.status === 200)).toBe(true);
    for (const r of sent) {
      expect(r.path.startsWith(`/v5/${PROJECT}/api/`)).toBe(true);
      expect(r.headers['x-project-id']).toBe(PROJECT);
      expect(signedHeaders(r).includes('x-project-id')).toBe(true);
    }
  });

  test('an X-Project-Id sent but not signed is refused with APIGW.0301, without signing material in the message', async () => {
    configure();
    const url = new URL(`/v5/${PROJECT}/api/pipelines/${P1}`, emu.url);
    const date = sdkDate(Date.now());
    const signed = { host: url.host, 'content-type': 'application/json', 'x-sdk-date': date };
    const sig = signRequest({ method: 'GET', url, headers: signed, body: '' }, AK, SK);
    const res = await fetch(url, { headers: { ...signed, 'x-project-id': PROJECT, authorization: sig.authorization } });
    const body = (await res.json()) as Json;
    expect([res.status, body['error_code']]).toEqual([401, 'APIGW.0301']);
    expect(body['error_msg']).toBe('Incorrect IAM authentication information: x-project-id is not a signed header');
  });

  test('a wrong secret is refused with the gateway’s code, and the SDK raises it as its error', async () => {
    configure();
    const sdk = sdkClient({ ak: AK, sk: 'wrong-secret' });
    // The core logs every error answer in full at ERROR level; the test reads the exception instead.
    (sdk as unknown as { httpClient: { _logger: { error: () => void } } }).httpClient._logger.error = () => undefined;
    const err = (await send(sdk, ops.showPipelineDetail(P1)).catch((e: unknown) => e)) as Json;
    expect([err['httpStatusCode'], err['errorCode']]).toEqual([401, 'APIGW.0301']);
    expect(err['requestId']).toMatch(/^[0-9a-f]{32}$/);
    expect(String(err['errorMsg'])).toBe('Incorrect IAM authentication information: verify aksk signature fail');
  });
});

describe('the action sends what the SDK sends', () => {
  test('each operation: same method, path, query, signed headers and body, but for the listed differences', async () => {
    configure();
    const sdk = sdkClient({ ak: AK, sk: SK });
    const http = new HttpClient();
    const action = new CodeArtsClient({
      base: new URL(emu.url),
      projectId: PROJECT,
      credentials: { kind: 'aksk', accessKeyId: AK, secretAccessKey: SK },
      http,
      now: () => Date.now(),
    });
    const body = { description: 'same run', variables: [{ name: 'VERSION', value: '1.4.2' }] };
    try {
      const started = await action.startRun(P1, body);
      const stuck = await action.startBatch([P2]);
      const stuckRun = stuck.runs.get(P2) ?? '';
      const pairs: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
        ['ShowPipelineDetail', () => send(sdk, ops.showPipelineDetail(P1)), () => action.pipeline(P1)],
        ['RunPipeline', () => send(sdk, ops.runPipeline(P1, body)), () => action.startRun(P1, body)],
        ['BatchRunPipeline', () => send(sdk, ops.batchRunPipeline([P1, P2])), () => action.startBatch([P1, P2])],
        [
          'ShowPipelineRunDetail',
          () => send(sdk, ops.showPipelineRunDetail(P1, started.runId)),
          () => action.detail(P1, started.runId),
        ],
        [
          'BatchShowPipelinesLatestStatus',
          () => send(sdk, ops.batchShowPipelinesLatestStatus([P1, P2])),
          () => action.latestRuns([P1, P2]),
        ],
        ['StopPipelineRun', () => send(sdk, ops.stopPipelineRun(P2, stuckRun)), () => action.stop(P2, stuckRun)],
      ];
      for (const [name, viaSdk, viaAction] of pairs) {
        await viaSdk();
        const fromSdk = last();
        await viaAction();
        const fromAction = last();
        expect({ name, ...comparable(fromAction) }).toEqual({ name, ...comparable(fromSdk) });
        expect(fromAction.headers['x-project-id']).toBe(PROJECT);
      }
      expect(Object.keys(ALLOWED_DIFFERENCES)).toHaveLength(6);
    } finally {
      await http.close();
    }
  });
});
