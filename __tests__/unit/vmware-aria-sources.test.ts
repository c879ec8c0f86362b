/**
 * In process, against the emulator on loopback: where the adapter follows the public clients
 * (executionIndex from the execution, PowervRA's UPN login) and where the emulator follows the
 * sources (no refusal of other API versions or of a late cancel; real failure and cancel wording).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { AriaPipelineScenario, AriaScenario } from '../../emulator/vmware-aria.ts';
import { startEmulator, type Emulator } from '../../emulator/server.ts';
import { memoryLogger } from '../../src/log.ts';
import { splitUpn } from '../../src/providers/vmware-aria/auth.ts';
import { prepareStep } from '../../src/setup.ts';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

const REFRESH = 'refresh-sources-test';
const ADMIN = 'sources-admin-bearer';

function configure(pipelines: Record<string, AriaPipelineScenario>, extra: AriaScenario = {}, faults: unknown[] = []): void {
  emu.configure({ faults, 'vmware-aria': { refreshTokens: [REFRESH], accessTokens: [ADMIN], pipelines, ...extra } });
}

/** Prepares the step as the action does and triggers `pipeline`; returns the outcome and the step's log. */
async function trigger(pipeline: string, credentials: Record<string, string> = { 'refresh-token': REFRESH }) {
  const inputs: Record<string, string> = { provider: 'vmware-aria', endpoint: emu.url, 'pipeline-ids': pipeline, ...credentials };
  const log = memoryLogger();
  const step = await prepareStep({ inputs: (n) => inputs[n] ?? '', env: {}, log, secret: () => undefined });
  try {
    const { outcomes } = await step.provider
      .trigger([pipeline])
      .catch((e: unknown) => ({ outcomes: [{ error: e as Error, run: undefined }] }));
    return { outcome: outcomes[0], log };
  } finally {
    await step.http.close();
  }
}

const indexOf = (data: unknown): unknown => (data as { executionIndex?: unknown } | undefined)?.executionIndex;
const executionReads = (): number =>
  emu.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/codestream/api/executions/')).length;
