/**
 * Bad inputs, in process: the step's whole input stage (`prepareStep`, as dist/index.js runs it)
 * fed `INPUT_*` variables the way the runner sets them, against a live emulator that must see no
 * request. Each provider's e2e file keeps one such case through dist/ to prove the runner path
 * (exit code 1 and the `::error::` line).
 */
import { describe, expect, test } from '@jest/globals';
import { runnerEnv } from '../../emulator/run-action.ts';
import { errorMessage } from '../../src/errors.ts';
import { envInputSource } from '../../src/inputs.ts';
import { memoryLogger } from '../../src/log.ts';
import { prepareStep } from '../../src/setup.ts';
import { useEmulator } from '../helpers/emulated.ts';

const emu = useEmulator();

/** The `::error::` line the main step would print for these inputs, or undefined when they pass. */
async function inputFailure(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<string | undefined> {
  const runner = runnerEnv('/nonexistent', inputs, env);
  try {
    const step = await prepareStep({ inputs: envInputSource(runner), env: runner, log: memoryLogger(), secret: () => undefined });
    await step.http.close();
    return undefined;
  } catch (err) {
    return `::error::${errorMessage(err)}`;
  }
}

type BadInput = [Record<string, string>, string];

/** Checks each bad input against the provider's emulator: the error names the input, and nothing was sent. */
function refusesBeforeAnyRequest(configure: () => void, base: () => Record<string, string>, cases: BadInput[]): void {
  test.each(cases)('bad input %j fails before any request', async (bad, message) => {
    configure();
    const failure = await inputFailure({ ...base(), ...bad });
    expect(failure).toContain(`::error::${message}`);
    expect(emu.get().requests).toHaveLength(0);
  });
}

describe('feldera inputs', () => {
  const KEY = 'apikey:e2eSecretKeyValue123';
  refusesBeforeAnyRequest(
    () => emu.get().configure({ feldera: { apiKey: KEY, pipelines: { ok: {} } } }),
    () => ({
      provider: 'feldera',
      endpoint: emu.get().url,
      'pipeline-ids': 'ok',
      'api-key': KEY,
      timeout: '30s',
      'poll-interval': '1s',
    }),
    [
      [{ initial: 'sprinting' }, "Input 'initial' must be one of running, paused, standby (got 'sprinting')"],
      [{ timeout: 'soon' }, "Input 'timeout' must be a duration such as 90, 90s, 15m or 2h"],
      [{ wait: 'yes' }, "Input 'wait' must be true or false"],
      [{ operation: 'activate', initial: 'standby' }, "Input 'initial' must be running or paused when operation is 'activate'"],
      [{ endpoint: 'http://feldera.example.com' }, "Input 'endpoint' must use https:// for a host that is not loopback"],
      [{ 'pipeline-ids': 'ok, not/ok' }, "Input 'pipeline-ids' has 'not/ok'"],
      // Names the 63-character rule of 0.308.0 refuses still work (it applies to new and renamed
      // pipelines only): they are warned about (__tests__/unit/feldera-adapter.test.ts); this is the old rule.
      [
        { 'pipeline-ids': `ok,${'p'.repeat(101)}` },
        `Input 'pipeline-ids' has '${'p'.repeat(101)}': Feldera pipeline names are 1 to 100 letters, digits, '_' and '-'`,
      ],
      [{ 'pipeline-ids': 'ok,tmp.v2' }, "Input 'pipeline-ids' has 'tmp.v2': Feldera pipeline names are 1 to 100"],
      [{ 'pipeline-ids': ' ' }, "Input 'pipeline-ids' is required"],
      [
        { provider: 'jenkins' },
        "Input 'provider' must be one of feldera, vmware-aria, huawei-codearts, alibaba-logstash (got 'jenkins')",
      ],
    ],
  );
});

describe('vmware-aria inputs', () => {
  const REFRESH = 'refresh-e2eSecretApiToken-9f8e7d';
  refusesBeforeAnyRequest(
    () => emu.get().configure({ 'vmware-aria': { refreshTokens: [REFRESH], pipelines: { p: { id: 'p' } } } }),
    () => ({
      provider: 'vmware-aria',
      endpoint: emu.get().url,
      'pipeline-ids': 'p',
      'refresh-token': REFRESH,
      timeout: '30s',
      'poll-interval': '1s',
    }),
    [
      [{ 'refresh-token': '' }, "Input 'refresh-token' is required for vmware-aria"],
      [{ 'access-token': 'x' }, "Input 'refresh-token' cannot be combined with 'access-token'"],
      [{ 'refresh-token': '', password: 'p' }, "Input 'username' is required with password"],
      [{ 'refresh-token': '', username: 'u' }, "Input 'password' is required with username"],
      [{ 'pipeline-ids': 'a/b/c' }, "Input 'pipeline-ids' has 'a/b/c': expected a pipeline id or project/name"],
      [{ 'pipeline-ids': 'proj/' }, "Input 'pipeline-ids' has 'proj/'"],
      [{ endpoint: '' }, "Input 'endpoint' is required for vmware-aria"],
      [{ endpoint: 'http://vra.example.com' }, "Input 'endpoint' must use https:// for a host that is not loopback"],
      [{ parameters: '[1, 2]' }, "Input 'parameters' must be a YAML/JSON mapping or KEY=VALUE lines"],
      [{ timeout: 'forever' }, "Input 'timeout' must be a duration"],
    ],
  );
});

describe('huawei-codearts inputs', () => {
  const PROJECT = 'e2e18230a85d4d6ab0b56cb6d2246c18';
  const AK = 'HPUAEXAMPLEAK1234567';
  const SK = 'E2eSecretKeyValue0123456789abcdefghijklm';
  const ID = '85f622d9d0ad4852a9451dbc9fe3156a';
  refusesBeforeAnyRequest(
    () =>
      emu.get().configure({
        'huawei-codearts': {
          projectId: PROJECT,
          credentials: [{ accessKeyId: AK, secretAccessKey: SK }],
          pipelines: { [ID]: {} },
        },
      }),
    () => ({
      provider: 'huawei-codearts',
      endpoint: emu.get().url,
      'project-id': PROJECT,
      'pipeline-ids': ID,
      'access-key-id': AK,
      'access-key-secret': SK,
      timeout: '30s',
      'poll-interval': '1s',
    }),
    [
      [{ 'pipeline-ids': 'short-id' }, "Input 'pipeline-ids' has 'short-id': CodeArts pipeline ids are 32 letters and digits"],
      [{ 'project-id': '' }, "Input 'project-id' is required for huawei-codearts"],
      [{ 'project-id': 'nope' }, "Input 'project-id' must be the 32-character CodeArts project id"],
      [{ 'access-key-id': '' }, "Input 'access-key-id' is required for huawei-codearts (or set HUAWEICLOUD_SDK_AK"],
      [{ 'access-key-secret': '' }, "Input 'access-key-secret' is required with access-key-id"],
      [{ 'auth-token': 'tok' }, "Input 'auth-token' cannot be combined with access-key-id/access-key-secret"],
      [{ endpoint: '', region: 'eu-west-101' }, "Input 'region' 'eu-west-101' has no CodeArts Pipeline endpoint"],
      [{ endpoint: '' }, "Input 'region' is required for huawei-codearts unless endpoint is given"],
      [{ parameters: '[1, 2]' }, "Input 'parameters' must be a YAML/JSON mapping or KEY=VALUE lines"],
    ],
  );
});

describe('alibaba-logstash inputs', () => {
  const AK = 'LTAI5tE2eAccessKeyId';
  const SK = 'e2eAccessKeySecretValue0123456789';
  const INSTANCE = 'ls-cn-e2e000000001';
  refusesBeforeAnyRequest(
    () =>
      emu
        .get()
        .configure({ 'alibaba-logstash': { accessKeys: { [AK]: SK }, instances: { [INSTANCE]: { pipelines: { ok: {} } } } } }),
    () => ({
      provider: 'alibaba-logstash',
      endpoint: emu.get().url,
      'instance-id': INSTANCE,
      'pipeline-ids': 'ok',
      'access-key-id': AK,
      'access-key-secret': SK,
      timeout: '20s',
      'poll-interval': '1s',
    }),
    [
      [{ 'instance-id': '' }, "Input 'instance-id' is required for alibaba-logstash"],
      [{ 'instance-id': 'ls/cn' }, "Input 'instance-id' must be a Logstash instance id"],
      [{ endpoint: '' }, "Input 'region' is required for alibaba-logstash (or give endpoint)"],
      [{ 'pipeline-ids': 'ok, not ok' }, "Input 'pipeline-ids' has 'not ok'"],
      [{ 'client-token': 'has space' }, "Input 'client-token' must be at most 64 letters"],
      [{ 'access-key-secret': '' }, "Input 'access-key-secret' is required when access-key-id is set"],
      [
        { 'access-key-id': '', 'access-key-secret': '' },
        "Input 'access-key-id' is required: give access-key-id and access-key-secret",
      ],
      [{ 'oidc-provider-arn': 'acs:ram::1:oidc-provider/p' }, "Input 'role-arn' is required with oidc-provider-arn"],
      [
        { 'role-arn': 'arn:aws:iam::1:role/x', 'oidc-provider-arn': 'acs:ram::1:oidc-provider/p' },
        "Input 'role-arn' must be a RAM role ARN",
      ],
      [{ 'cancel-on-abort': 'maybe' }, "Input 'cancel-on-abort' must be true or false"],
    ],
  );
});
