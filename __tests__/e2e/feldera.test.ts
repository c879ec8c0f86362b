/**
 * The bundled action (dist/index.js) against the emulated Feldera API, run as the runner runs it.
 */
import { describe, expect, test } from '@jest/globals';
import { runAction } from '../../emulator/run-action.ts';
import { loadDescription, violations } from '../helpers/openapi.ts';
import { useEmulator } from '../helpers/emulated.ts';
import { runs } from '../helpers/runs.ts';

const emu = useEmulator();
const KEY = 'apikey:e2eSecretKeyValue123';

function setup(pipelines: Record<string, object>, extra: object = {}): string {
  emu.get().configure({ feldera: { apiKey: KEY, pipelines, ...extra } });
  return emu.get().url;
}

const inputs = (url: string, ids: string, more: Record<string, string> = {}): Record<string, string> => ({
  provider: 'feldera',
  endpoint: url,
  'pipeline-ids': ids,
  'api-key': KEY,
  timeout: '30s',
  'poll-interval': '1s',
  ...more,
});

const triggers = (): Record<string, { triggers: number; stops: number }> =>
  (emu.get().providers.get('feldera')?.stats() ?? {}) as Record<string, { triggers: number; stops: number }>;

describe('feldera end to end', () => {
  test('starts several pipelines once each, waits through early start, and succeeds', async () => {
    // Compile times count from configure(), before dist/ is spawned: 5 s leaves room for a slow spawn on a busy machine.
    const url = setup({ a: {}, b: { compileMs: 5000 }, c: { provisionMs: 600 } });
    const run = await runAction({ inputs: inputs(url, 'a, b\nc') });
    expect(run.code).toBe(0);
    expect(run.outputs['conclusion']).toBe('success');
    expect(JSON.parse(run.outputs['run-ids'] ?? '')).toEqual(['a', 'b', 'c']);
    expect(run.outputs['status']).toBe('Running');
    expect(runs(run.outputs).map((r) => [r['pipeline'], r['conclusion'], r['status']])).toEqual([
      ['a', 'success', 'Running'],
      ['b', 'success', 'Running'],
      ['c', 'success', 'Running'],
    ]);
    expect(Object.values(triggers()).map((t) => t.triggers)).toEqual([1, 1, 1]);
    expect(run.stdout).toContain('b: Stopped — program Compiling');
    expect(run.summary).toContain('<table>');
  });

  test('sends only requests the published OpenAPI description allows', async () => {
    const url = setup({ p1: {}, p2: { outcome: 'awaiting-approval' } });
    await runAction({
      inputs: inputs(url, 'p1,p2', { initial: 'paused', 'bootstrap-policy': 'allow', 'dismiss-error': 'false' }),
    });
    const api = loadDescription('feldera-openapi.json');
    const sent = emu.get().requests;
    expect(sent.length).toBeGreaterThan(3);
    expect(sent.flatMap((r) => violations(api, r))).toEqual([]);
    const start = sent.find((r) => r.path === '/v0/pipelines/p1/start');
    expect(start?.query).toEqual({ initial: 'paused', bootstrap_policy: 'allow', dismiss_error: 'false' });
    expect(start?.headers['authorization']).toBe(`Bearer ${KEY}`);
  });

  test('AwaitingApproval ends the wait successfully with a warning', async () => {
    const url = setup({ gated: { outcome: 'awaiting-approval' } });
    const run = await runAction({ inputs: inputs(url, 'gated') });
    expect(run.code).toBe(0);
    expect(run.outputs['status']).toBe('AwaitingApproval');
    expect(run.stdout).toMatch(/::warning title=gated::gated is awaiting bootstrap approval/);
  });

  test('a deployment error fails the step with its error_code and message', async () => {
    const url = setup({
      ok: {},
      bad: { outcome: 'deployment-error', errorCode: 'RunnerProvisionError', errorMessage: 'no capacity left' },
    });
    const run = await runAction({ inputs: inputs(url, 'ok,bad') });
    expect(run.code).toBe(1);
    expect(run.outputs['conclusion']).toBe('failure');
    const bad = runs(run.outputs).find((r) => r['pipeline'] === 'bad');
    expect(bad?.['conclusion']).toBe('failure');
    expect(bad?.['message']).toBe('RunnerProvisionError: no capacity left');
    expect(run.stdout).toContain(
      '::error::1 of 2 pipeline(s) did not succeed (failure):%0Abad: failure — RunnerProvisionError: no capacity left',
    );
  });

  test('a compile error after an early start is reported with the compiler output', async () => {
    // Compile times count from configure(), before dist/ is spawned: 5 s leaves room for a slow spawn on a busy machine.
    const url = setup({ sql: { compileMs: 5000, program: 'SqlError' } });
    const run = await runAction({ inputs: inputs(url, 'sql') });
    expect(run.code).toBe(1);
    const msg = String(runs(run.outputs)[0]?.['message']);
    expect(msg).toContain('StartFailedDueToFailedCompilation');
    expect(msg).toContain("SQL line 3: Table 'missing_table' not found");
  });

  test('a program that already failed to compile is refused at /start', async () => {
    const url = setup({ broken: { program: 'RustError' } });
    const run = await runAction({ inputs: inputs(url, 'broken') });
    expect(run.code).toBe(1);
    expect(runs(run.outputs)[0]?.['message']).toBe(
      'could not start: HTTP 400: CannotStartWithCompilationError: Cannot start a pipeline whose program failed to compile',
    );
  });

  test('an unknown pipeline fails with Feldera’s code, and the others still start', async () => {
    const url = setup({ known: {} });
    const run = await runAction({ inputs: inputs(url, 'known,ghost') });
    expect(run.code).toBe(1);
    expect(runs(run.outputs).map((r) => r['conclusion'])).toEqual(['success', 'failure']);
    expect(runs(run.outputs)[1]?.['message']).toContain("UnknownPipelineName: Unknown pipeline name 'ghost'");
  });

  test('503 bursts on trigger and status calls are retried', async () => {
    const url = setup({ flaky: { unavailable503: 3 } });
    const run = await runAction({ inputs: inputs(url, 'flaky') });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/start pipeline flaky: HTTP 503; retry 1 of 4/);
    expect(triggers()['flaky']?.triggers).toBe(1);
  });

  test('the timeout ends the wait with timed_out, and cancel-on-abort stops the pipeline', async () => {
    const url = setup({ slow: { outcome: 'stuck' } });
    const run = await runAction({ inputs: inputs(url, 'slow', { timeout: '1s', 'cancel-on-abort': 'true' }) });
    expect(run.code).toBe(1);
    expect(run.outputs['conclusion']).toBe('timed_out');
    expect(runs(run.outputs)[0]?.['conclusion']).toBe('timed_out');
    expect(triggers()['slow']?.stops).toBe(1);
    const stop = emu.get().requests.find((r) => r.path.endsWith('/stop'));
    expect(stop?.query).toEqual({ force: 'true' });
  });

  test('wait: false returns at once with the run ids and conclusion triggered', async () => {
    const url = setup({ bg: { provisionMs: 5000 } });
    const run = await runAction({ inputs: inputs(url, 'bg', { wait: 'false' }) });
    expect(run.code).toBe(0);
    expect(run.outputs['conclusion']).toBe('triggered');
    expect(run.outputs['run-ids']).toBe('["bg"]');
    expect(emu.get().requests.filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  test('run ids are in GITHUB_OUTPUT as soon as the trigger returns, before the wait ends', async () => {
    const url = setup({ long: { outcome: 'stuck' } });
    // Killed as soon as the first status line shows the wait has begun.
    const run = await runAction({
      inputs: inputs(url, 'long', { timeout: '1m' }),
      killWhen: /^long: \w+.*\(after /m,
    });
    expect(run.signal).toBe('SIGKILL');
    expect(run.outputs['run-ids']).toBe('["long"]');
    expect(run.outputs['conclusion']).toBe('triggered');
    expect(JSON.parse(run.state['runs'] ?? '[]')).toEqual([expect.objectContaining({ pipeline: 'long', runId: 'long' })]);
  });

  test('a wrong API key fails with AuthenticationFailed and never prints the key', async () => {
    setup({ a: {} });
    const run = await runAction({ inputs: { ...inputs(emu.get().url, 'a'), 'api-key': 'apikey:wrongButSecret987' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('AuthenticationFailed: Unauthorized: invalid API key');
    expect(run.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain('wrongButSecret987');
  });

  test('FELDERA_HOST and FELDERA_API_KEY stand in for endpoint and api-key', async () => {
    const url = setup({ envy: {} });
    const run = await runAction({
      inputs: { provider: 'feldera', 'pipeline-ids': 'envy' },
      env: { FELDERA_HOST: url, FELDERA_API_KEY: KEY },
    });
    expect(run.code).toBe(0);
  });

  test('activate moves a standby pipeline to paused (Enterprise)', async () => {
    const url = setup({ sb: { startInStandby: true } }, { enterprise: true });
    const run = await runAction({ inputs: inputs(url, 'sb', { operation: 'activate', initial: 'paused' }) });
    expect(run.code).toBe(0);
    expect(run.outputs['status']).toBe('Paused');
    expect(emu.get().requests.find((r) => r.path.endsWith('/activate'))?.query).toEqual({ initial: 'paused' });
  });

  test('activate on the open-source build reports EnterpriseFeature', async () => {
    const url = setup({ sb: { startInStandby: true } });
    const run = await runAction({ inputs: inputs(url, 'sb', { operation: 'activate' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('EnterpriseFeature');
    expect(emu.get().requests.find((r) => r.path.endsWith('/activate'))?.query).toEqual({});
  });

  test('standby start without file storage is refused with InitialStandbyNotAllowed; with it, waits for Standby', async () => {
    const url = setup({ nostore: {}, store: { standbyAllowed: true } });
    const run = await runAction({ inputs: inputs(url, 'nostore,store', { initial: 'standby' }) });
    expect(runs(run.outputs).map((r) => [r['conclusion'], r['status']])).toEqual([
      ['failure', 'not started'],
      ['success', 'Standby'],
    ]);
    expect(runs(run.outputs)[0]?.['message']).toContain('InitialStandbyNotAllowed');
  });

  // The other bad inputs are checked in process (__tests__/unit/input-errors.test.ts); this one proves the runner path.
  test('a bad input fails the step before any request, as the runner runs it', async () => {
    const url = setup({ ok: {} });
    const run = await runAction({ inputs: { ...inputs(url, 'ok'), initial: 'sprinting' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::Input 'initial' must be one of running, paused, standby (got 'sprinting')");
    expect(emu.get().requests).toHaveLength(0);
  });

  test('dry-run prints the start request and sends only the read-only status check', async () => {
    const url = setup({ ok: {} });
    const run = await runAction({ inputs: inputs(url, 'ok', { 'dry-run': 'true' }) });
    expect(run.code).toBe(0);
    expect(run.outputs['conclusion']).toBe('triggered');
    expect(run.stdout).toContain(`[dry-run] ok: POST ${url}/v0/pipelines/ok/start?initial=running&dismiss_error=true`);
    expect(emu.get().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v0/pipelines/ok']);
  });
});

describe('feldera: many pipelines, one list call a poll round', () => {
  const many = (prefix: string, n: number, scenario: object = {}): Record<string, object> =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, { provisionMs: 1200, ...scenario }]));
  const ids = (prefix: string, n: number): string => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(',');
  const gets = (): Array<{ path: string; query: Record<string, string> }> => emu.get().requests.filter((r) => r.method === 'GET');

  test('six pipelines are polled with GET /v0/pipelines?selector=status, none one by one, all within the API description', async () => {
    const url = setup(many('m', 6));
    const run = await runAction({ inputs: inputs(url, ids('m', 6)) });
    expect(run.code).toBe(0);
    expect(runs(run.outputs).map((r) => r['conclusion'])).toEqual(Array(6).fill('success'));
    expect(gets().length).toBeGreaterThan(0);
    for (const r of gets()) expect([r.path, r.query]).toEqual(['/v0/pipelines', { selector: 'status' }]);
    const api = loadDescription('feldera-openapi.json');
    expect(emu.get().requests.flatMap((r) => violations(api, r))).toEqual([]);
  });

  test('a compile error seen in the list still reports the compiler output', async () => {
    // Compile times count from configure(), before dist/ is spawned: 5 s leaves room for a slow spawn on a busy machine.
    const url = setup({ ...many('m', 3), sql: { compileMs: 5000, program: 'SqlError' } });
    const run = await runAction({ inputs: inputs(url, `${ids('m', 3)},sql`) });
    expect(run.code).toBe(1);
    const failed = runs(run.outputs).find((r) => r['pipeline'] === 'sql');
    expect(String(failed?.['message'])).toContain("SQL line 3: Table 'missing_table' not found");
    expect(gets().some((r) => r.path === '/v0/pipelines/sql' && r.query['selector'] === 'all')).toBe(true);
  });

  test('a tenant with many more pipelines than the step waits on is polled per pipeline after the first round', async () => {
    const url = setup({ ...many('m', 4), ...many('idle', 30) });
    const run = await runAction({ inputs: inputs(url, ids('m', 4)) });
    expect(run.code).toBe(0);
    expect(gets().filter((r) => r.path === '/v0/pipelines')).toHaveLength(1);
    expect(gets().filter((r) => r.path === '/v0/pipelines/m0').length).toBeGreaterThan(0);
  });

  test('a list call that fails is replaced by per-pipeline calls for that round, and the list is used again after', async () => {
    emu.get().configure({
      feldera: { apiKey: KEY, pipelines: many('m', 4) },
      faults: [
        { method: 'GET', path: '^/v0/pipelines$', times: 1, action: { kind: 'respond', status: 404, body: { message: 'no' } } },
      ],
    });
    const run = await runAction({ inputs: inputs(emu.get().url, ids('m', 4)) });
    expect(run.code).toBe(0);
    expect(runs(run.outputs).map((r) => r['conclusion'])).toEqual(Array(4).fill('success'));
    expect(gets().filter((r) => /^\/v0\/pipelines\/m\d$/.test(r.path))).toHaveLength(4);
    expect(gets().filter((r) => r.path === '/v0/pipelines').length).toBeGreaterThan(1);
  });
});
