/**
 * The bundled action (dist/index.js) against the emulated Feldera API, run as the runner runs it.
 */
import { describe, expect } from '@jest/globals';
import { runAction } from '../../emulator/run-action.ts';
import { loadDescription, violations } from '../helpers/openapi.ts';
import { emulatorPerTest } from '../helpers/emulated.ts';
import { runStep } from '../helpers/in-process.ts';
import { runs } from '../helpers/runs.ts';

const emu = emulatorPerTest(() => runStep({ inputs: inputs(setup({ w: {} }), 'w', { timeout: '1s' }) }));
const byPipeline = (out: Record<string, string>): Record<string, Record<string, unknown>> =>
  Object.fromEntries(runs(out).map((r) => [String(r['pipeline']), r]));
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
  emu.test('starts several pipelines once each, waits through early start, and succeeds', async () => {
    const url = setup({ a: {}, b: { compileAfterStartMs: 300 }, c: { provisionMs: 600 } });
    const run = await runStep({ inputs: inputs(url, 'a, b\nc') });
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

  emu.test('sends only requests the published OpenAPI description allows', async () => {
    const url = setup({ p1: {}, p2: { outcome: 'awaiting-approval' } });
    await runStep({
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

  emu.test('AwaitingApproval ends the wait successfully with a warning naming the changes that wait for approval', async () => {
    const url = setup({ gated: { provisionMs: 20, initializeMs: 20, outcome: 'awaiting-approval' } });
    const run = await runStep({ inputs: inputs(url, 'gated') });
    expect(run.code).toBe(0);
    expect(run.outputs['status']).toBe('AwaitingApproval');
    expect(run.stdout).toContain(
      "::warning title=gated::gated is awaiting bootstrap approval: approve it (POST /v0/pipelines/gated/approve) or stop it. Waiting for approval: program changes: modified views 'order_totals'; connector changes: added input connectors 'orders.kafka_orders'",
    );
  });

  emu.test('a deployment error fails the step with its error_code and message', async () => {
    const url = setup({
      ok: {},
      bad: { outcome: 'deployment-error', errorCode: 'RunnerProvisionError', errorMessage: 'no capacity left' },
    });
    const run = await runStep({ inputs: inputs(url, 'ok,bad') });
    expect(run.code).toBe(1);
    expect(run.outputs['conclusion']).toBe('failure');
    const bad = runs(run.outputs).find((r) => r['pipeline'] === 'bad');
    expect(bad?.['conclusion']).toBe('failure');
    expect(bad?.['message']).toBe('RunnerProvisionError: no capacity left');
    expect(run.stdout).toContain(
      '::error::1 of 2 pipeline(s) did not succeed (failure):%0Abad: failure — RunnerProvisionError: no capacity left',
    );
  });

  emu.test(
    'a compile error after an early start reports SQL errors with type, line, column and snippet, warnings apart, and the Rust error among megabytes of cargo output',
    async () => {
      const url = setup({
        sql: { compileAfterStartMs: 300, program: 'SqlError' },
        rust: { compileAfterStartMs: 300, program: 'RustError', cargoNoiseLines: 20_000 },
      });
      const run = await runStep({ inputs: inputs(url, 'sql,rust') });
      expect(run.code).toBe(1);
      const [sql, rust] = runs(run.outputs).map((r) => String(r['message']));
      expect(sql).toBe(
        "StartFailedDueToFailedCompilation: Not possible to start the pipeline because the program failed to compile\nSqlError occurred (see `program_error` for more information)\nSQL error (Not found) at line 3, column 15: Table 'missing_table' not found\n        3|SELECT * FROM missing_table\n                        ^^^^^^^^^^^^^",
      );
      expect(run.stdout).toContain(
        "::warning title=sql::SQL warning (Unused column) at line 2, column 8: Column 'notes' of table 'orders' is never used",
      );
      expect(rust).toContain('Rust:\nerror[E0308]: mismatched types\n  --> crates/main/src/lib.rs:42:5');
      expect(rust).toContain('error: could not compile `main` (lib) due to 1 previous error');
      expect(rust).not.toContain('unused variable');
    },
  );

  emu.test(
    'a program that already failed to compile is refused at /start, and the refusal carries the compiler output',
    async () => {
      const url = setup({ broken: { program: 'SqlError' } });
      const run = await runStep({ inputs: inputs(url, 'broken') });
      expect(run.code).toBe(1);
      const message = String(runs(run.outputs)[0]?.['message']);
      expect(message).toMatch(
        /^could not start: HTTP 400: CannotStartWithCompilationError: Cannot process `\/start` if the `program_status` is `SqlError`/,
      );
      // As on the wait path: errors with type, line, column and snippet; the warning apart, never the reason.
      expect(message).toContain(
        "\nSQL error (Not found) at line 3, column 15: Table 'missing_table' not found\n        3|SELECT * FROM missing_table",
      );
      expect(message).not.toContain('Unused column');
      expect(run.stdout).toContain(
        "::warning title=broken::SQL warning (Unused column) at line 2, column 8: Column 'notes' of table 'orders' is never used",
      );
      expect(emu.get().requests.some((r) => r.path === '/v0/pipelines/broken' && r.query['selector'] === 'all')).toBe(true);
    },
  );

  emu.test('an unknown pipeline fails with Feldera’s code, and the others still start', async () => {
    const url = setup({ known: {} });
    const run = await runStep({ inputs: inputs(url, 'known,ghost') });
    expect(run.code).toBe(1);
    expect(runs(run.outputs).map((r) => r['conclusion'])).toEqual(['success', 'failure']);
    expect(runs(run.outputs)[1]?.['message']).toContain("UnknownPipelineName: Unknown pipeline name 'ghost'");
  });

  emu.test('503 bursts on trigger and status calls are retried', async () => {
    const url = setup({ flaky: { unavailable503: 3 } });
    const run = await runStep({ inputs: inputs(url, 'flaky') });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/dismiss the deployment error of flaky: HTTP 503; retry 1 of 4/);
    expect(triggers()['flaky']?.triggers).toBe(1);
  });

  emu.test('the timeout ends the wait with timed_out, and cancel-on-abort stops the pipeline', async () => {
    const url = setup({ slow: { outcome: 'stuck' } });
    const run = await runStep({ inputs: inputs(url, 'slow', { timeout: '1s', 'cancel-on-abort': 'true' }) });
    expect(run.code).toBe(1);
    expect(run.outputs['conclusion']).toBe('timed_out');
    expect(runs(run.outputs)[0]?.['conclusion']).toBe('timed_out');
    expect(triggers()['slow']?.stops).toBe(1);
    const stop = emu.get().requests.find((r) => r.path.endsWith('/stop'));
    expect(stop?.query).toEqual({ force: 'true' });
  });

  emu.test('wait: false returns at once with the run ids and conclusion triggered', async () => {
    const url = setup({ bg: { provisionMs: 5000 } });
    const run = await runStep({ inputs: inputs(url, 'bg', { wait: 'false' }) });
    expect(run.code).toBe(0);
    expect(run.outputs['conclusion']).toBe('triggered');
    expect(run.outputs['run-ids']).toBe('["bg"]');
    // No status call; the server's version is read once for the step (server.ts).
    expect(
      emu
        .get()
        .requests.filter((r) => r.method === 'GET')
        .map((r) => r.path),
    ).toEqual(['/v0/config']);
  });

  emu.test('run ids are in GITHUB_OUTPUT as soon as the trigger returns, before the wait ends', async () => {
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

  emu.test('a wrong API key fails with AuthenticationFailed, says the key was refused, and never prints the key', async () => {
    setup({ a: {} });
    const run = await runStep({ inputs: { ...inputs(emu.get().url, 'a'), 'api-key': 'apikey:wrongButSecret987' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "AuthenticationFailed: Unauthorized API key (the API key was refused; check that the secret holds a current Feldera API key (they start with 'apikey:'))",
    );
    expect(run.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain('wrongButSecret987');
  });

  emu.test('FELDERA_HOST and FELDERA_API_KEY stand in for endpoint and api-key', async () => {
    const url = setup({ envy: {} });
    const run = await runStep({
      inputs: { provider: 'feldera', 'pipeline-ids': 'envy' },
      env: { FELDERA_HOST: url, FELDERA_API_KEY: KEY },
    });
    expect(run.code).toBe(0);
  });

  emu.test('activate moves a standby pipeline to paused (Enterprise)', async () => {
    const url = setup({ sb: { startInStandby: true } }, { enterprise: true });
    const run = await runStep({ inputs: inputs(url, 'sb', { operation: 'activate', initial: 'paused' }) });
    expect(run.code).toBe(0);
    expect(run.outputs['status']).toBe('Paused');
    expect(emu.get().requests.find((r) => r.path.endsWith('/activate'))?.query).toEqual({ initial: 'paused' });
  });

  emu.test('activate on the open-source build reports EnterpriseFeature', async () => {
    const url = setup({ sb: { startInStandby: true } });
    const run = await runStep({ inputs: inputs(url, 'sb', { operation: 'activate' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('EnterpriseFeature');
    expect(emu.get().requests.find((r) => r.path.endsWith('/activate'))?.query).toEqual({});
  });

  emu.test(
    'standby start without file storage is refused with InitialStandbyNotAllowed; with it, waits for Standby',
    async () => {
      const url = setup({ nostore: {}, store: { standbyAllowed: true } });
      const run = await runStep({ inputs: inputs(url, 'nostore,store', { initial: 'standby' }) });
      expect(runs(run.outputs).map((r) => [r['conclusion'], r['status']])).toEqual([
        ['failure', 'not started'],
        ['success', 'Standby'],
      ]);
      expect(runs(run.outputs)[0]?.['message']).toContain('InitialStandbyNotAllowed');
    },
  );

  // The other bad inputs are checked in process (__tests__/unit/input-errors.test.ts); this one proves the runner path.
  emu.test('a bad input fails the step before any request, as the runner runs it', async () => {
    const url = setup({ ok: {} });
    const run = await runAction({ inputs: { ...inputs(url, 'ok'), initial: 'sprinting' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::Input 'initial' must be one of running, paused, standby (got 'sprinting')");
    expect(emu.get().requests).toHaveLength(0);
  });

  emu.test('dry-run prints the dismiss and start requests and sends only the read-only role and status checks', async () => {
    const url = setup({ ok: {} }, { role: 'write' });
    const run = await runAction({ inputs: inputs(url, 'ok', { 'dry-run': 'true' }) });
    expect(run.code).toBe(0);
    expect(run.outputs['conclusion']).toBe('triggered');
    expect(run.stdout).toContain("[dry-run] the API key's role is 'write': it may start pipelines");
    expect(run.stdout).toContain(
      `[dry-run] ok: POST ${url}/v0/pipelines/ok/dismiss_error\n[dry-run] ok: POST ${url}/v0/pipelines/ok/start?initial=running&dismiss_error=false`,
    );
    expect(emu.get().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v0/config/session', 'GET /v0/pipelines/ok']);
  });

  const roleChecks: Array<[object, number, string]> = [
    [{ role: 'read' }, 1, "::error::the API key's role is 'read'; starting or activating a pipeline needs 'write' or higher"],
    [
      // A session answer without roles: the version is read to say why.
      { version: '0.300.0', role: 'read' },
      0,
      '::notice::[dry-run] this Feldera predates roles (< 0.327; it is 0.300.0): the role check is skipped',
    ],
    [
      { role: null },
      0,
      '::notice::[dry-run] GET /v0/config/session gave no role (no acting tenant was resolved: set FELDERA_TENANT): the role check is skipped',
    ],
  ];
  for (const [extra, code, says] of roleChecks)
    emu.test(`dry-run role check with ${JSON.stringify(extra)} exits ${code}`, async () => {
      const url = setup({ ok: {} }, extra);
      const run = await runStep({ inputs: inputs(url, 'ok', { 'dry-run': 'true' }) });
      expect(run.code).toBe(code);
      expect(run.stdout).toContain(says);
      expect(emu.get().requests.every((r) => r.method === 'GET')).toBe(true);
    });
});

describe('feldera: by version, activate from standby only (issue 23)', () => {
  emu.test(
    'a 0.250.0 manager: its version logged, no /dismiss_error sent, a name the 0.308 rule refuses warned about, and the reason in the progress line',
    async () => {
      const url = setup(
        {
          _legacy: { provisionMs: 0, initializeMs: 900, reason: 'replaying the input log' },
          ok: { provisionMs: 50, initializeMs: 50 },
        },
        { version: '0.250.0' },
      );
      const run = await runStep({ inputs: inputs(url, '_legacy,ok') });
      expect(run.code).toBe(0);
      expect(runs(run.outputs).map((r) => r['conclusion'])).toEqual(['success', 'success']);
      expect(run.stdout).toContain('\nFeldera 0.250.0 (Open source)\n');
      expect(emu.get().requests.filter((r) => r.path.endsWith('/dismiss_error'))).toEqual([]);
      expect(emu.get().requests.filter((r) => r.path === '/v0/config')).toHaveLength(1);
      expect(run.stdout).toContain(
        "::warning title=_legacy::'_legacy' is a name Feldera 0.308.0 and later refuse for a new or renamed pipeline",
      );
      expect(run.stdout).toMatch(/^_legacy: Initializing — desired Running; reason: replaying the input log \(after /m);
    },
  );

  emu.test(
    'activate: standby is activated, a pipeline already in the target is a notice, a paused or stopped one is refused naming the call',
    async () => {
      const url = setup(
        {
          sb: { startInStandby: true },
          live: { deployed: { initial: 'running' } },
          paused: { deployed: { initial: 'running', runtime: 'Paused' } },
          off: {},
        },
        { enterprise: true },
      );
      const run = await runStep({ inputs: inputs(url, 'sb,live,paused,off', { operation: 'activate' }) });
      expect(run.code).toBe(1);
      const r = byPipeline(run.outputs);
      expect(Object.fromEntries(Object.entries(r).map(([n, x]) => [n, x['conclusion']]))).toEqual({
        sb: 'success',
        live: 'success',
        paused: 'failure',
        off: 'failure',
      });
      expect(run.stdout).toContain(
        '::notice title=live::live is Running (desired Running): it has left standby already, so it was not activated again',
      );
      expect(r['paused']?.['message']).toContain(
        'activate would resume it; to do that, resume it (POST /v0/pipelines/paused/resume)',
      );
      expect(r['off']?.['message']).toContain('it is not deployed, so there is nothing to activate');
      // Only the standby pipeline got an /activate; the stopped one no minute of 503 retries.
      expect(
        emu
          .get()
          .requests.filter((q) => q.method === 'POST')
          .map((q) => q.path),
      ).toEqual(['/v0/pipelines/sb/activate']);
    },
  );
});

type FelderaCounts = { triggers: number; starts: number; stops: number; dismissals: number };
const counts = (): Record<string, FelderaCounts> =>
  (emu.get().providers.get('feldera')?.stats() ?? {}) as Record<string, FelderaCounts>;

describe('feldera: pipelines that are already deployed', () => {
  emu.test(
    'a start changes nothing on a deployed pipeline: in the asked state it succeeds, in another it fails at once naming the call; refusals for another initial or policy read the status',
    async () => {
      const url = setup(
        {
          running: { deployed: { initial: 'running' } },
          paused: { deployed: { initial: 'running', runtime: 'Paused' } },
          activated: { deployed: { initial: 'standby', runtime: 'Running' } },
          standby: { deployed: { initial: 'standby' } },
          policy: { deployed: { initial: 'running', bootstrapPolicy: 'allow' } },
        },
        { enterprise: true },
      );
      const run = await runStep({ inputs: inputs(url, 'running,paused,activated,standby,policy') });
      expect(run.code).toBe(1);
      const r = byPipeline(run.outputs);
      expect(Object.fromEntries(Object.entries(r).map(([n, x]) => [n, [x['conclusion'], x['status']]]))).toEqual({
        running: ['success', 'Running'],
        paused: ['failure', 'Paused'],
        activated: ['success', 'Running'],
        standby: ['failure', 'not started'],
        policy: ['success', 'Running'],
      });
      expect(r['paused']?.['message']).toBe(
        'paused is already deployed and Paused (desired Paused); a start does not change the runtime state of a deployed pipeline, so it was left as it is: resume it (POST /v0/pipelines/paused/resume) or stop it first (POST /v0/pipelines/paused/stop?force=true), then start it again',
      );
      expect(r['standby']?.['message']).toBe(
        'could not start: HTTP 400: InitialImmutableUnlessStopped: Initial desired runtime status cannot be changed unless the pipeline is desired to become Stopped. (the pipeline is Standby (desired Standby), deployed with initial Standby): activate it (operation: activate, POST /v0/pipelines/standby/activate) or stop it first (POST /v0/pipelines/standby/stop?force=true), then start it again',
      );
      expect(run.stdout).toContain(
        '::notice title=activated::activated is already Running: it was deployed with another initial state or bootstrap policy (InitialImmutableUnlessStopped), and counts as started',
      );
      expect(run.stdout).toContain('(BootstrapPolicyImmutableUnlessStopped), and counts as started');
      // Nothing deployed, resumed, paused or stopped: only dismiss, start and status calls.
      expect(Object.values(counts()).map((c) => [c.starts, c.stops])).toEqual(Array(5).fill([0, 0]));
      const posts = emu
        .get()
        .requests.filter((q) => q.method === 'POST')
        .map((q) => q.path.replace(/^.*\//, ''));
      // None of them shows a deployment error in the status list, so nothing was dismissed either.
      expect(new Set(posts)).toEqual(new Set(['start']));
      // Ended at the first status round instead of waiting for the 30 s timeout.
      expect(run.outputs['conclusion']).toBe('failure');
    },
  );
});

describe('feldera: exactly-once starts', () => {
  emu.test(
    'the start’s answer is lost and the deployment fails within ~100 ms: one deployment, reported as a failure with the provider’s error code',
    async () => {
      emu.get().configure({
        feldera: {
          apiKey: KEY,
          pipelines: {
            quick: {
              provisionMs: 50,
              initializeMs: 50,
              stopMs: 30,
              outcome: 'deployment-error',
              errorCode: 'RunnerProvisionError',
              errorMessage: 'no such runtime version',
            },
          },
        },
        // Answered only after the client gave up (700 ms): the retry comes once the deployment has failed.
        faults: [{ method: 'POST', path: '/start$', times: 1, action: { kind: 'delay', ms: 1500 } }],
      });
      const run = await runStep({
        inputs: inputs(emu.get().url, 'quick'),
        env: { RUN_PIPELINES_REQUEST_TIMEOUT: '700ms' },
      });
      expect(run.code).toBe(1);
      expect(counts()['quick']).toMatchObject({ starts: 1, dismissals: 1 });
      const starts = emu.get().requests.filter((q) => q.path.endsWith('/start'));
      expect(starts.map((q) => q.query['dismiss_error'])).toEqual(['false', 'false']);
      expect(runs(run.outputs)[0]?.['message']).toMatch(
        /^could not start: RunnerProvisionError: no such runtime version \(the start was refused with (CannotStartWithUndismissedError|IllegalPipelineAction) because of this deployment error\)$/,
      );
    },
  );

  emu.test('dismiss-error: false and an old deployment error: refused, and the error it shows is reported', async () => {
    const url = setup({ old: { previousError: { code: 'RunnerDeploymentError', message: 'pod evicted' } } });
    const run = await runStep({ inputs: inputs(url, 'old', { 'dismiss-error': 'false' }) });
    expect(run.code).toBe(1);
    expect(runs(run.outputs)[0]?.['message']).toBe(
      'could not start: RunnerDeploymentError: pod evicted (the start was refused with CannotStartWithUndismissedError because of this deployment error)',
    );
    expect(counts()['old']).toMatchObject({ starts: 0, dismissals: 0 });
  });

  emu.test(
    'a refused dismiss waits for the failed deployment to stop and dismisses once more, bounded by the timeout',
    async () => {
      const url = setup({
        // Still stopping for 300 ms after the first dismiss reaches it.
        soon: { previousError: { code: 'X', message: 'y', stoppingMs: 300 }, provisionMs: 20, initializeMs: 20 },
        never: { previousError: { code: 'X', message: 'y', stoppingMs: 600_000 } },
      });
      const run = await runStep({ inputs: inputs(url, 'soon,never', { timeout: '3s' }) });
      const r = byPipeline(run.outputs);
      expect(r['soon']?.['conclusion']).toBe('success');
      expect(counts()['soon']).toMatchObject({ starts: 1, dismissals: 1 });
      expect(run.stdout).toContain(
        'soon: its last deployment failed and is still stopping; its error is dismissed once it has stopped',
      );
      expect(r['never']?.['conclusion']).toBe('failure');
      expect(r['never']?.['message']).toBe(
        'could not start: HTTP 400: DismissErrorRestrictedToFullyStopped: The pipeline must have both status `Stopped` and desired status `Stopped` to dismiss the `deployment_error` if it is set. It was still stopping with too little of the timeout of 3s left to wait longer, so it was not started.',
      );
      expect(counts()['never']).toMatchObject({ starts: 0, dismissals: 0 });
    },
  );
});

describe('feldera: a wide start dismisses only the errors the status list shows', () => {
  const clean = { provisionMs: 20, initializeMs: 20 };
  const old = { ...clean, previousError: { code: 'RunnerDeploymentError', message: 'pod evicted' } };
  const posts = (action: string): string[] =>
    emu
      .get()
      .requests.filter((q) => q.method === 'POST' && q.path.endsWith(`/${action}`))
      .map((q) => q.path.split('/')[3] ?? '');

  emu.test(
    'five pipelines, one with an old deployment error: one list call, one dismiss (for that one), and each starts once',
    async () => {
      const url = setup({ c0: clean, c1: clean, old, c2: clean, c3: clean });
      const run = await runStep({ inputs: inputs(url, 'c0,c1,old,c2,c3') });
      expect(run.code).toBe(0);
      expect(runs(run.outputs).map((r) => r['conclusion'])).toEqual(Array(5).fill('success'));
      expect(posts('dismiss_error')).toEqual(['old']);
      expect(posts('start').sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'old']);
      expect(Object.values(counts()).map((c) => [c.starts, c.dismissals])).toEqual([
        [1, 0],
        [1, 0],
        [1, 1],
        [1, 0],
        [1, 0],
      ]);
      const trigger = emu.get().requests.findIndex((q) => q.method === 'POST');
      expect(emu.get().requests[trigger - 1]).toMatchObject({
        method: 'GET',
        path: '/v0/pipelines',
        query: { selector: 'status' },
      });
    },
  );

  emu.test(
    'an error the list did not show: a refusal of the first attempt is dismissed and started once more; a refusal of a repeat is reported',
    async () => {
      emu.get().configure({
        feldera: { apiKey: KEY, pipelines: { late: old, repeat: old, c0: clean, c1: clean } },
        faults: [
          // The list was read before these deployments failed: it shows no error for either.
          {
            method: 'GET',
            path: '^/v0/pipelines$',
            times: 1,
            action: { kind: 'patch-json', set: { '0.deployment_error': null, '1.deployment_error': null } },
          },
          // repeat's first start gets no usable answer: its refusal then answers a repeat.
          { method: 'POST', path: '/repeat/start$', times: 1, action: { kind: 'respond', status: 503, body: {} } },
        ],
      });
      const run = await runStep({ inputs: inputs(emu.get().url, 'late,repeat,c0,c1') });
      expect(run.code).toBe(1);
      const r = byPipeline(run.outputs);
      expect(r['late']?.['conclusion']).toBe('success');
      expect(counts()['late']).toMatchObject({ starts: 1, dismissals: 1 });
      expect(run.stdout).toContain(
        'late: the start was refused with CannotStartWithUndismissedError (a deployment error appeared after the status list was read); the error is dismissed and the start sent once more',
      );
      expect(r['repeat']?.['conclusion']).toBe('failure');
      expect(r['repeat']?.['message']).toBe(
        'could not start: RunnerDeploymentError: pod evicted (the start was refused with CannotStartWithUndismissedError because of this deployment error)',
      );
      expect(counts()['repeat']).toMatchObject({ starts: 0, dismissals: 0 });
      expect(posts('dismiss_error')).toEqual(['late']);
    },
  );
});

describe('feldera: many pipelines, one list call a poll round', () => {
  const many = (prefix: string, n: number, scenario: object = {}): Record<string, object> =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, { provisionMs: 1200, ...scenario }]));
  const ids = (prefix: string, n: number): string => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(',');
  const gets = (): Array<{ path: string; query: Record<string, string> }> => emu.get().requests.filter((r) => r.method === 'GET');

  emu.test(
    'six pipelines are polled with GET /v0/pipelines?selector=status, none one by one, all within the API description',
    async () => {
      const url = setup(many('m', 6));
      const run = await runStep({ inputs: inputs(url, ids('m', 6)) });
      expect(run.code).toBe(0);
      expect(runs(run.outputs).map((r) => r['conclusion'])).toEqual(Array(6).fill('success'));
      expect(gets().length).toBeGreaterThan(0);
      // Besides the one read of the server's version for the step.
      for (const r of gets().filter((g) => g.path !== '/v0/config'))
        expect([r.path, r.query]).toEqual(['/v0/pipelines', { selector: 'status' }]);
      expect(gets().filter((g) => g.path === '/v0/config')).toHaveLength(1);
      const api = loadDescription('feldera-openapi.json');
      expect(emu.get().requests.flatMap((r) => violations(api, r))).toEqual([]);
    },
  );

  emu.test('a compile error seen in the list still reports the compiler output', async () => {
    const url = setup({ ...many('m', 3), sql: { compileAfterStartMs: 300, program: 'SqlError' } });
    const run = await runStep({ inputs: inputs(url, `${ids('m', 3)},sql`) });
    expect(run.code).toBe(1);
    const failed = runs(run.outputs).find((r) => r['pipeline'] === 'sql');
    expect(String(failed?.['message'])).toContain("SQL error (Not found) at line 3, column 15: Table 'missing_table' not found");
    expect(gets().some((r) => r.path === '/v0/pipelines/sql' && r.query['selector'] === 'all')).toBe(true);
  });

  emu.test('a tenant with many more pipelines than the step waits on is polled per pipeline after the first round', async () => {
    const url = setup({ ...many('m', 4), ...many('idle', 30) });
    const run = await runStep({ inputs: inputs(url, ids('m', 4)) });
    expect(run.code).toBe(0);
    expect(gets().filter((r) => r.path === '/v0/pipelines')).toHaveLength(1);
    expect(gets().filter((r) => r.path === '/v0/pipelines/m0').length).toBeGreaterThan(0);
  });

  emu.test(
    'a list call that fails is replaced by per-pipeline calls for that round, and the list is used again after',
    async () => {
      emu.get().configure({
        feldera: { apiKey: KEY, pipelines: many('m', 4) },
        faults: [
          // The trigger's list call and the first poll round's.
          { method: 'GET', path: '^/v0/pipelines$', times: 2, action: { kind: 'respond', status: 404, body: { message: 'no' } } },
        ],
      });
      const run = await runStep({ inputs: inputs(emu.get().url, ids('m', 4)) });
      expect(run.code).toBe(0);
      // Without the list, every pipeline is dismissed first, as a single one is.
      expect(Object.values(counts()).map((c) => c.dismissals)).toEqual([1, 1, 1, 1]);
      expect(runs(run.outputs).map((r) => r['conclusion'])).toEqual(Array(4).fill('success'));
      expect(gets().filter((r) => /^\/v0\/pipelines\/m\d$/.test(r.path))).toHaveLength(4);
      expect(gets().filter((r) => r.path === '/v0/pipelines').length).toBeGreaterThan(1);
    },
  );
});
