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
    setup({ role: null, pipelines: {} });
    expect((await call('GET', '/v0/config/session')).body).toMatchObject({ role: null, tenant_id: null });
    setup({ sessionRoute: false, pipelines: {} });
    expect(await call('GET', '/v0/config/session')).toEqual({ status: 404, body: {} });
  });

  test('with authentication off the session is the default tenant’s admin (auth.rs tag_with_default_tenant_id)', async () => {
    emu.get().configure({ feldera: { pipelines: {} } });
    expect((await call('GET', '/v0/config/session')).body).toMatchObject({ tenant_name: 'default', role: 'admin' });
  });

  test('a wrong key gets the server’s AuthenticationFailed body; a token without apikey: fails as a JWT, in the header alone', async () => {
    setup({ pipelines: { p: {} } });
    expect(await call('GET', '/v0/pipelines/p', 'apikey:wrong')).toEqual({
      status: 401,
      body: { message: 'Unauthorized API key', error_code: 'AuthenticationFailed' },
    });
    const res = await fetch(`${emu.get().url}/v0/pipelines/p`, { headers: { authorization: 'Bearer emulatorRulesKey' } });
    expect([res.status, await res.text(), res.headers.get('www-authenticate')]).toEqual([
      401,
      '',
      'Bearer error_description="Malformed JWT: missing iss claim"',
    ]);
  });
});

describe('feldera emulator: texts as the server words them, and stopping', () => {
  test('activate on the open-source build: 501 EnterpriseFeature naming the feature post_pipeline_activate names', async () => {
    setup({ pipelines: { p: { startInStandby: true } } });
    expect(await call('POST', '/v0/pipelines/p/activate')).toEqual({
      status: 501,
      body: {
        message: 'Cannot use enterprise-only feature (start from object store (S3)) in Feldera community edition.',
        error_code: 'EnterpriseFeature',
        details: { feature: 'start from object store (S3)' },
      },
    });
  });

  test('a 503 burst is LockTookTooLong in db/error.rs words', async () => {
    setup({ pipelines: { p: { unavailable503: 1 } } });
    expect(await call('GET', '/v0/pipelines/p')).toMatchObject({
      status: 503,
      body: {
        error_code: 'LockTookTooLong',
        message: 'The lock required for this operation took too long to acquire. Try this operation again later.',
      },
    });
  });

  test('deployment_initial and the bootstrap policy are cleared when stopping begins, not once Stopped', async () => {
    setup({ pipelines: { p: { deployed: { initial: 'paused', bootstrapPolicy: 'allow' }, stopMs: 60_000 } } });
    expect(await status('p')).toMatchObject({ deployment_initial: 'Paused', bootstrap_policy: 'allow' });
    await call('POST', '/v0/pipelines/p/stop?force=true');
    expect(await status('p')).toMatchObject({
      deployment_status: 'Stopping',
      deployment_initial: null,
      bootstrap_policy: null,
      deployment_runtime_desired_status: null,
    });
  });
});

describe('feldera emulator: an older manager (version)', () => {
  test('GET /v0/config reports the version and the edition', async () => {
    setup({ version: '0.250.0', pipelines: {} });
    expect((await call('GET', '/v0/config')).body).toMatchObject({ version: '0.250.0', edition: 'Open source' });
    setup({ enterprise: true, pipelines: {} });
    expect((await call('GET', '/v0/config')).body).toMatchObject({ version: '0.337.0', edition: 'Enterprise' });
  });

  test('before 0.251.0: /dismiss_error is an empty 404, /start ignores dismiss_error, and a new deployment replaces the old error', async () => {
    setup({ version: '0.250.0', pipelines: { p: { previousError: { code: 'RunnerProvisionError', message: 'boom' } } } });
    expect(await call('POST', '/v0/pipelines/p/dismiss_error')).toEqual({ status: 404, body: {} });
    expect((await call('POST', '/v0/pipelines/p/start?initial=running&dismiss_error=false')).status).toBe(202);
    expect(await status('p')).toMatchObject({ deployment_error: null, deployment_desired_status: 'Running' });
  });

  test('before 0.251.0 another bootstrap policy is refused as InitialImmutableUnlessStopped', async () => {
    setup({ version: '0.250.0', pipelines: { p: { deployed: { initial: 'running', bootstrapPolicy: 'allow' } } } });
    const res = await call('POST', '/v0/pipelines/p/start?initial=running&bootstrap_policy=reject');
    expect([res.status, res.body.error_code]).toEqual([400, 'InitialImmutableUnlessStopped']);
  });

  test('before 0.148.0 /start reads no initial and deploys running', async () => {
    setup({ version: '0.147.0', pipelines: { p: { provisionMs: 0, initializeMs: 0 } } });
    expect((await call('POST', '/v0/pipelines/p/start?initial=paused')).status).toBe(202);
    expect(await status('p')).toMatchObject({ deployment_initial: 'Running', deployment_status: 'Running' });
  });

  test('the session route: none before 0.150.0, no role (and no role check) before 0.327.0', async () => {
    setup({ version: '0.149.0', pipelines: {} });
    expect((await call('GET', '/v0/config/session')).status).toBe(404);
    setup({ version: '0.326.0', role: 'read', pipelines: { p: {} } });
    expect((await call('GET', '/v0/config/session')).body).toEqual({
      tenant_id: '00000000-0000-4000-8000-00000000d0d0',
      tenant_name: 'default',
    });
    expect((await call('POST', '/v0/pipelines/p/start')).status).toBe(202);
  });
});
