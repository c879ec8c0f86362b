/**
 * The bundled action (dist/index.js) against the emulated CodeArts Pipeline API and its gateway,
 * which verifies every signature independently of the action's signer.
 */
import { describe, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runAction } from '../../emulator/run-action.ts';
import type { CodeArtsPipelineScenario } from '../../emulator/huawei-codearts.ts';
import type { FaultAction, FaultRule } from '../../emulator/faults.ts';
import type { RecordedRequest } from '../../emulator/server.ts';
import { violations, type ApiDescription } from '../helpers/openapi.ts';
import { emulatorPerTest } from '../helpers/emulated.ts';
import { runStep } from '../helpers/in-process.ts';
import { runs } from '../helpers/runs.ts';

const emu = emulatorPerTest(() => runStep({ inputs: inputs(setup({ [ID[0]]: {} }), [ID[0]], { timeout: '1s' }) }));
const PROJECT = 'e2e18230a85d4d6ab0b56cb6d2246c18';
const AK = 'HPUAEXAMPLEAK1234567';
const SK = 'E2eSecretKeyValue0123456789abcdefghijklm';
const TMP = {
  accessKeyId: 'HSTAEXAMPLETMPAK0001',
  secretAccessKey: 'TmpSecretE2e9876543210zyx',
  securityToken: 'gQpjE2eSecurityTokenValue',
};
const ID = ['85f622d9d0ad4852a9451dbc9fe3156a', '0747d5a7099e45f69dc1d099945909a9', '11111111222222223333333344444444'] as const;

function setup(pipelines: Record<string, CodeArtsPipelineScenario>, extra: object = {}, faults: FaultRule[] = []): string {
  emu.get().configure({
    faults,
    'huawei-codearts': {
      projectId: PROJECT,
      credentials: [{ accessKeyId: AK, secretAccessKey: SK }, TMP],
      authTokens: ['MIIE2eIamTokenValue'],
      pipelines,
      ...extra,
    },
  });
  return emu.get().url;
}

const inputs = (url: string, ids: readonly string[], more: Record<string, string> = {}): Record<string, string> => ({
  provider: 'huawei-codearts',
  endpoint: url,
  'project-id': PROJECT,
  'pipeline-ids': ids.join('\n'),
  'access-key-id': AK,
  'access-key-secret': SK,
  timeout: '30s',
  'poll-interval': '1s',
  ...more,
});

type Stats = {
  batchCalls: number;
  statusCalls: number;
  authFailures: number;
  pipelines: Record<string, { starts: number; refused: number; stops: number; variables: unknown[]; otherRuns: string[] }>;
};
const stats = (): Stats => emu.get().providers.get('huawei-codearts')?.stats() as Stats;
const sent = (): RecordedRequest[] => emu.get().requests;
const withoutKeys = (o: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'access-key-id' && k !== 'access-key-secret'));

const STATUS_PATH = `/v5/${PROJECT}/api/pipelines/status`;
const statusCalls = (): RecordedRequest[] => sent().filter((r) => r.method === 'POST' && r.path === STATUS_PATH);
/** Run-detail GETs by pipeline id. */
const detailCalls = (): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const r of sent()) {
    const id = /\/pipelines\/([^/]+)\/pipeline-runs\/detail$/.exec(r.path)?.[1];
    if (id) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
};

/** The API Explorer documents of the operations the action calls (BatchRunPipeline is web-only). */
function descriptions(): ApiDescription[] {
  const spec = JSON.parse(readFileSync(join(ROOT, '__fixtures__', 'huawei-codearts-pipeline.json'), 'utf8')) as {
    operations: Record<string, Record<string, unknown>>;
  };
  return Object.values(spec.operations).map((doc) => ({ doc, basePath: '' }));
}