const logins = () =>
  emu.requests.filter((r) => r.path === '/csp/gateway/am/api/login').map((r) => JSON.parse(r.body) as Record<string, string>);

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(path, emu.url), {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('executionIndex comes from the execution when the execute answer has none', () => {
  test.each<['zero' | 'absent' | 'real', number]>([
    ['zero', 1],
    ['absent', 1],
    ['real', 0],
  ])('execute answer index %s: %i read(s) of the execution, index 1', async (executeIndex, reads) => {
    configure({ p: { id: 'p', executeIndex } });
    const { outcome } = await trigger('p');
    expect(indexOf(outcome?.run?.data)).toBe(1);
    expect(executionReads()).toBe(reads);
  });

  test.each([
    ['404', { kind: 'respond', status: 404, body: { status: 404, error: 'Not Found', message: 'gone' } }],
    // Sent once: a retried read (here a 30 s Retry-After) would hold the step before its deadline runs.
    ['503 with Retry-After', { kind: 'respond', status: 503, headers: { 'retry-after': '30' } }],
  ])(
    'a failed read (%s) is not repeated, leaves the index empty and keeps the started run, with a warning',
    async (_n, action) => {
      configure({ p: { id: 'p' } }, {}, [{ method: 'GET', path: '^/codestream/api/executions/', action }]);
      const { outcome, log } = await trigger('p');
      expect(outcome?.run?.runId).toMatch(/^[0-9a-f-]{36}$/);
      expect(indexOf(outcome?.run?.data)).toBeNull();
      expect(executionReads()).toBe(1);
      expect(log.lines.filter((l) => l.startsWith('warning: ') && l.includes('could not read its index'))).toHaveLength(1);
    },
  );
});

describe('user@domain logins, the PowervRA way', () => {
  test.each([
    ['jdoe@corp.example', { user: 'jdoe', domain: 'corp.example' }],
    ['first.last@sub.corp.example', { user: 'first.last', domain: 'sub.corp.example' }],
    ['jdoe', undefined],
    ['@corp.example', undefined],
    ['jdoe@', undefined],
  ])('splitUpn(%s)', (upn, parts) => {
    expect(splitUpn(upn)).toEqual(parts);
  });

  test('a user known by name and domain logs in with the split, once', async () => {
    configure({ p: { id: 'p' } }, { users: [{ username: 'jdoe', password: 'pw', domain: 'corp.example' }] });
    const { outcome } = await trigger('p', { username: 'jdoe@corp.example', password: 'pw' });
    expect(outcome?.error).toBeUndefined();
    expect(logins()).toEqual([{ username: 'jdoe', password: 'pw', domain: 'corp.example' }]);
  });

  test('a given domain is sent as it is, without splitting the user name', async () => {
    configure({ p: { id: 'p' } }, { users: [{ username: 'jdoe@corp.example', password: 'pw', domain: 'other' }] });
    const { outcome } = await trigger('p', { username: 'jdoe@corp.example', password: 'pw', domain: 'other' });
    expect(outcome?.error).toBeUndefined();
    expect(logins()).toEqual([{ username: 'jdoe@corp.example', password: 'pw', domain: 'other' }]);
  });

  test('a wrong password is tried both ways (the domain kept, as PowervRA does), then fails once with the identity service’s message', async () => {
    configure({ p: { id: 'p' } }, { users: [{ username: 'jdoe', password: 'pw', domain: 'corp.example' }] });
    const { outcome } = await trigger('p', { username: 'jdoe@corp.example', password: 'wrong' });
    expect(logins()).toEqual([
      { username: 'jdoe', password: 'wrong', domain: 'corp.example' },
      { username: 'jdoe@corp.example', password: 'wrong', domain: 'corp.example' },
    ]);
    const message = outcome?.error?.message ?? '';
    expect(message).toContain('invalid_grant');
    expect(message.match(/invalid_grant/g)).toHaveLength(1);
  });
});

describe('the emulator follows the sources', () => {
  test('another apiVersion is answered, not refused', async () => {
    configure({ p: { id: 'p' } });
    const res = await call('GET', '/codestream/api/pipelines/p?apiVersion=2020-01-01');
    expect(res.status).toBe(200);
    expect(res.json['id']).toBe('p');
  });

  test('cancelling a finished execution answers 200 with the execution as it is', async () => {
    configure({ p: { id: 'p', stages: [{ name: 'S', tasks: [{ name: 'T', ms: 10 }] }] } });
    const started = await call('POST', '/codestream/api/pipelines/p/executions', { input: {} });
    const id = String(started.json['executionId']);
    expect(started.json['executionIndex']).toBe(0);
    let status = '';
    while (status !== 'COMPLETED') status = String((await call('GET', `/codestream/api/executions/${id}`)).json['status']);
    const cancelled = await call('POST', `/codestream/api/executions/${id}?action=cancel`, { reason: 'late' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ status: 'COMPLETED', statusMessage: 'Execution Completed.', index: 1 });
  });

  test('a failed execution’s statusMessage is `stage.task: message`; a cancel names the task and the user', async () => {
    configure({
      bad: {
        id: 'bad',
        stages: [{ name: 'Build', tasks: [{ name: 'Install TKG CLI', ms: 10, fail: 'Script execution failed.' }] }],
      },
      slow: { id: 'slow', stages: [{ name: 'Deploy', tasks: [{ name: 'Rollout', ms: 60_000 }] }] },
    });
    const bad = String((await call('POST', '/codestream/api/pipelines/bad/executions', {})).json['executionId']);
    let view: Record<string, unknown> = {};
    while (view['status'] !== 'FAILED') view = (await call('GET', `/codestream/api/executions/${bad}`)).json;
    expect(view['statusMessage']).toBe('Build.Install TKG CLI: Script execution failed.');
    const slow = String((await call('POST', '/codestream/api/pipelines/slow/executions', {})).json['executionId']);
    const cancelled = await call('POST', `/codestream/api/executions/${slow}?action=cancel`, { reason: 'stop' });
    expect(cancelled.json['statusMessage']).toBe('Deploy.Rollout: Execution canceled by ci-user.');
  });
});
