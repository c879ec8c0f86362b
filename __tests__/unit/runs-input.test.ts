/** The `runs` input is checked before any request: each mistake is an error naming `runs` and what it accepts. */
import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/errors.ts';
import { memoryLogger } from '../../src/log.ts';
import { prepareStep } from '../../src/setup.ts';

const FELDERA_ENTRY = {
  provider: 'feldera',
  pipeline: 'orders',
  runId: 'orders',
  status: 'triggered',
  conclusion: 'triggered',
  handle: {
    version: 1,
    provider: 'feldera',
    pipeline: 'orders',
    runId: 'orders',
    data: { operation: 'start', initial: 'paused' },
  },
};
const ALIBABA_ENTRY = {
  provider: 'alibaba-logstash',
  pipeline: 'ingest',
  runId: 'ingest',
  handle: {
    version: 1,
    provider: 'alibaba-logstash',
    pipeline: 'ingest',
    runId: 'ingest',
    data: { instanceId: 'ls-cn-abc', clientToken: 'tok-1', triggeredAt: 1, updatedBefore: '2026-01-01' },
  },
};

async function prepare(inputs: Record<string, string>): Promise<Awaited<ReturnType<typeof prepareStep>>> {
  const step = await prepareStep({ inputs: (n) => inputs[n] ?? '', env: {}, log: memoryLogger(), secret: () => undefined });
  await step.http.close();
  return step;
}

const feldera = (runs: unknown, more: Record<string, string> = {}): Record<string, string> => ({
  provider: 'feldera',
  endpoint: 'http://127.0.0.1:9',
  runs: typeof runs === 'string' ? runs : JSON.stringify(runs),
  ...more,
});

async function refusal(inputs: Record<string, string>): Promise<string> {
  const err = await prepare(inputs).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return (err as Error).message;
}

describe('runs input', () => {
  test('a valid entry becomes the run to wait for, with the state its start asked for', async () => {
    const step = await prepare(feldera([FELDERA_ENTRY]));
    expect(step.settings['pipeline-ids']).toEqual(['orders']);
    expect(step.resumed).toEqual([{ pipeline: 'orders', run: FELDERA_ENTRY.handle }]);
  });

  test('not JSON', async () => {
    expect(await refusal(feldera('[{"pipeline":'))).toMatch(
      /^Input 'runs' must be the 'runs' output of an earlier step .*; it is not JSON/,
    );
  });

  test('an empty list, or entries that are not run objects', async () => {
    expect(await refusal(feldera([]))).toMatch(/^Input 'runs' must be .* with at least one run/);
    expect(await refusal(feldera(['orders']))).toMatch(/^Input 'runs' entry 1 is not an object/);
  });

  test('runs of another provider', async () => {
    expect(await refusal(feldera([ALIBABA_ENTRY]))).toMatch(
      /^Input 'runs' entry 1 \(pipeline ingest\) is a alibaba-logstash run; this step's provider is feldera/,
    );
  });

  test('a handle version this version of the action does not read', async () => {
    const future = { ...FELDERA_ENTRY, handle: { ...FELDERA_ENTRY.handle, version: 2 } };
    expect(await refusal(feldera([future]))).toMatch(/has a handle of version 2; this version of the action reads version 1/);
  });

  test('an entry without what its provider needs to wait', async () => {
    const bare = { ...FELDERA_ENTRY, handle: { ...FELDERA_ENTRY.handle, data: {} } };
    expect(await refusal(feldera([bare]))).toMatch(
      /entry 1 \(pipeline orders\) lacks what feldera needs to wait: handle\.data\.operation/,
    );
    const noHandle: Record<string, unknown> = { ...FELDERA_ENTRY };
    delete noHandle['handle'];
    expect(await refusal(feldera([noHandle]))).toMatch(/has no 'handle'/);
    const noInstance = { ...ALIBABA_ENTRY, handle: { ...ALIBABA_ENTRY.handle, data: { clientToken: 't', triggeredAt: 1 } } };
    const alibaba = { provider: 'alibaba-logstash', region: 'cn-hangzhou', 'access-key-id': 'a', 'access-key-secret': 'b' };
    expect(await refusal({ ...alibaba, runs: JSON.stringify([noInstance]) })).toMatch(/handle\.data\.instanceId/);
  });

  test('together with pipeline-ids', async () => {
    expect(await refusal(feldera([FELDERA_ENTRY], { 'pipeline-ids': 'orders' }))).toMatch(
      /^Input 'runs' cannot be given together with 'pipeline-ids'/,
    );
  });

  test('the instance comes from the handles; cancel-on-abort defaults to false, true is honoured', async () => {
    const alibaba = { provider: 'alibaba-logstash', region: 'cn-hangzhou', 'access-key-id': 'a', 'access-key-secret': 'b' };
    const waiting = await prepare({ ...alibaba, runs: JSON.stringify([ALIBABA_ENTRY]) });
    expect(waiting.cancelOnAbort).toBe(false);
    const aria = { provider: 'vmware-aria', endpoint: 'http://127.0.0.1:9', 'access-token': 'tok' };
    const ariaEntry = {
      provider: 'vmware-aria',
      pipeline: 'p1',
      runId: 'e1',
      handle: { version: 1, provider: 'vmware-aria', pipeline: 'p1', runId: 'e1', data: { executionIndex: 3 } },
    };
    expect((await prepare({ ...aria, runs: JSON.stringify([ariaEntry]) })).cancelOnAbort).toBe(false);
    expect((await prepare({ ...aria, runs: JSON.stringify([ariaEntry]), 'cancel-on-abort': 'true' })).cancelOnAbort).toBe(true);
    expect(await refusal({ ...alibaba, 'instance-id': 'ls-cn-other', runs: JSON.stringify([ALIBABA_ENTRY]) })).toMatch(
      /^Input 'runs' has a run on instance ls-cn-abc, but this step's instance is ls-cn-other/,
    );
  });
});
