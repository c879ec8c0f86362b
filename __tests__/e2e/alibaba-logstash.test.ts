/**
 * The bundled action (dist/index.js) against the emulated Alibaba Cloud Elasticsearch API, STS and
 * Actions OIDC token service, run as the runner runs it. The emulator refuses any request whose V3
 * signature it cannot recompute from what arrived on the wire.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from '@jest/globals';
import type { AlibabaScenario, InstanceStats } from '../../emulator/alibaba-logstash.ts';
import { ROOT, runAction } from '../../emulator/run-action.ts';
import type { RecordedRequest } from '../../emulator/server.ts';
import { emulatorPerTest } from '../helpers/emulated.ts';
import { runStep } from '../helpers/in-process.ts';
import { runs } from '../helpers/runs.ts';

const emu = emulatorPerTest(() => runStep({ inputs: inputs(setup({ pipelines: { w: {} } }), 'w', { timeout: '1s' }) }));
const AK = 'LTAI5tE2eAccessKeyId';
const SK = 'e2eAccessKeySecretValue0123456789';
const INSTANCE = 'ls-cn-e2e000000001';

interface Stats {
  signatureRefusals: number;
  idTokens: number;
  assumeRole: number;
  stsRequests: Array<Record<string, string>>;
  instances: Record<string, InstanceStats>;
}

function setup(instance: object, extra: Partial<AlibabaScenario> = {}): string {
  emu.get().configure({ 'alibaba-logstash': { accessKeys: { [AK]: SK }, instances: { [INSTANCE]: instance }, ...extra } });
  return emu.get().url;
}

const inputs = (url: string, ids: string, more: Record<string, string> = {}): Record<string, string> => ({
  provider: 'alibaba-logstash',
  endpoint: url,
  'instance-id': INSTANCE,
  'pipeline-ids': ids,
  'access-key-id': AK,
  'access-key-secret': SK,
  timeout: '20s',
  'poll-interval': '1s',
  ...more,
});

const stats = (): Stats => emu.get().providers.get('alibaba-logstash')?.stats() as Stats;
const inst = (): InstanceStats => stats().instances[INSTANCE] as InstanceStats;
const calls = (action: string): RecordedRequest[] => emu.get().requests.filter((r) => r.headers['x-acs-action'] === action);
const withoutMasks = (text: string): string => text.replace(/::add-mask::.*\n/g, '');

describe('alibaba-logstash end to end', () => {
  emu.test('deploys several pipelines in one signed call and polls twice per round, however many pipelines', async () => {
    const url = setup({ pipelines: { a: {}, b: {}, c: {}, other: {} }, deployMs: 1500 });
    const run = await runStep({ inputs: inputs(url, 'a, b\nc') });
    expect(run.code).toBe(0);
    expect(run.outputs['conclusion']).toBe('success');
    expect(JSON.parse(run.outputs['run-ids'] ?? '')).toEqual(['a', 'b', 'c']);
    expect(run.outputs['status']).toBe('RUNNING');
    expect(runs(run.outputs).map((r) => [r['pipeline'], r['conclusion'], r['status'], r['instanceStatus']])).toEqual([
      ['a', 'success', 'RUNNING', 'active'],
      ['b', 'success', 'RUNNING', 'active'],
      ['c', 'success', 'RUNNING', 'active'],
    ]);
    const [trigger, ...more] = calls('RunPipelines');
    expect(more).toHaveLength(0);
    expect(trigger?.body).toBe('["a","b","c"]');
    expect(trigger?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(trigger?.headers['authorization']).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI5tE2eAccessKeyId,SignedHeaders=content-type;host;/,
    );
    expect(run.outputs['request-id']).toMatch(/^[0-9A-F-]{36}$/);
    expect(stats().signatureRefusals).toBe(0);
    expect(emu.get().requests.every((r) => r.status === 200)).toBe(true);
    // Pre-check: one of each before the trigger; after it, one pair per poll.
    const after = emu.get().requests.filter((r) => r.at >= (trigger?.at ?? 0) && r !== trigger);
    const describes = after.filter((r) => r.headers['x-acs-action'] === 'DescribeLogstash').length;
    const lists = after.filter((r) => r.headers['x-acs-action'] === 'ListPipeline').length;
    expect(describes).toBeGreaterThanOrEqual(2);
    expect(lists).toBe(describes);
    expect(after.length).toBe(describes + lists);
    expect(run.stdout).toContain('a: NOT_DEPLOYED — instance activating');
  });

  emu.test('a stale active + RUNNING right after the call is not taken for the deploy', async () => {
    const url = setup({ pipelines: { live: { status: 'RUNNING' } }, deployDelayMs: 1800, deployMs: 600 });
    const run = await runStep({ inputs: inputs(url, 'live') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('live: RUNNING — instance active, waiting for the deploy to begin');
    expect(run.stdout).toContain('live: RUNNING — instance activating');
    const finished = Date.parse(String(runs(run.outputs)[0]?.['finishedAt']));
    expect(finished).toBeGreaterThan(inst().deployStartedAt ?? Infinity);
  });

  emu.test('a deploy quicker than a poll is recognised by the pipeline’s new update time', async () => {
    const url = setup({ pipelines: { quick: { status: 'RUNNING' } }, deployDelayMs: 0, deployMs: 50 });
    const run = await runStep({ inputs: inputs(url, 'quick') });
    expect(run.code).toBe(0);
    expect(run.outputs['conclusion']).toBe('success');
  });

  emu.test('a pipeline left NOT_DEPLOYED fails with the instance’s error log; the others succeed', async () => {
    const url = setup({
      pipelines: { good: {}, broken: { outcome: 'not-deployed' } },
      errorLog: ['[ERROR][logstash.agent] Failed to execute action: Expected one of [ \\t\\r\\n], "#", "{" at line 3'],
    });
    const run = await runStep({ inputs: inputs(url, 'good,broken') });
    expect(run.code).toBe(1);
    expect(run.outputs['conclusion']).toBe('failure');
    const [good, broken] = runs(run.outputs);
    expect(good?.['conclusion']).toBe('success');
    expect(broken?.['conclusion']).toBe('failure');
    expect(broken?.['status']).toBe('NOT_DEPLOYED');
    expect(broken?.['message']).toContain(
      `pipeline broken is still NOT_DEPLOYED after the deploy ended (instance ${INSTANCE} active again)`,
    );
    expect(broken?.['message']).toContain('Failed to execute action: Expected one of');
    // One search for the failure message's error lines, one for the instance log printed in the job log (logs: failed).
    const searches = calls('ListLogstashLog');
    expect(searches.filter((c) => c.query['query'] === 'level:error')).toHaveLength(1);
    expect(searches.find((c) => c.query['query'] === 'level:error')?.query).toMatchObject({ type: 'LOGSTASH_INSTANCE_LOG' });
    expect(searches.filter((c) => c.query['query'] === '*')).toHaveLength(1);
    expect(run.stdout).toContain('::error::1 of 2 pipeline(s) did not succeed (failure):%0Abroken: failure — pipeline broken');
  });

  emu.test('error lines stored in upper case are still found: the lower-case search is repeated in upper case', async () => {
    const url = setup({
      pipelines: { good: {}, broken: { outcome: 'not-deployed' } },
      errorLog: ['[ERROR][logstash.pipeline] Pipeline error: broken config'],
      logLevelCase: 'upper',
    });
    const run = await runStep({ inputs: inputs(url, 'good,broken') });
    expect(run.code).toBe(1);
    expect(runs(run.outputs)[1]?.['message']).toContain(
      'recent instance errors:\n  [ERROR][logstash.pipeline] Pipeline error: broken config',
    );
    expect(runs(run.outputs)[1]?.['message']).not.toContain('reloading');
    // Then one search of every level: the instance log printed in the job log (logs: failed).
    expect(calls('ListLogstashLog').map((c) => c.query['query'])).toEqual(['level:error', 'level:ERROR', '*']);
  });

  emu.test(
    'throttling, a conflict and a lost response are retried, every RunPipelines with the same ClientToken, deploying once',
    async () => {
      const url = setup(
        { pipelines: { p1: {}, p2: {} } },
        {
          faults: [
            { action: 'RunPipelines', times: 2, status: 400, code: 'Throttling.User' },
            { action: 'RunPipelines', times: 1, status: 503, code: 'ServiceUnavailable', afterProcessing: true },
            { action: 'ListPipeline', times: 1, status: 400, code: 'Throttling.Api' },
            { action: 'DescribeLogstash', times: 1, status: 409, code: 'ConcurrencyUpdateInstanceConflict' },
          ],
        },
      );
      const run = await runStep({ inputs: inputs(url, 'p1,p2') });
      expect(run.code).toBe(0);
      const tokens = calls('RunPipelines').map((r) => r.query['ClientToken']);
      expect(tokens).toHaveLength(4);
      expect(new Set(tokens).size).toBe(1);
      expect(tokens[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(inst().deploys).toBe(1);
      expect(run.stdout).toMatch(/run pipelines p1, p2: HTTP 400; retry 1 of 4/);
      expect(run.stdout).toMatch(/run pipelines p1, p2: HTTP 503; retry 3 of 4/);
      const ids = new Set(calls('RunPipelines').map((r) => r.headers['x-acs-signature-nonce']));
      expect(ids.size).toBe(4);
    },
  );

  emu.test('the ClientToken is derived from repository, run, attempt and pipelines, or taken from client-token', async () => {
    const url = setup({ pipelines: { x: {} } });
    await runAction({ inputs: inputs(url, 'x', { wait: 'false' }) });
    const first = inst().runClientTokens[0];
    setup({ pipelines: { x: {} } });
    await runAction({ inputs: inputs(url, 'x', { wait: 'false' }) });
    expect(inst().runClientTokens[0]).toBe(first);
    setup({ pipelines: { x: {} } });
    await runAction({ inputs: inputs(url, 'x', { wait: 'false' }), env: { GITHUB_RUN_ATTEMPT: '2' } });
    expect(inst().runClientTokens[0]).not.toBe(first);
    setup({ pipelines: { x: {} } });
    await runAction({ inputs: inputs(url, 'x', { wait: 'false', 'client-token': 'deploy-42' }) });
    expect(inst().runClientTokens).toEqual(['deploy-42']);
  });

  emu.test('STS credentials from the ALIBABA_CLOUD_* variables sign with x-acs-security-token and are masked', async () => {
    const sts = {
      accessKeyId: 'STS.NTe2eTemporaryId',
      accessKeySecret: 'e2eTemporarySecret987',
      securityToken: 'CAISe2eSecurityToken555',
    };
    const url = setup({ pipelines: { s: {} } }, { accessKeys: {}, stsKeys: [sts] });
    const run = await runStep({
      inputs: { ...inputs(url, 's'), 'access-key-id': '', 'access-key-secret': '' },
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: sts.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: sts.accessKeySecret,
        ALIBABA_CLOUD_SECURITY_TOKEN: sts.securityToken,
      },
    });
    expect(run.code).toBe(0);
    const trigger = calls('RunPipelines')[0];
    expect(trigger?.headers['x-acs-security-token']).toBe(sts.securityToken);
    expect(trigger?.headers['x-acs-accesskey-id']).toBe(sts.accessKeyId);
    expect(trigger?.headers['authorization']).toContain('x-acs-security-token');
    expect(run.stdout).toContain(`::add-mask::${sts.accessKeySecret}`);
    expect(run.stdout).toContain(`::add-mask::${sts.securityToken}`);
    expect(withoutMasks(run.stdout)).not.toMatch(/e2eTemporarySecret987|CAISe2eSecurityToken555/);
  });

  emu.test(
    'keyless: the workflow’s OIDC token is exchanged with AssumeRoleWithOIDC and the STS credentials are masked',
    async () => {
      const oidc = {
        requestToken: 'runner-request-token-e2e',
        roleArn: 'acs:ram::1234567890123456:role/deployer',
        oidcProviderArn: 'acs:ram::1234567890123456:oidc-provider/github',
      };
      const url = setup({ pipelines: { k: {} } }, { accessKeys: {}, oidc });
      const run = await runAction({
        inputs: {
          ...inputs(url, 'k'),
          'access-key-id': '',
          'access-key-secret': '',
          'role-arn': oidc.roleArn,
          'oidc-provider-arn': oidc.oidcProviderArn,
        },
        env: {
          ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/actions/idtoken?api-version=2.0`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
          ALIBABA_CLOUD_STS_ENDPOINT: url,
        },
      });
      expect(run.code).toBe(0);
      expect(stats().idTokens).toBe(1);
      expect(stats().assumeRole).toBe(1);
      expect(stats().stsRequests[0]).toMatchObject({
        Action: 'AssumeRoleWithOIDC',
        Version: '2015-04-01',
        RoleArn: oidc.roleArn,
        OIDCProviderArn: oidc.oidcProviderArn,
        RoleSessionName: 'github-actions-4242',
        OIDCToken: '(present)',
      });
      const trigger = calls('RunPipelines')[0];
      const keyId = /Credential=([^,]+)/.exec(trigger?.headers['authorization'] ?? '')?.[1] ?? '';
      expect(keyId).toMatch(/^STS\./);
      const token = trigger?.headers['x-acs-security-token'] ?? '';
      expect(run.stdout).toContain(`::add-mask::${token}`);
      expect(run.stdout).toContain(`::add-mask::${keyId}`);
      expect(withoutMasks(run.stdout)).not.toContain(token);
      expect(run.stdout).toContain(`assumed ${oidc.roleArn} with the workflow's OIDC token`);
    },
  );

  emu.test('keyless without id-token permission fails before any request', async () => {
    const url = setup({ pipelines: { k: {} } });
    const run = await runAction({
      inputs: {
        ...inputs(url, 'k'),
        'access-key-id': '',
        'access-key-secret': '',
        'role-arn': 'acs:ram::1:role/r',
        'oidc-provider-arn': 'acs:ram::1:oidc-provider/p',
      },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::Input 'role-arn' needs the workflow's OIDC token");
    expect(run.stdout).toContain('permissions: id-token: write');
    expect(emu.get().requests).toHaveLength(0);
  });

  emu.test('a wrong secret fails with SignatureDoesNotMatch, its message and RequestId', async () => {
    const url = setup({ pipelines: { a: {} } });
    const run = await runStep({ inputs: { ...inputs(url, 'a'), 'access-key-secret': 'wrongButSecretValue' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /HTTP 400: SignatureDoesNotMatch: The request signature does not conform to Aliyun standards\..*\(request id [0-9A-F-]{36}\)/,
    );
    expect(withoutMasks(run.stdout)).not.toContain('wrongButSecretValue');
    expect(calls('RunPipelines')).toHaveLength(0);
  });

  emu.test('an instance that is activating is waited for; an inactive one fails before triggering', async () => {
    // Activation counts from configure(), before dist/ is spawned: 2.5 s leaves room for a slow spawn on a busy machine.
    let url = setup({ status: 'activating', activatingMs: 2500, pipelines: { w: {} } });
    let run = await runStep({ inputs: inputs(url, 'w') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `instance ${INSTANCE} is activating (another change is taking effect); waiting before deploying`,
    );
    url = setup({ status: 'inactive', pipelines: { w: {} } });
    run = await runStep({ inputs: inputs(url, 'w') });
    expect(run.code).toBe(1);
    expect(runs(run.outputs)[0]?.['message']).toBe(
      `could not start: instance ${INSTANCE} is inactive and takes no pipeline changes; nothing was deployed`,
    );
    expect(calls('RunPipelines')).toHaveLength(0);
  });

  emu.test('a pipeline id the instance does not have fails every pipeline before triggering', async () => {
    const url = setup({ pipelines: { real: {} } });
    const run = await runStep({ inputs: inputs(url, 'real,ghost') });
    expect(run.code).toBe(1);
    expect(runs(run.outputs).map((r) => r['conclusion'])).toEqual(['failure', 'failure']);
    expect(runs(run.outputs)[1]?.['message']).toContain(
      `instance ${INSTANCE} has no pipeline ghost; nothing was deployed (it has: real)`,
    );
    expect(calls('RunPipelines')).toHaveLength(0);
  });

  emu.test('an unknown instance reports InstanceNotFound with Alibaba’s message', async () => {
    const url = setup({ pipelines: {} });
    const run = await runStep({ inputs: inputs(url, 'a', { 'instance-id': 'ls-cn-missing' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('InstanceNotFound: The instanceId provided does not exist.');
  });

  emu.test('a deploy that never begins times out; StopPipelines only with cancel-on-abort, once for all pipelines', async () => {
    let url = setup({ pipelines: { t1: { status: 'RUNNING' }, t2: {} }, deploy: 'silent' });
    let run = await runStep({ inputs: inputs(url, 't1,t2', { timeout: '1s' }) });
    expect(run.code).toBe(1);
    expect(run.outputs['conclusion']).toBe('timed_out');
    expect(runs(run.outputs).map((r) => r['conclusion'])).toEqual(['timed_out', 'timed_out']);
    expect(inst().stopCalls).toBe(0);
    url = setup({ pipelines: { t1: { status: 'RUNNING' }, t2: {} }, deploy: 'silent' });
    run = await runStep({ inputs: inputs(url, 't1,t2', { timeout: '1s', 'cancel-on-abort': 'true' }) });
    expect(run.outputs['conclusion']).toBe('timed_out');
    expect(inst().stopCalls).toBe(1);
    expect(inst().stoppedPipelines).toEqual(['t1', 't2']);
    const stop = calls('StopPipelines')[0];
    expect(stop?.query['ClientToken']).toMatch(/^[0-9a-f-]{36}$/);
    expect(stop?.query['ClientToken']).not.toBe(calls('RunPipelines')[0]?.query['ClientToken']);
  });

  emu.test('wait: false returns the run ids and request-id at once', async () => {
    const url = setup({ pipelines: { bg: {} } });
    const run = await runStep({ inputs: inputs(url, 'bg', { wait: 'false' }) });
    expect(run.code).toBe(0);
    expect(run.outputs['conclusion']).toBe('triggered');
    expect(run.outputs['run-ids']).toBe('["bg"]');
    expect(run.outputs['request-id']).toMatch(/^[0-9A-F-]{36}$/);
  });

  emu.test('dry-run reads the instance and its pipelines (signed), prints the requests, deploys nothing', async () => {
    const url = setup({ pipelines: { a: {}, b: {} } });
    const run = await runAction({ inputs: inputs(url, 'a,b', { 'dry-run': 'true', 'client-token': 'tok-1' }) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[dry-run] read-only check passed: the credentials are accepted');
    expect(run.stdout).toContain(
      `[dry-run] a, b: POST ${url}/openapi/logstashes/${INSTANCE}/pipelines/action/run?ClientToken=tok-1`,
    );
    expect(run.stdout).toContain('    ["a","b"]');
    expect(
      emu
        .get()
        .requests.map((r) => `${r.method} ${String(r.headers['x-acs-action'])}`)
        .sort(),
    ).toEqual(['GET DescribeLogstash', 'GET ListPipeline']);
    expect(emu.get().requests.every((r) => r.status === 200)).toBe(true);
    expect(inst().runCalls).toBe(0);
    expect(withoutMasks(run.stdout)).not.toContain(SK);
  });

  emu.test('dry-run fails naming a pipeline the instance does not have, or the wrong key, before printing requests', async () => {
    const url = setup({ pipelines: { a: {} } });
    const missing = await runStep({ inputs: inputs(url, 'a,b', { 'dry-run': 'true' }) });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(`instance ${INSTANCE} has no pipeline b; nothing was deployed (it has: a)`);
    expect(missing.stdout).not.toContain('[dry-run] a');
    const wrong = await runStep({ inputs: inputs(url, 'a', { 'dry-run': 'true', 'access-key-secret': 'wrongSecret000' }) });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/::error::.*Signature/i);
    expect(inst().runCalls).toBe(0);
  });

  // The other bad inputs are checked in process (__tests__/unit/input-errors.test.ts); this one proves the runner path.
  emu.test('a bad input fails the step before any request, as the runner runs it', async () => {
    const url = setup({ pipelines: { ok: {} } });
    const run = await runAction({ inputs: { ...inputs(url, 'ok'), 'instance-id': 'ls/cn' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::Input 'instance-id' must be a Logstash instance id");
    expect(emu.get().requests).toHaveLength(0);
  });
});

interface ApiMeta {
  name: string;
  method: string;
  pathPattern: string;
  parameters: Array<{ name: string; position: string; required: boolean }>;
}

/** Problems with a recorded request against Alibaba's API metadata (aliyun-openapi-meta). */
function metadataViolations(apis: ApiMeta[], r: RecordedRequest): string[] {
  const api = apis.find((a) => a.name === r.headers['x-acs-action']);
  if (!api) return [`${r.path}: x-acs-action ${r.headers['x-acs-action']} is not an API the action may call`];
  const pattern = new RegExp(`^${api.pathPattern.replace(/\[[^\]]+\]/g, '[^/]+')}$`);
  const problems: string[] = [];
  if (api.method !== r.method || !pattern.test(r.path))
    problems.push(`${r.method} ${r.path} is not ${api.method} ${api.pathPattern}`);
  const query = api.parameters.filter((p) => p.position === 'Query');
  for (const name of Object.keys(r.query)) {
    if (!query.some((p) => p.name === name)) problems.push(`${api.name}: query parameter ${name} not described`);
  }
  for (const p of query) if (p.required && r.query[p.name] === undefined) problems.push(`${api.name}: ${p.name} missing`);
  return problems;
}

describe('alibaba-logstash requests', () => {
  emu.test('every Elasticsearch request matches the API metadata', async () => {
    const apis = Object.values(
      (
        JSON.parse(readFileSync(join(ROOT, '__fixtures__', 'alibaba-elasticsearch-apis.json'), 'utf8')) as {
          apis: Record<string, ApiMeta>;
        }
      ).apis,
    );
    const url = setup({ pipelines: { m1: {}, m2: { outcome: 'not-deployed' } } });
    await runStep({ inputs: inputs(url, 'm1,m2') });
    const sent = emu.get().requests.filter((r) => r.path.startsWith('/openapi/'));
    expect(new Set(sent.map((r) => r.headers['x-acs-action']))).toEqual(
      new Set(['DescribeLogstash', 'ListPipeline', 'RunPipelines', 'ListLogstashLog']),
    );
    expect(sent.flatMap((r) => metadataViolations(apis, r))).toEqual([]);
  });
});
