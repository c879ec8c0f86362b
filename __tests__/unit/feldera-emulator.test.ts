/**
 * The Feldera emulator's own rules, each as the pipeline manager's source states it: talked to over
 * HTTP on loopback, in process, with emulated durations of zero or "long" so no test sleeps.
 */
import { describe, expect, test } from '@jest/globals';
import type { FelderaScenario } from '../../emulator/feldera.ts';
import { useEmulator } from '../helpers/emulated.ts';

const emu = useEmulator();
const KEY = 'apikey:emulatorRulesKey';

function setup(scenario: FelderaScenario): void {
  emu.get().configure({ feldera: { apiKey: KEY, ...scenario } });
}

async function call(
  method: string,
  path: string,
  key = KEY,
): Promise<{ status: number; body: Record<string, unknown> & { error_code?: string; message?: string } }> {
  const res = await fetch(`${emu.get().url}${path}`, { method, headers: { authorization: `Bearer ${key}` } });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const status = async (name: string): Promise<Record<string, unknown>> =>
  (await call('GET', `/v0/pipelines/${name}?selector=status`)).body;
const stats = (name: string): { triggers: number; starts: number; dismissals: number } =>
  (emu.get().providers.get('feldera')?.stats() as Record<string, { triggers: number; starts: number; dismissals: number }>)[
    name
  ] ?? { triggers: 0, starts: 0, dismissals: 0 };

/** Fails right after provisioning and stays Stopping for a minute. */
const failing = {
  provisionMs: 0,
  initializeMs: 0,
  stopMs: 60_000,
  outcome: 'deployment-error',
  errorCode: 'RunnerProvisionError',
} as const;

describe('feldera emulator: /start', () => {
  test('a start on a pipeline provisioned with the same initial and policy is a no-op 202: a paused pipeline stays paused', async () => {
    setup({ pipelines: { p: { deployed: { initial: 'running', runtime: 'Paused' } } } });
    expect(await call('POST', '/v0/pipelines/p/start?initial=running&dismiss_error=false')).toEqual({
      status: 202,
      body: 'Pipeline is starting',
    });
    expect(await status('p')).toMatchObject({
      deployment_status: 'Paused',
      deployment_desired_status: 'Paused',
      deployment_initial: 'Running',
      deployment_runtime_desired_status: 'Paused',
      bootstrap_policy: 'await_approval',
    });
    expect(stats('p').starts).toBe(0);
  });

  test('a different initial answers InitialImmutableUnlessStopped, a different policy BootstrapPolicyImmutableUnlessStopped', async () => {
    setup({ pipelines: { p: { deployed: { initial: 'paused', bootstrapPolicy: 'allow' } } } });
    const initial = await call('POST', '/v0/pipelines/p/start?initial=running&bootstrap_policy=allow');
    expect([initial.status, initial.body.error_code]).toEqual([400, 'InitialImmutableUnlessStopped']);
    expect(initial.body.message).toBe(
      'Initial desired runtime status cannot be changed unless the pipeline is desired to become Stopped.',
    );
    const policy = await call('POST', '/v0/pipelines/p/start?initial=paused');
    expect([policy.status, policy.body.error_code]).toEqual([400, 'BootstrapPolicyImmutableUnlessStopped']);
  });

  test('a start while Stopping answers IllegalPipelineAction', async () => {
    setup({ pipelines: { p: { previousError: { code: 'RunnerProvisionError', message: 'boom', stoppingMs: 60_000 } } } });
    const res = await call('POST', '/v0/pipelines/p/start?initial=running');
    expect([res.status, res.body.error_code]).toEqual([400, 'IllegalPipelineAction']);
    expect(res.body.message).toContain('Cannot restart the pipeline while it is stopping');
  });

  test('dismiss_error=false with an error set answers CannotStartWithUndismissedError; the default dismisses and deploys', async () => {
    setup({ pipelines: { p: { previousError: { code: 'RunnerProvisionError', message: 'boom' } } } });
    const refused = await call('POST', '/v0/pipelines/p/start?initial=running&dismiss_error=false');
    expect([refused.status, refused.body.error_code]).toEqual([400, 'CannotStartWithUndismissedError']);
    expect(stats('p').starts).toBe(0);
    expect((await call('POST', '/v0/pipelines/p/start?initial=running')).status).toBe(202);
    expect(await status('p')).toMatchObject({ deployment_error: null, deployment_desired_status: 'Running' });
    expect(stats('p').starts).toBe(1);
  });

  test('a deployment error sets desired Stopped with the error; a repeated start is refused while it is stopping', async () => {
    setup({ pipelines: { p: failing } });
    expect((await call('POST', '/v0/pipelines/p/start?dismiss_error=false')).status).toBe(202);
    expect(await status('p')).toMatchObject({
      deployment_status: 'Stopping',
      deployment_desired_status: 'Stopped',
      deployment_error: { error_code: 'RunnerProvisionError', message: 'Pipeline failed to provision' },
    });
    expect((await call('POST', '/v0/pipelines/p/start?dismiss_error=false')).body.error_code).toBe('IllegalPipelineAction');
    expect(stats('p').starts).toBe(1);
  });
});

describe('feldera emulator: /dismiss_error', () => {
  test('refused only while an error is set and the pipeline is not fully stopped', async () => {
    setup({
      pipelines: {
        stopping: { previousError: { code: 'X', message: 'y', stoppingMs: 60_000 } },
        stopped: { previousError: { code: 'X', message: 'y' } },
        clean: {},
      },
    });
    const refused = await call('POST', '/v0/pipelines/stopping/dismiss_error');
    expect([refused.status, refused.body.error_code]).toEqual([400, 'DismissErrorRestrictedToFullyStopped']);
    expect(await call('POST', '/v0/pipelines/stopped/dismiss_error')).toEqual({
      status: 200,
      body: 'Pipeline deployment error has been dismissed',
    });
    expect((await status('stopped'))['deployment_error']).toBeNull();
    expect((await call('POST', '/v0/pipelines/clean/dismiss_error')).status).toBe(200);
  });
});

describe('feldera emulator: /activate and /stop', () => {
  test('activate keeps deployment_initial Standby, and a repeated activate is a no-op 202', async () => {
    setup({ enterprise: true, pipelines: { p: { startInStandby: true } } });
    expect(await call('POST', '/v0/pipelines/p/activate')).toEqual({
      status: 202,
      body: 'Pipeline transitioning from Standby to Running',
    });
    expect(await call('POST', '/v0/pipelines/p/activate')).toEqual({
      status: 202,
      body: 'Pipeline transitioning from Running to Running',
    });
    expect(await status('p')).toMatchObject({ deployment_status: 'Running', deployment_initial: 'Standby' });
    expect(stats('p')).toMatchObject({ triggers: 2, starts: 1 });
    // deployment_initial is still Standby, so a start asking for running is refused as on the real server.
    expect((await call('POST', '/v0/pipelines/p/start?initial=running')).body.error_code).toBe('InitialImmutableUnlessStopped');
  });

  test('activate on a pipeline that is not provisioned answers 503 PipelineInteractionNotDeployed', async () => {
    setup({ enterprise: true, pipelines: { p: {} } });
    const res = await call('POST', '/v0/pipelines/p/activate');
    expect([res.status, res.body.error_code]).toEqual([503, 'PipelineInteractionNotDeployed']);
  });

  test('stop without force is an Enterprise feature: 501 on the open-source build', async () => {
    setup({ pipelines: { p: { deployed: { initial: 'running' } } } });
    const graceful = await call('POST', '/v0/pipelines/p/stop');
    expect([graceful.status, graceful.body.error_code]).toEqual([501, 'EnterpriseFeature']);
    expect(await call('POST', '/v0/pipelines/p/stop?force=true')).toEqual({
      status: 202,
      body: 'Pipeline is forcefully stopping',
    });
  });
});

describe('feldera emulator: status body, session and roles', () => {
  test('AwaitingApproval carries approval_diff in deployment_runtime_status_details; Initializing its reason', async () => {
    setup({
      pipelines: {
        gated: { provisionMs: 0, initializeMs: 0, outcome: 'awaiting-approval' },
        slow: { provisionMs: 0, outcome: 'stuck', reason: 'downloading checkpoint from object storage' },
      },
    });
    await call('POST', '/v0/pipelines/gated/start');
    await call('POST', '/v0/pipelines/slow/start');
    const gated = await status('gated');
    expect(gated).toMatchObject({ deployment_status: 'AwaitingApproval', deployment_runtime_status: 'AwaitingApproval' });
    expect(gated['deployment_runtime_status_details']).toMatchObject({
      approval_diff: { added_input_connectors: ['orders.kafka_orders'], program_diff: { modified_views: ['order_totals'] } },
    });
    expect((await status('slow'))['deployment_runtime_status_details']).toEqual({
      reason: 'downloading checkpoint from object storage',
    });
  });

  test('a failed program is refused at /start; program_error has warnings and errors with line, column and type', async () => {
    setup({ pipelines: { p: { program: 'SqlError', compileMs: 0 } } });
    expect((await call('POST', '/v0/pipelines/p/start')).body.error_code).toBe('CannotStartWithCompilationError');
    const all = (await call('GET', '/v0/pipelines/p')).body;
    const messages = (all['program_error'] as { sql_compilation: { messages: Array<Record<string, unknown>> } }).sql_compilation
      .messages;
    expect(messages.map((m) => [m['warning'], m['start_line_number'], m['start_column'], m['error_type']])).toEqual([
      [true, 2, 8, 'Unused column'],
      [false, 3, 15, 'Not found'],
    ]);
  });

  test('GET /v0/config/session answers the key’s role; a write route refuses a read key with 403 InsufficientPermissions', async () => {
    setup({ role: 'read', pipelines: { p: {} } });
    expect((await call('GET', '/v0/config/session')).body).toMatchObject({ role: 'read', memberships: [] });
    const res = await call('POST', '/v0/pipelines/p/start');
    expect([res.status, res.body.error_code]).toEqual([403, 'InsufficientPermissions']);
    expect((await call('GET', '/v0/pipelines/p')).status).toBe(200);
    setup({ pipelines: {} });
    expect((await call('GET', '/v0/config/session')).body).toMatchObject({ role: null, tenant_id: null });
    setup({ sessionRoute: false, pipelines: {} });
    expect((await call('GET', '/v0/config/session')).status).toBe(404);
  });

  test('a wrong key gets the server’s AuthenticationFailed body', async () => {
    setup({ pipelines: { p: {} } });
    expect(await call('GET', '/v0/pipelines/p', 'apikey:wrong')).toEqual({
      status: 401,
      body: { message: 'Unauthorized API key', error_code: 'AuthenticationFailed' },
    });
  });
});