describe('huawei-codearts end to end', () => {
  emu.test('several ids start with one batch-runs call, each run is polled to COMPLETED', async () => {
    const url = setup({ [ID[0]]: {}, [ID[1]]: { runMs: 700 }, [ID[2]]: { runMs: 300 } });
    const run = await runStep({ inputs: inputs(url, ID) });
    expect(run.code).toBe(0);
    expect(run.outputs['conclusion']).toBe('success');
    const s = stats();
    expect(s.batchCalls).toBe(1);
    expect(ID.map((id) => s.pipelines[id]?.starts)).toEqual([1, 1, 1]);
    const ids = JSON.parse(run.outputs['run-ids'] ?? '[]') as string[];
    expect(ids).toHaveLength(3);
    expect(ids.every((i) => /^[0-9a-f]{32}$/.test(i))).toBe(true);
    expect(run.outputs['pipeline_run_id']).toBe(ids[0]);
    expect(run.outputs['status']).toBe('COMPLETED');
    expect(runs(run.outputs).map((r) => [r['pipeline'], r['conclusion'], r['status']])).toEqual(
      ID.map((id) => [id, 'success', 'COMPLETED']),
    );
    expect(String(runs(run.outputs)[0]?.['url'])).toContain(`/pipeline/detail/${ID[0]}/${ids[0]}`);
    const batch = sent().filter((r) => r.path.endsWith('/batch-runs'));
    expect(batch).toHaveLength(1);
    expect(JSON.parse(batch[0]?.body ?? '{}')).toEqual({ pipeline_ids: [...ID] });
    expect(batch[0]?.headers['authorization']).toMatch(
      /^SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK1234567, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
    expect(s.authFailures).toBe(0);
    expect(run.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain(SK);
  });

  emu.test('parameters start one /run per id with variables, within the published API description', async () => {
    const url = setup({ [ID[0]]: {}, [ID[1]]: {} });
    const run = await runStep({
      inputs: inputs(url, ID.slice(0, 2), { parameters: 'version: 1.4.2\nenv: staging\nflags: {fast: true}' }),
    });
    expect(run.code).toBe(0);
    const s = stats();
    expect(s.batchCalls).toBe(0);
    const expected = [
      { name: 'version', value: '1.4.2' },
      { name: 'env', value: 'staging' },
      { name: 'flags', value: '{"fast":true}' },
    ];
    expect(s.pipelines[ID[0]]?.variables).toEqual([expected]);
    expect(s.pipelines[ID[1]]?.variables).toEqual([expected]);
    const start = sent().find((r) => r.path.endsWith(`${ID[0]}/run`));
    expect(JSON.parse(start?.body ?? '{}')).toMatchObject({ description: expect.stringContaining('octo-org/octo-repo') });
    const docs = descriptions();
    for (const r of sent()) expect(docs.some((d) => violations(d, r).length === 0)).toBe(true);
  });

  emu.test('several runs are polled with one signed batch status call a round and no run-detail call', async () => {
    // All three end (by 0.9 s) before the second round (1 s after the first), so every round has all three due;
    // the first round sees them all running as long as it comes within 0.45 s of the start (Build is the first half).
    const url = setup({ [ID[0]]: { runMs: 900 }, [ID[1]]: { runMs: 900 }, [ID[2]]: { runMs: 800, pauseMs: 100 } });
    const run = await runStep({ inputs: inputs(url, ID) });
    expect(run.code).toBe(0);
    const ids = JSON.parse(run.outputs['run-ids'] ?? '[]') as string[];
    expect(runs(run.outputs)).toEqual(
      ID.map((id, i) =>
        expect.objectContaining({
          pipeline: id,
          runId: ids[i],
          conclusion: 'success',
          status: 'COMPLETED',
          runNumber: 1,
          url: `https://devcloud.cn-north-4.huaweicloud.com/cicd/project/${PROJECT}/pipeline/detail/${id}/${ids[i] ?? ''}`,
        }),
      ),
    );
    expect(run.stdout).toMatch(new RegExp(`^${ID[0]}: RUNNING — stage Build \\(after`, 'm'));
    const polls = statusCalls();
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(stats().statusCalls).toBe(polls.length);
    expect(detailCalls()).toEqual({});
    for (const p of polls) {
      expect(JSON.parse(p.body)).toEqual([...ID]);
      expect(p.status).toBe(200);
      expect(p.headers['authorization']).toMatch(
        /^SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK1234567, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=/,
      );
    }
    expect(stats().authFailures).toBe(0);
    // BatchRunPipeline is missing from the API Explorer set; every other request must be described.
    const docs = descriptions();
    const described = sent().filter((r) => !r.path.endsWith('/batch-runs'));
    expect(described).toHaveLength(polls.length);
    for (const r of described) expect(docs.some((d) => violations(d, r).length === 0)).toBe(true);
  });

  emu.test('a pipeline whose latest run is someone else’s is polled with the run detail and concludes from our run', async () => {
    // The other run fails at once: reading the batch entry for it would fail ours.
    const url = setup({
      [ID[0]]: { runMs: 1500, newerRun: { afterMs: 100, outcome: 'FAILED' } },
      [ID[1]]: { runMs: 1500 },
    });
    const run = await runStep({ inputs: inputs(url, ID.slice(0, 2)) });
    expect(run.code).toBe(0);
    expect(runs(run.outputs).map((r) => [r['pipeline'], r['conclusion'], r['status'], r['runNumber']])).toEqual([
      [ID[0], 'success', 'COMPLETED', 1],
      [ID[1], 'success', 'COMPLETED', 1],
    ]);
    expect(stats().pipelines[ID[0]]?.otherRuns).toHaveLength(1);
    expect(stats().pipelines[ID[0]]?.starts).toBe(1);
    const details = sent().filter((r) => r.path.endsWith('/pipeline-runs/detail'));
    expect(details.length).toBeGreaterThanOrEqual(1);
    const ids = JSON.parse(run.outputs['run-ids'] ?? '[]') as string[];
    expect(details.every((r) => r.path.includes(ID[0]) && r.query['pipeline_run_id'] === ids[0])).toBe(true);
    expect(statusCalls().length).toBeGreaterThanOrEqual(2);
  });

  const refused: FaultAction = {
    kind: 'respond',
    status: 403,
    body: { error_code: 'DEVPIPE.00010001', error_msg: 'no permission to read the pipelines status' },
  };
  const garbled: FaultAction = { kind: 'malform' };
  emu.each<[string, FaultAction, boolean]>([
    ['refused (403): not tried again, every later round reads the run details', refused, true],
    ['answered with a body that is not JSON: tried again the next round', garbled, false],
  ])('a batch status call %s; the wait still succeeds', async (_name, action, lasting) => {
    const url = setup({ [ID[0]]: { runMs: 1500 }, [ID[1]]: { runMs: 1500 } }, {}, [
      { method: 'POST', path: '/api/pipelines/status$', action },
    ]);
    const run = await runStep({ inputs: inputs(url, ID.slice(0, 2)) });
    expect(run.code).toBe(0);
    expect(runs(run.outputs).map((r) => [r['conclusion'], r['status']])).toEqual([
      ['success', 'COMPLETED'],
      ['success', 'COMPLETED'],
    ]);
    const rounds = detailCalls()[ID[0]] ?? 0;
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(detailCalls()[ID[1]]).toBe(rounds);
    if (lasting) {
      expect(statusCalls()).toHaveLength(1);
      expect(run.stdout).toContain('the batch status call failed (HTTP 403: DEVPIPE.00010001: no permission');
    } else expect(statusCalls().length).toBeGreaterThanOrEqual(rounds);
  });

  emu.test('a failed run fails the step naming the failed stage, job and step', async () => {
    const url = setup({
      [ID[0]]: {},
      [ID[1]]: {
        outcome: 'FAILED',
        failure: { stage: 'Deploy', job: 'helm upgrade', step: 'deploy to cce', message: 'ImagePullBackOff' },
      },
    });
    const run = await runStep({ inputs: inputs(url, ID.slice(0, 2)) });
    expect(run.code).toBe(1);
    expect(run.outputs['conclusion']).toBe('failure');
    expect(runs(run.outputs).map((r) => [r['conclusion'], r['status']])).toEqual([
      ['success', 'COMPLETED'],
      ['failure', 'FAILED'],
    ]);
    const msg = "run FAILED: stage 'Deploy' / job 'helm upgrade' / step 'deploy to cce' failed: ImagePullBackOff";
    expect(runs(run.outputs)[1]?.['message']).toBe(msg);
    expect(run.stdout).toContain(`${ID[1]}: failure — ${msg}`);
    // Both runs end before the second round: it is a batch status call, and only the failure reads its detail
    // once: the log printed in the job log takes its steps from the detail the wait read.
    expect(statusCalls().length).toBeGreaterThanOrEqual(2);
    expect(detailCalls()).toEqual({ [ID[1]]: 1 });
    expect(emu.get().requests.filter((r) => r.path.endsWith('/logs')).length).toBeGreaterThan(0);
  });

  emu.test('a run cancelled in CodeArts (CANCELED) fails the step', async () => {
    const url = setup({ [ID[0]]: { outcome: 'CANCELED' } });
    const run = await runStep({ inputs: inputs(url, [ID[0]]) });
    expect(run.code).toBe(1);
    expect(runs(run.outputs)[0]).toMatchObject({ status: 'CANCELED', conclusion: 'failure' });
  });

  emu.test(
    'a queued run (DEVPIPE.00011169) counts as started and is waited for; PAUSED keeps waiting with a notice',
    async () => {
      const url = setup({ [ID[0]]: { queued: 'pipeline', queueMs: 800, pauseMs: 1200 } });
      const run = await runStep({ inputs: inputs(url, [ID[0]], { parameters: 'A=1' }) });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /::notice title=85f622d9d0ad4852a9451dbc9fe3156a::run [0-9a-f]{32} is queued \(DEVPIPE\.00011169: /,
      );
      // The API lists QUEUED for stages and jobs only: the run reads RUNNING, its first stage QUEUED.
      expect(run.stdout).toMatch(new RegExp(`^${ID[0]}: RUNNING — stage Build / job compile QUEUED`, 'm'));
      expect(run.stdout).toMatch(/::warning title=85f6[0-9a-f]+::run [0-9a-f]{32} is PAUSED at stage 'Approve'/);
      expect(run.outputs['status']).toBe('COMPLETED');
      expect(stats().pipelines[ID[0]]?.starts).toBe(1);
    },
  );

  emu.test('refused starts (DEVPIPE.00011104) are retried with backoff; the batch call is repeated only then', async () => {
    const url = setup({ [ID[0]]: { refuseStarts: 2 }, [ID[1]]: {} });
    const run = await runStep({ inputs: inputs(url, ID.slice(0, 2)) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/start 2 pipelines: HTTP 400; retry 1 of 4/);
    const s = stats();
    expect(s.batchCalls).toBe(3);
    expect(s.pipelines[ID[0]]?.starts).toBe(1);
    expect(s.pipelines[ID[1]]?.starts).toBe(1);
  });

  emu.test('an unknown pipeline fails with DEVPIPE.00011401 while the others run', async () => {
    const url = setup({ [ID[0]]: {} });
    const run = await runStep({ inputs: inputs(url, ID.slice(0, 2), { parameters: 'X=y' }) });
    expect(run.code).toBe(1);
    expect(runs(run.outputs).map((r) => r['conclusion'])).toEqual(['success', 'failure']);
    expect(runs(run.outputs)[1]?.['message']).toMatch(
      /^could not start: HTTP 404: DEVPIPE\.00011401: The pipeline 0747\w+ does not exist \(request id [0-9a-f]{32}\)$/,
    );
  });

  emu.test('a batch that returns no run for an id marks only that pipeline as not started', async () => {
    const url = setup({ [ID[0]]: {}, [ID[2]]: {} });
    const run = await runStep({ inputs: inputs(url, ID) });
    expect(run.code).toBe(1);
    expect(runs(run.outputs).map((r) => r['conclusion'])).toEqual(['success', 'failure', 'success']);
    expect(runs(run.outputs)[1]?.['message']).toContain('batch-runs returned no pipeline_run_id');
    expect(run.outputs['request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  emu.test('a wrong secret is refused by the gateway with APIGW.0301 and is never printed', async () => {
    const url = setup({ [ID[0]]: {} });
    const run = await runStep({ inputs: inputs(url, [ID[0]], { 'access-key-secret': 'WrongSecretButStillSecret42' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('HTTP 401: APIGW.0301: Incorrect IAM authentication information: verify aksk signature fail');
    // The gateway's message carries no signing material (canonical request, string to sign).
    expect(run.stdout).not.toMatch(/canonical|x-sdk-date:|SDK-HMAC-SHA256\n/i);
    expect(run.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain('WrongSecretButStillSecret42');
    expect(stats().pipelines[ID[0]]?.starts).toBe(0);
  });

  emu.test('a gateway clock 20 minutes off rejects the X-Sdk-Date', async () => {
    const url = setup({ [ID[0]]: {} }, { clockOffsetMs: 20 * 60_000 });
    const run = await runStep({ inputs: inputs(url, [ID[0]]) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('APIGW.0301: Incorrect IAM authentication information: X-Sdk-Date is not within 15 minutes');
  });

  emu.test(
    'temporary credentials from the SDK environment sign with X-Security-Token; X-Project-Id is project-id, signed, on every request',
    async () => {
      const url = setup({ [ID[0]]: {}, [ID[1]]: {} });
      const rest = withoutKeys(inputs(url, ID.slice(0, 2)));
      const run = await runStep({
        inputs: rest,
        env: {
          HUAWEICLOUD_SDK_AK: TMP.accessKeyId,
          HUAWEICLOUD_SDK_SK: TMP.secretAccessKey,
          HUAWEICLOUD_SDK_SECURITY_TOKEN: TMP.securityToken,
          // Set by workflows for other Huawei steps; the SDK would send project-id here, so it is not read.
          HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
        },
      });
      expect(run.code).toBe(0);
      expect(sent().length).toBeGreaterThanOrEqual(3);
      for (const r of sent()) {
        expect(r.headers['x-security-token']).toBe(TMP.securityToken);
        // As the SDK core sends it: the path's {project_id} again (BaseCredentials.addAuthHeaders), signed.
        expect(r.headers['x-project-id']).toBe(PROJECT);
        expect(r.headers['authorization']).toContain('SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,');
      }
      expect(stats().authFailures).toBe(0);
    },
  );

  emu.test('auth-token is sent as X-Auth-Token without signing', async () => {
    const url = setup({ [ID[0]]: {} });
    const rest = withoutKeys(inputs(url, [ID[0]]));
    const run = await runStep({ inputs: { ...rest, 'auth-token': 'MIIE2eIamTokenValue' } });
    expect(run.code).toBe(0);
    expect(sent().every((r) => r.headers['x-auth-token'] === 'MIIE2eIamTokenValue' && !r.headers['authorization'])).toBe(true);
  });

  emu.test('on timeout, cancel-on-abort (default true) stops the started run', async () => {
    const url = setup({ [ID[0]]: { outcome: 'stuck' } });
    const run = await runStep({ inputs: inputs(url, [ID[0]], { timeout: '1s' }) });
    expect(run.code).toBe(1);
    expect(run.outputs['conclusion']).toBe('timed_out');
    expect(stats().pipelines[ID[0]]?.stops).toBe(1);
    const stop = sent().find((r) => r.path.endsWith('/stop'));
    expect(stop?.path).toBe(`/v5/${PROJECT}/api/pipelines/${ID[0]}/pipeline-runs/${run.outputs['pipeline_run_id']}/stop`);
  });

  emu.test('wait: false returns the run ids at once', async () => {
    const url = setup({ [ID[0]]: { runMs: 5000 } });
    const run = await runStep({ inputs: inputs(url, [ID[0]], { wait: 'false' }) });
    expect(run.code).toBe(0);
    expect(run.outputs['conclusion']).toBe('triggered');
    expect(run.outputs['pipeline_run_id']).toMatch(/^[0-9a-f]{32}$/);
    expect(sent().filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  // The other bad inputs are checked in process (__tests__/unit/input-errors.test.ts); this one proves the runner path.
  emu.test('a bad input fails the step before any request, as the runner runs it', async () => {
    const url = setup({ [ID[0]]: {} });
    const run = await runAction({ inputs: { ...inputs(url, [ID[0]]), 'project-id': 'nope' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::Input 'project-id' must be the 32-character CodeArts project id");
    expect(sent()).toHaveLength(0);
  });

  emu.test('dry-run reads each pipeline with a signed GET, prints the batch request, and starts nothing', async () => {
    const url = setup({ [ID[0]]: {}, [ID[1]]: {} });
    const run = await runAction({ inputs: inputs(url, ID.slice(0, 2), { 'dry-run': 'true' }) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[dry-run] read-only check passed: the credentials are accepted');
    expect(run.stdout).toContain(`[dry-run] ${ID[0]},${ID[1]}: POST ${url}/v5/${PROJECT}/api/pipelines/batch-runs`);
    expect(run.stdout).toContain(`    {"pipeline_ids":["${ID[0]}","${ID[1]}"]}`);
    expect(
      sent()
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(
      ID.slice(0, 2)
        .map((id) => `GET /v5/${PROJECT}/api/pipelines/${id}`)
        .sort(),
    );
    expect(sent().every((r) => r.status === 200)).toBe(true);
    expect(stats().authFailures).toBe(0);
    expect(ID.map((id) => stats().pipelines[id]?.starts ?? 0)).toEqual([0, 0, 0]);
    const docs = descriptions();
    for (const r of sent()) expect(docs.some((d) => violations(d, r).length === 0)).toBe(true);
    expect(run.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain(SK);
  });

  emu.test('dry-run with a wrong secret key fails with the gateway’s code before printing requests', async () => {
    const url = setup({ [ID[0]]: {} });
    const run = await runStep({
      inputs: inputs(url, ID.slice(0, 1), { 'dry-run': 'true', 'access-key-secret': 'NotTheRightSecretKey0000' }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('APIGW.0301');
    expect(run.stdout).not.toContain(`[dry-run] ${ID[0]}:`);
    expect(run.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain('NotTheRightSecretKey0000');
  });

  emu.test('dry-run names a pipeline that does not exist with the service’s code', async () => {
    const url = setup({ [ID[0]]: {} });
    const run = await runStep({ inputs: inputs(url, [ID[0], ID[2]], { 'dry-run': 'true', parameters: 'A=1' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`DEVPIPE.00011401`);
    expect(run.stdout).toContain(`The pipeline ${ID[2]} does not exist`);
  });
});
