/**
 * The `iam-project-id` input, in process against the emulated gateway: read from the input, else from
 * HUAWEICLOUD_SDK_PROJECT_ID as the SDK reads it; checked before any request; sent as X-Project-Id
 * on every request (signed with AK/SK, alongside X-Auth-Token with a token); nothing without it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startEmulator, type Emulator } from '../../emulator/server.ts';
import { memoryLogger } from '../../src/log.ts';
import { prepareStep } from '../../src/setup.ts';

const PROJECT = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const IAM = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const OTHER_IAM = 'ffffeeeeddddccccbbbbaaaa99998888';
const PIPE = '85f622d9d0ad4852a9451dbc9fe3156a';
const AK = 'HPUAIAMEXAMPLEAK0001';
const SK = 'IamTestSecretKeyValue0123456789';
const TOKEN = 'MIIIamProjectTestToken';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function startOne(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<void> {
  emu.configure({
    'huawei-codearts': {
      projectId: PROJECT,
      credentials: [{ accessKeyId: AK, secretAccessKey: SK }],
      authTokens: [TOKEN],
      pipelines: { [PIPE]: { runMs: 20 } },
    },
  });
  const all: Record<string, string> = {
    provider: 'huawei-codearts',
    endpoint: emu.url,
    'project-id': PROJECT,
    'pipeline-ids': PIPE,
    ...inputs,
  };
  const step = await prepareStep({ inputs: (n) => all[n] ?? '', env, log: memoryLogger(), secret: () => undefined });
  try {
    const { outcomes } = await step.provider.trigger([PIPE]);
    if (outcomes[0]?.error) throw outcomes[0].error;
  } finally {
    await step.http.close();
  }
}

const keys = { 'access-key-id': AK, 'access-key-secret': SK };
const projectHeaders = (): Array<string | undefined> => emu.requests.map((r) => r.headers['x-project-id']);

describe('iam-project-id', () => {
  test('the input is sent and signed; it wins over HUAWEICLOUD_SDK_PROJECT_ID', async () => {
    await startOne({ ...keys, 'iam-project-id': IAM }, { HUAWEICLOUD_SDK_PROJECT_ID: OTHER_IAM });
    expect(projectHeaders()).toEqual([IAM]);
    expect(emu.requests[0]?.headers['authorization']).toContain('SignedHeaders=content-type;host;x-project-id;x-sdk-date,');
  });

  test('with an IAM token it travels next to X-Auth-Token', async () => {
    await startOne({ 'auth-token': TOKEN }, { HUAWEICLOUD_SDK_PROJECT_ID: IAM });
    expect(projectHeaders()).toEqual([IAM]);
    expect(emu.requests[0]?.headers['x-auth-token']).toBe(TOKEN);
  });

  test('without the input or the variable nothing is sent', async () => {
    await startOne(keys);
    expect(projectHeaders()).toEqual([undefined]);
  });

  test('a bad HUAWEICLOUD_SDK_PROJECT_ID fails naming the input and the variable, before any request (a bad input: input-errors.test.ts)', async () => {
    await expect(startOne(keys, { HUAWEICLOUD_SDK_PROJECT_ID: 'short' })).rejects.toThrow(
      "Input 'iam-project-id' (from HUAWEICLOUD_SDK_PROJECT_ID) has 'short'",
    );
    expect(emu.requests).toHaveLength(0);
  });
});
