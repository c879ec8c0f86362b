/**
 * The bundled action (dist/index.js) against the emulated Aria Automation Pipelines API, run as the
 * runner runs it: login, execute each pipeline once, wait, outputs, and every request checked
 * against the published Code Stream description.
 */
import { describe, expect } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import type { AriaEmulator, AriaPipelineScenario } from '../../emulator/vmware-aria.ts';
import { runAction, type ActionRun } from '../../emulator/run-action.ts';
import { loadDescription, violations } from '../helpers/openapi.ts';
import { emulatorPerTest } from '../helpers/emulated.ts';
import { runStep } from '../helpers/in-process.ts';
import { runs } from '../helpers/runs.ts';

const emu = emulatorPerTest(() => runStep({ inputs: inputs(setup({ w: { id: 'pipe-w' } }), 'pipe-w', { timeout: '1s' }) }));
const REFRESH = 'refresh-e2eSecretApiToken-9f8e7d';
const ADMIN_TOKEN = 'test-harness-bearer';

function setup(pipelines: Record<string, AriaPipelineScenario>, extra: object = {}): string {
  emu.get().configure({ 'vmware-aria': { refreshTokens: [REFRESH], accessTokens: [ADMIN_TOKEN], pipelines, ...extra } });
  return emu.get().url;
}

const inputs = (url: string, ids: string, more: Record<string, string> = {}): Record<string, string> => ({
  provider: 'vmware-aria',
  endpoint: url,
  'pipeline-ids': ids,
  'refresh-token': REFRESH,
  timeout: '30s',
  'poll-interval': '1s',
  ...more,
});

const aria = (): AriaEmulator => emu.get().providers.get('vmware-aria') as AriaEmulator;
interface AriaStats {
  iaasLogins: number;
  passwordLogins: number;
  unauthorized: number;
  pipelines: Record<string, { id: string; executions: number; cancels: number }>;
}
const stats = (): AriaStats => aria().stats() as unknown as AriaStats;
const withoutMasks = (run: ActionRun): string => run.stdout.replace(/::add-mask::.*\n/g, '');
const sent = (method: string, pathPart: string) =>
  emu.get().requests.filter((r) => r.method === method && r.path.includes(pathPart));

describe('vmware-aria end to end', () => {
  emu.test('executes each pipeline once with input, comments and tags, waits, and sets the outputs', async () => {
    const url = setup({
      build: {
        id: 'pipe-build-1',
        stages: [{ name: 'Build', tasks: [{ name: 'Compile', type: 'CI', ms: 300 }, { name: 'Test' }] }],
        output: { image: 'registry/app:${input.version}', env: '${input.env}' },
      },
      deploy: { id: 'pipe-deploy-2', queuedMs: 400 },
    });
    const run = await runStep({
      inputs: inputs(url, 'pipe-build-1, pipe-deploy-2', {
        parameters: 'version: 1.4.2\nenv: staging\nreplicas: 3',
        tags: 'ci, gh',
      }),
    });
    expect(run.code).toBe(0);
    expect(run.outputs['conclusion']).toBe('success');
    expect(run.outputs['status']).toBe('COMPLETED');
    const [first, second] = runs(run.outputs);
    expect(run.outputs['executionId']).toBe(first?.['runId']);
    expect(run.outputs['executionIndex']).toBe('1');
    expect(run.outputs['executionLink']).toBe(`${url}/codestream/api/executions/${String(first?.['runId'])}`);
    expect(first).toMatchObject({
      pipeline: 'pipe-build-1',
      status: 'COMPLETED',
      conclusion: 'success',
      executionIndex: 1,
      url: run.outputs['executionLink'],
      output: { image: 'registry/app:1.4.2', env: 'staging' },
    });
    expect(second).toMatchObject({ pipeline: 'pipe-deploy-2', status: 'COMPLETED', conclusion: 'success' });
    expect(JSON.parse(run.outputs['run-ids'] ?? '')).toEqual([first?.['runId'], second?.['runId']]);
    expect(Object.values(stats().pipelines).map((p) => p.executions)).toEqual([1, 1]);
    expect(stats().iaasLogins).toBe(1);
    const execute = sent('POST', '/pipelines/pipe-build-1/executions')[0];
    expect(JSON.parse(execute?.body ?? '')).toEqual({
      comments:
        "Triggered by GitHub Actions: octo-org/octo-repo@0123456789ab, workflow 'ci', run https://github.com/octo-org/octo-repo/actions/runs/4242",
      input: { version: '1.4.2', env: 'staging', replicas: '3' },
      tags: ['ci', 'gh'],
    });
    expect(execute?.headers['authorization']).toMatch(/^Bearer eyJ/);
    expect(run.stdout).toMatch(/pipe-deploy-2: QUEUED/);
  });

  emu.test('on GitHub Enterprise Server, the comments link the run on the instance, and nothing names github.com', async () => {
    const url = setup({ build: { id: 'pipe-ghes-1' } });
    const host = 'https://ghe.corp.example';
    const run = await runAction({
      inputs: inputs(url, 'pipe-ghes-1'),
      env: { GITHUB_SERVER_URL: host, GITHUB_API_URL: `${host}/api/v3`, GITHUB_GRAPHQL_URL: `${host}/api/graphql` },
    });
    expect(run.code).toBe(0);
    const execute = sent('POST', '/pipelines/pipe-ghes-1/executions')[0];
    expect((JSON.parse(execute?.body ?? '{}') as { comments?: string }).comments).toContain(
      `run ${host}/octo-org/octo-repo/actions/runs/4242`,
    );
    const written = [...emu.get().requests.map((r) => r.body), JSON.stringify(run.outputs), run.summary, run.stdout];
    expect(written.filter((text) => text.includes('github.com'))).toEqual([]);
  });

  emu.test('sends only requests the published Code Stream description allows, plus the documented logins', async () => {
    const url = setup({
      a: { id: 'id-a' },
      b: { project: 'Team A', stages: [{ name: 'Gate', tasks: [{ name: 'Approve', type: 'UserOperation', hold: 'WAITING' }] }] },
    });
    await runStep({ inputs: inputs(url, 'id-a\nTeam A/b', { timeout: '2s' }) });
    const api = loadDescription('aria-codestream-swagger.json');
    const requests = emu.get().requests;
    const codestream = requests.filter((r) => r.path.startsWith('/codestream/'));
    expect(codestream.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, '{id}')}`).sort()).toEqual(
      expect.arrayContaining([
        'GET /codestream/api/executions/{id}',
        'POST /codestream/api/executions/{id}',
        'POST /codestream/api/pipelines/Team%20A/b/executions',
        'POST /codestream/api/pipelines/id-a/executions',
      ]),
    );
    expect(codestream.flatMap((r) => violations(api, r))).toEqual([]);
    expect(requests.filter((r) => !r.path.startsWith('/codestream/')).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /iaas/api/login',
    ]);
    for (const r of codestream) expect(r.query['apiVersion']).toBe('2019-10-17');
    // Status reads ask for stage and task detail; the one read of each execution's index right after
    // the execute call (the answer says executionIndex 0) does not need it.
    const gets = codestream.filter((r) => r.method === 'GET');
    const lean = gets.filter((r) => r.query['expand'] === undefined);
    expect(lean).toHaveLength(2);
    expect(new Set(lean.map((r) => r.path)).size).toBe(2);
    for (const r of lean) expect(gets.find((g) => g.path === r.path)).toBe(r);
    expect(gets.filter((r) => !lean.includes(r)).every((r) => r.query['expand'] === 'PIPELINE_STAGE_TASK')).toBe(true);
  });

  emu.test('a failed task fails the step with the statusMessage, then each failed task it does not already name', async () => {
    const url = setup({
      ok: { id: 'ok' },
      bad: {
        id: 'bad',
        stages: [
          {
            name: 'Deploy',
            tasks: [
              { name: 'Lint', fail: 'lint warnings: 3', ignoreFailure: true },
              { name: 'Rollout', type: 'K8S', fail: 'Deployment app-web exceeded its progress deadline' },
              { name: 'Verify' },
            ],
          },
        ],
      },
    });
    const run = await runStep({ inputs: inputs(url, 'ok,bad') });
    expect(run.code).toBe(1);
    expect(run.outputs['conclusion']).toBe('failure');
    const bad = runs(run.outputs)[1];
    expect(bad?.['status']).toBe('FAILED');
    expect(bad?.['message']).toBe(
      [
        'FAILED: Deploy.Rollout: Deployment app-web exceeded its progress deadline',
        'Deploy.Lint [REST] (failure ignored): lint warnings: 3',
      ].join('\n'),
    );
    expect(run.stdout).toContain('bad: failure — FAILED: Deploy.Rollout: Deployment app-web exceeded its progress deadline');
    expect(runs(run.outputs)[0]?.['conclusion']).toBe('success');
  });

  emu.test('a rollback after a failure still fails the step (ROLLBACK_COMPLETED)', async () => {
    const url = setup({
      rb: { id: 'rb', stages: [{ name: 'S', tasks: [{ name: 'T', fail: 'boom' }] }], rollback: { ms: 300 } },
    });
    const run = await runStep({ inputs: inputs(url, 'rb') });
    expect(run.code).toBe(1);
    expect(run.outputs['status']).toBe('ROLLBACK_COMPLETED');
    expect(runs(run.outputs)[0]?.['message']).toBe('ROLLBACK_COMPLETED: S.T: boom Rolled back.');
  });

  emu.test('an expired token during the wait is renewed by one login per expiry, not a failure', async () => {
    const url = setup(
      { long: { id: 'long', stages: [{ name: 'S', tasks: [{ name: 'T', ms: 2500 }] }] }, other: { id: 'other', queuedMs: 2000 } },
      { tokenTtlMs: 900 },
    );
    const run = await runStep({ inputs: inputs(url, 'long, other') });
    expect(run.code).toBe(0);
    const s = stats();
    expect(s.unauthorized).toBeGreaterThan(0);
    expect(s.iaasLogins).toBeGreaterThanOrEqual(2);
    // Every login after the first answers at least one refused request; none is wasted.
    expect(s.iaasLogins).toBeLessThanOrEqual(s.unauthorized + 1);
    expect(Object.values(s.pipelines).map((p) => p.executions)).toEqual([1, 1]);
    const bearers = new Set(
      emu
        .get()
        .requests.map((r) => r.headers['authorization'])
        .filter((h) => h !== undefined),
    );
    expect(bearers.size).toBeGreaterThanOrEqual(2);
    for (const b of bearers) {
      expect(run.stdout).toContain(`::add-mask::${b.slice('Bearer '.length)}`);
      expect(withoutMasks(run)).not.toContain(b.slice('Bearer '.length));
    }
  });

  emu.test('a refused ready access-token fails with what to give instead', async () => {
    const url = setup({ p: { id: 'p' } });
    const run = await runStep({
      inputs: { ...inputs(url, 'p'), 'refresh-token': '', 'access-token': 'expired-bearer-token-123' },
    });
    expect(run.code).toBe(1);
    expect(runs(run.outputs)[0]?.['message']).toContain('the access-token was refused or has expired');
    expect(sent('POST', '/executions')).toHaveLength(1);
    expect(withoutMasks(run)).not.toContain('expired-bearer-token-123');
  });

  emu.test('a valid access-token is used as it is, without a login', async () => {
    const url = setup({ p: { id: 'p', executeStatus: 200 } });
    const run = await runStep({ inputs: { ...inputs(url, 'p'), 'refresh-token': '', 'access-token': ADMIN_TOKEN } });
    expect(run.code).toBe(0);
    expect(stats().iaasLogins).toBe(0);
  });

  emu.test('on-premises user name, password and domain log in through the identity service', async () => {
    const url = setup(
      { p: { id: 'p' } },
      { users: [{ username: 'ci-bot', password: 'pa55-w0rd-secret', domain: 'corp.local' }] },
    );
    const run = await runStep({
      inputs: {
        ...inputs(url, 'p'),
        'refresh-token': '',
        username: 'ci-bot',
        password: 'pa55-w0rd-secret',
        domain: 'corp.local',
      },
    });
    expect(run.code).toBe(0);
    expect(stats()).toMatchObject({ passwordLogins: 1, iaasLogins: 1 });
    const login = sent('POST', '/csp/gateway/am/api/login')[0];
    expect(login?.query).toEqual({ access_token: '' });
    expect(JSON.parse(login?.body ?? '')).toEqual({ username: 'ci-bot', password: 'pa55-w0rd-secret', domain: 'corp.local' });
    expect(withoutMasks(run)).not.toContain('pa55-w0rd-secret');
    expect(withoutMasks(run)).not.toMatch(/refresh-[0-9a-f]{8}-/);
  });

  emu.test('a wrong password fails with the identity service’s message and executes nothing', async () => {
    const url = setup({ p: { id: 'p' } }, { users: [{ username: 'ci-bot', password: 'right' }] });
    const run = await runStep({ inputs: { ...inputs(url, 'p'), 'refresh-token': '', username: 'ci-bot', password: 'wrong' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('invalid_grant');
    expect(run.stdout).toContain('check username, password and domain');
    expect(sent('POST', '/codestream/')).toHaveLength(0);
  });

  emu.test('a refresh token the login refuses is reported with the IaaS error', async () => {
    const url = setup({ p: { id: 'p' } });
    const run = await runStep({ inputs: { ...inputs(url, 'p'), 'refresh-token': 'not-a-valid-token' } });
    expect(run.code).toBe(1);
    expect(runs(run.outputs)[0]?.['message']).toBe(
      'could not start: HTTP 400: 90135: Invalid refresh token (check refresh-token)',
    );
    expect(sent('POST', '/codestream/')).toHaveLength(0);
  });

  emu.test('project/name selects pipelines by name (names with spaces), several at once', async () => {
    const url = setup({
      'deploy web': { project: 'Team A' },
      'deploy api': { project: 'Team B', stages: [{ name: 'S', tasks: [{ name: 'T', ms: 600 }] }] },
      plain: { id: 'plain-id' },
    });
    const run = await runStep({ inputs: inputs(url, 'Team A/deploy web\nTeam B/deploy api\nplain-id') });
    expect(run.code).toBe(0);
    expect(runs(run.outputs).map((r) => [r['pipeline'], r['status']])).toEqual([
      ['Team A/deploy web', 'COMPLETED'],
      ['Team B/deploy api', 'COMPLETED'],
      ['plain-id', 'COMPLETED'],
    ]);
    expect(sent('POST', '/codestream/api/pipelines/Team%20B/deploy%20api/executions')).toHaveLength(1);
    expect(Object.values(stats().pipelines).map((p) => p.executions)).toEqual([1, 1, 1]);
  });

  emu.test('WAITING on an approval keeps the wait going with a notice naming the task', async () => {
    const url = setup({
      gated: {
        id: 'gated',
        stages: [{ name: 'Gate', tasks: [{ name: 'Approve', type: 'UserOperation', hold: 'WAITING', holdMs: 1500 }] }],
      },
    });
    const run = await runStep({ inputs: inputs(url, 'gated') });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /::warning title=gated::gated #1 is WAITING: task Gate\.Approve \(UserOperation\) waits for an approval or input/,
    );
    expect(run.outputs['status']).toBe('COMPLETED');
  });

  emu.test('a PAUSED execution that outlasts the timeout is cancelled (cancel-on-abort defaults to true)', async () => {
    const url = setup({ held: { id: 'held', stages: [{ name: 'S', tasks: [{ name: 'T', hold: 'PAUSED' }] }] } });
    const run = await runStep({ inputs: inputs(url, 'held', { timeout: '2s' }) });
    expect(run.code).toBe(1);
    expect(run.outputs['conclusion']).toBe('timed_out');
    expect(run.stdout).toMatch(/::notice title=held::held #1 is PAUSED: task S\.T \(REST\) is paused until someone resumes it/);
    expect(stats().pipelines['held']?.cancels).toBe(1);
    const cancel = sent('POST', '/codestream/api/executions/')[0];
    expect(cancel?.query).toEqual({ apiVersion: '2019-10-17', action: 'cancel' });
    expect(JSON.parse(cancel?.body ?? '')).toEqual({
      reason:
        'Cancelled by GitHub Actions run https://github.com/octo-org/octo-repo/actions/runs/4242 (job cancelled or timed out)',
    });
    expect(aria().executionViews()[0]?.['status']).toMatch(/^CANCEL(ING|ED)$/);
  });

  emu.test('an execution cancelled in Aria fails the step with status CANCELED and its outputs set', async () => {
    const url = setup({ victim: { id: 'victim', stages: [{ name: 'S', tasks: [{ name: 'T', ms: 5000 }] }] } });
    const run = await runAction({
      inputs: inputs(url, 'victim'),
      onSpawn: (child) => onceStarted(child, () => void cancelFromOutside(url)),
    });
    expect(run.code).toBe(1);
    expect(run.outputs['status']).toBe('CANCELED');
    expect(run.outputs['executionId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(runs(run.outputs)[0]?.['message']).toBe('CANCELED: S.T: Execution canceled by ci-user.');
  });

  emu.test('a cancelled job cancels the execution it started', async () => {
    const url = setup({ slow: { id: 'slow', stages: [{ name: 'S', tasks: [{ name: 'T', ms: 10_000 }] }] } });
    const run = await runAction({
      inputs: inputs(url, 'slow'),
      onSpawn: (child) => onceStarted(child, () => child.kill('SIGINT')),
    });
    expect(run.outputs['conclusion']).toBe('cancelled');
    expect(run.outputs['executionId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(stats().pipelines['slow']?.cancels).toBe(1);
  });

  emu.test('a 503 on execute is not repeated (it may have started a run); other pipelines still run', async () => {
    const url = setup({ flaky: { id: 'flaky', unavailable503: 1 }, fine: { id: 'fine' } });
    const run = await runStep({ inputs: inputs(url, 'flaky,fine') });
    expect(run.code).toBe(1);
    expect(sent('POST', '/pipelines/flaky/executions')).toHaveLength(1);
    expect(runs(run.outputs)[0]?.['message']).toMatch(
      /^could not start: HTTP 503: Service Unavailable: Service is temporarily unavailable \(request id \w+\)$/,
    );
    expect(runs(run.outputs)[1]?.['conclusion']).toBe('success');
  });

  emu.test('unknown and disabled pipelines report Code Stream’s error', async () => {
    const url = setup({ off: { id: 'off', disabled: true } });
    const run = await runStep({ inputs: inputs(url, 'ghost,off') });
    expect(run.code).toBe(1);
    const [ghost, off] = runs(run.outputs).map((r) => String(r['message']));
    expect(ghost).toMatch(/^could not start: HTTP 404: Not Found: Pipeline with id 'ghost' not found \(request id \w+\)$/);
    expect(off).toMatch(/^could not start: HTTP 400: Bad Request: Pipeline off is disabled \(request id \w+\)$/);
  });

  emu.test('wait: false returns after the execute call, with executionIndex read once from the execution', async () => {
    // The execute answer says executionIndex 0, as in the vRA 8.11 programming guide.
    const url = setup({ bg: { id: 'bg' } });
    const run = await runStep({ inputs: inputs(url, 'bg', { wait: 'false' }) });
    expect(run.code).toBe(0);
    expect(run.outputs['conclusion']).toBe('triggered');
    expect(run.outputs['executionIndex']).toBe('1');
    expect(run.outputs['executionLink']).toMatch(/\/codestream\/api\/executions\/[0-9a-f-]{36}$/);
    expect(sent('GET', '/').map((r) => r.path)).toEqual([`/codestream/api/executions/${run.outputs['executionId'] ?? ''}`]);
  });

  emu.test(
    'a user@domain login is split into username and domain, then tried with the whole UPN and the domain on a 400',
    async () => {
      // A directory that knows the user by the whole UPN within the domain, as PowervRA's retry assumes.
      const users = [{ username: 'svc-ci@corp.example', password: 'upn-pa55-secret', domain: 'corp.example' }];
      const url = setup({ p: { id: 'p' } }, { users });
      const run = await runStep({
        inputs: { ...inputs(url, 'p'), 'refresh-token': '', username: 'svc-ci@corp.example', password: 'upn-pa55-secret' },
      });
      expect(run.code).toBe(0);
      expect(sent('POST', '/csp/gateway/am/api/login').map((r) => JSON.parse(r.body) as unknown)).toEqual([
        { username: 'svc-ci', password: 'upn-pa55-secret', domain: 'corp.example' },
        { username: 'svc-ci@corp.example', password: 'upn-pa55-secret', domain: 'corp.example' },
      ]);
      expect(stats()).toMatchObject({ passwordLogins: 1, iaasLogins: 1 });
      expect(withoutMasks(run)).not.toContain('upn-pa55-secret');
    },
  );

  emu.test(
    'dry-run logs in and reads each pipeline (by id and by project/name), prints the execute calls, executes nothing',
    async () => {
      const url = setup({ p: { id: 'p' }, web: { id: 'w-1', project: 'Shop' } });
      const run = await runAction({
        inputs: inputs(url, 'p, Shop/web', { 'dry-run': 'true', parameters: 'A=1', comments: 'hello' }),
      });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('[dry-run] read-only check passed: the credentials are accepted');
      expect(run.stdout).toContain(`[dry-run] p: POST ${url}/codestream/api/pipelines/p/executions?apiVersion=2019-10-17`);
      expect(run.stdout).toContain(
        `[dry-run] Shop/web: POST ${url}/codestream/api/pipelines/Shop/web/executions?apiVersion=2019-10-17`,
      );
      expect(run.stdout).toContain('    {"comments":"hello","input":{"A":"1"}}');
      const seen = emu.get().requests.map((r) => `${r.method} ${r.path}`);
      expect(seen[0]).toBe('POST /iaas/api/login');
      expect(seen.slice(1).sort()).toEqual(['GET /codestream/api/pipelines/Shop/web', 'GET /codestream/api/pipelines/p']);
      expect(Object.values(stats().pipelines).map((x) => x.executions)).toEqual([0, 0]);
      expect(withoutMasks(run)).not.toContain(REFRESH);
      const spec = loadDescription('aria-codestream-swagger.json');
      for (const r of emu.get().requests.slice(1)) expect(violations(spec, r)).toEqual([]);
    },
  );

  emu.test('dry-run fails with the provider’s error for a missing or disabled pipeline, before printing requests', async () => {
    const url = setup({ p: { id: 'p' }, off: { id: 'off', disabled: true } });
    const missing = await runStep({ inputs: inputs(url, 'p, ghost', { 'dry-run': 'true' }) });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/::error::.*HTTP 404.*Pipeline with id 'ghost' not found/);
    expect(missing.stdout).not.toContain('[dry-run] p:');
    const off = await runStep({ inputs: inputs(url, 'off', { 'dry-run': 'true' }) });
    expect(off.code).toBe(1);
    expect(off.stdout).toContain('::error::pipeline off is disabled');
    const bad = await runStep({ inputs: inputs(url, 'p', { 'dry-run': 'true', 'refresh-token': 'wrong-token-value' }) });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('Invalid refresh token');
    expect(sent('POST', '/executions')).toHaveLength(0);
  });

  // The other bad inputs are checked in process (__tests__/unit/input-errors.test.ts); this one proves the runner path.
  emu.test('a bad input fails the step before any request, as the runner runs it', async () => {
    const url = setup({ p: { id: 'p' } });
    const run = await runAction({ inputs: { ...inputs(url, 'p'), 'access-token': 'x' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::Input 'refresh-token' cannot be combined with 'access-token'");
    expect(emu.get().requests).toHaveLength(0);
  });
});

/** Calls `then` once the step has printed that it started its run (the execution exists by then). */
function onceStarted(child: ChildProcess, then: () => void): void {
  let seen = '';
  const onData = (c: Buffer): void => {
    seen += c.toString();
    if (!/started, run id/.test(seen)) return;
    child.stdout?.off('data', onData);
    then();
  };
  child.stdout?.on('data', onData);
}

/** What an operator clicking Cancel in the Aria UI does. */
async function cancelFromOutside(url: string): Promise<void> {
  const id = aria().executionViews()[0]?.['id'];
  await fetch(`${url}/codestream/api/executions/${String(id)}?action=cancel`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'stopped by an operator' }),
  });
}
