/**
 * The bundled CLI (dist/cli/index.js) against the emulator, as a GitLab job or a terminal runs it.
 * Each provider is one row of PROVIDERS: its emulator scenario, flags, and secrets in environment
 * variables; every test runs for every row.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../emulator/run-action.ts';
import { runCli } from '../../emulator/run-cli.ts';
import { useEmulator } from '../helpers/emulated.ts';
import { ALL_PAYLOADS, forgedCommands, runnerCommands, terminalControls } from '../helpers/runner-model.ts';

const emu = useEmulator();

interface ProviderCase {
  provider: string;
  /** Emulator scenario with two pipelines that succeed (`ok`) and one that fails (`bad`). */
  scenario: { ok: string[]; bad: string; config: Record<string, unknown> };
  /** Flags besides --provider and --pipeline-ids. */
  flags: (url: string) => string[];
  /** Secrets, as the README tells users to pass them. */
  env: Record<string, string>;
  /** Values that must never appear in stdout or stderr. */
  secrets: string[];
  /** The read-only check dry-run sends for the `ok` pipelines, as sorted `METHOD path` lines. */
  dryRunReads: string[];
}

const FELDERA_KEY = 'apikey:cliSecretValue77';
const ARIA_TOKEN = 'refresh-cliAriaApiToken-5a4b3c';
const HW = {
  projectId: 'c11a0000b2220000c3330000d4440000',
  ak: 'HPUACLIEXAMPLEAK0001',
  sk: 'CliHuaweiSecretKey0123456789abcdef',
};
const HW_ID = ['aaaa0000bbbb0000cccc0000dddd0001', 'aaaa0000bbbb0000cccc0000dddd0002', 'aaaa0000bbbb0000cccc0000dddd0003'];
const ALI = { ak: 'LTAI5tCliAccessKeyId', sk: 'cliAccessKeySecretValue987654321', instance: 'ls-cn-cli000000001' };

const PROVIDERS: ProviderCase[] = [
  {
    provider: 'feldera',
    scenario: {
      ok: ['orders', 'payments'],
      bad: 'broken',
      config: {
        feldera: {
          apiKey: FELDERA_KEY,
          pipelines: {
            orders: {},
            payments: { compileMs: 600 },
            broken: { outcome: 'deployment-error', errorCode: 'RunnerProvisionError', errorMessage: 'no capacity left' },
            stuck: { outcome: 'stuck' },
          },
        },
      },
    },
    flags: (url) => ['--endpoint', url, '--poll-interval', '1s'],
    env: { RUN_PIPELINES_API_KEY: FELDERA_KEY },
    secrets: [FELDERA_KEY],
    dryRunReads: ['GET /v0/config/session', 'GET /v0/pipelines/orders', 'GET /v0/pipelines/payments'],
  },
  {
    provider: 'vmware-aria',
    scenario: {
      ok: ['build', 'Shop/deploy'],
      bad: 'broken',
      config: {
        'vmware-aria': {
          refreshTokens: [ARIA_TOKEN],
          pipelines: {
            build: { id: 'build', stages: [{ name: 'Build', tasks: [{ name: 'Compile', ms: 300 }, { name: 'Test' }] }] },
            deploy: { id: 'd-1', project: 'Shop', queuedMs: 200 },
            broken: { id: 'broken', stages: [{ name: 'Test', tasks: [{ name: 'Unit', type: 'CI', fail: '3 tests failed' }] }] },
          },
        },
      },
    },
    flags: (url) => ['--endpoint', url, '--poll-interval', '1s'],
    env: { RUN_PIPELINES_REFRESH_TOKEN: ARIA_TOKEN },
    secrets: [ARIA_TOKEN],
    dryRunReads: ['GET /codestream/api/pipelines/Shop/deploy', 'GET /codestream/api/pipelines/build', 'POST /iaas/api/login'],
  },
  {
    provider: 'huawei-codearts',
    scenario: {
      ok: [HW_ID[0] ?? '', HW_ID[1] ?? ''],
      bad: HW_ID[2] ?? '',
      config: {
        'huawei-codearts': {
          projectId: HW.projectId,
          credentials: [{ accessKeyId: HW.ak, secretAccessKey: HW.sk }],
          pipelines: {
            [HW_ID[0] ?? '']: { runMs: 300 },
            [HW_ID[1] ?? '']: { runMs: 600 },
            [HW_ID[2] ?? '']: {
              outcome: 'FAILED',
              runMs: 300,
              failure: { stage: 'Deploy', job: 'helm upgrade', message: 'ImagePullBackOff' },
            },
          },
        },
      },
    },
    flags: (url) => ['--endpoint', url, '--project-id', HW.projectId, '--poll-interval', '1s'],
    env: { HUAWEICLOUD_SDK_AK: HW.ak, HUAWEICLOUD_SDK_SK: HW.sk },
    secrets: [HW.sk],
    dryRunReads: [HW_ID[0], HW_ID[1]].map((id) => `GET /v5/${HW.projectId}/api/pipelines/${id ?? ''}`),
  },
  {
    provider: 'alibaba-logstash',
    scenario: {
      ok: ['ingest', 'audit'],
      bad: 'broken',
      config: {
        'alibaba-logstash': {
          accessKeys: { [ALI.ak]: ALI.sk },
          instances: {
            [ALI.instance]: {
              deployMs: 800,
              pipelines: { ingest: {}, audit: {}, broken: { outcome: 'not-deployed' } },
              errorLog: ['[ERROR][logstash.agent] Failed to execute action: Expected one of [ \\t\\r\\n] at line 3'],
            },
          },
        },
      },
    },
    flags: (url) => ['--endpoint', url, '--instance-id', ALI.instance, '--poll-interval', '1s'],
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: ALI.ak, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ALI.sk },
    secrets: [ALI.sk],
    dryRunReads: [`GET /openapi/logstashes/${ALI.instance}`, `GET /openapi/logstashes/${ALI.instance}/pipelines`],
  },
];

const quick = ['--timeout', '30s'];

function expectNoSecrets(c: ProviderCase, ...texts: string[]): void {
  for (const s of c.secrets) for (const t of texts) expect(t).not.toContain(s);
}

describe.each(PROVIDERS)('run-pipelines CLI, $provider', (c) => {
  const run = (ids: string[], more: string[] = [], env: Record<string, string> = c.env) =>
    runCli(['--provider', c.provider, '--pipeline-ids', ids.join(','), ...c.flags(emu.get().url), ...quick, ...more], env);

  test('success: JSON outputs on stdout, a plain log on stderr, exit code 0', async () => {
    emu.get().configure(c.scenario.config);
    const r = await run(c.scenario.ok);
    expect(r.code).toBe(0);
    expect(r.json?.['conclusion']).toBe('success');
    expect(r.json?.['run-ids']).toHaveLength(c.scenario.ok.length);
    const runs = r.json?.['runs'] as Array<Record<string, unknown>>;
    expect(runs.map((x) => [x['pipeline'], x['conclusion']])).toEqual(c.scenario.ok.map((p) => [p, 'success']));
    expect(r.stderr).toMatch(/\(after \d+(ms|s)\)/);
    expect(r.stderr).not.toMatch(/^::/m);
    expect(r.stdout).not.toMatch(/^::/m);
    expectNoSecrets(c, r.stdout, r.stderr);
  });

  test('a failed pipeline: exit code 1, its message in the JSON and on stderr', async () => {
    emu.get().configure(c.scenario.config);
    const r = await run([c.scenario.ok[0] ?? '', c.scenario.bad]);
    expect(r.code).toBe(1);
    expect(r.json?.['conclusion']).toBe('failure');
    const runs = r.json?.['runs'] as Array<Record<string, unknown>>;
    const bad = runs.find((x) => x['pipeline'] === c.scenario.bad);
    expect(bad?.['conclusion']).toBe('failure');
    expect(r.stderr).toContain(`error: ${c.scenario.bad}: ${String(bad?.['message'])}`);
    expectNoSecrets(c, r.stdout, r.stderr);
  });

  test('wait false: conclusion triggered, exit code 0', async () => {
    emu.get().configure(c.scenario.config);
    const r = await run(c.scenario.ok, ['--wait', 'false']);
    expect(r.code).toBe(0);
    expect(r.json?.['conclusion']).toBe('triggered');
  });

  test('dry-run: the requests as JSON, nothing started', async () => {
    emu.get().configure(c.scenario.config);
    const r = await run(c.scenario.ok, ['--dry-run']);
    expect(r.code).toBe(0);
    expect(r.json?.['conclusion']).toBe('triggered');
    expect((r.json?.['requests'] as unknown[]).length).toBeGreaterThanOrEqual(1);
    expect(r.stderr).toContain('[dry-run] read-only check passed');
    expect(
      emu
        .get()
        .requests.map((q) => `${q.method} ${q.path}`)
        .sort(),
    ).toEqual(c.dryRunReads);
    expectNoSecrets(c, r.stdout, r.stderr);
  });

  test('bad input: exit code 2 naming the input, before any request', async () => {
    emu.get().configure(c.scenario.config);
    const r = await run(c.scenario.ok, ['--timeout', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: Input 'timeout' must be a duration");
    expect(r.json?.['conclusion']).toBe('failure');
    expect(emu.get().requests).toHaveLength(0);
  });
});

describe('run-pipelines CLI, common behaviour', () => {
  test('--help lists every input of action.yml as a flag', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--provider', '--pipeline-ids', '--timeout', '--dry-run', '--api-key', '--client-token']) {
      expect(r.stdout).toContain(`  ${flag}`);
    }
    expect(r.stdout).toContain('RUN_PIPELINES_API_KEY');
  });

  test('the main step never loads the CLI: it lives in a lazily imported chunk of the one bundle', () => {
    const cliChunks = readdirSync(join(ROOT, 'dist')).filter(
      (f) => f.endsWith('.js') && readFileSync(join(ROOT, 'dist', f), 'utf8').includes('RUN_PIPELINES_<NAME>'),
    );
    expect(cliChunks).toHaveLength(1);
    expect(cliChunks[0]).not.toBe('index.js');
    expect(readFileSync(join(ROOT, 'dist', 'cli', 'index.js'), 'utf8')).toContain("runPipelinesPhase = 'cli'");
  });

  test('an unknown flag is a usage error with a hint', async () => {
    const r = await runCli(['--provider', 'feldera', '--pipeline-id', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown flag --pipeline-id (did you mean --pipeline-ids?)');
  });

  test('a timeout exits 124', async () => {
    const c = PROVIDERS[0] as ProviderCase;
    emu.get().configure(c.scenario.config);
    const r = await runCli(
      ['--provider', c.provider, '--pipeline-ids', 'stuck', ...c.flags(emu.get().url), '--timeout', '2s'],
      c.env,
    );
    expect(r.code).toBe(124);
    expect(r.json?.['conclusion']).toBe('timed_out');
  });

  test('on a GitHub runner, warnings and errors become annotations on stderr, never on stdout', async () => {
    const c = PROVIDERS[0] as ProviderCase;
    emu.get().configure(c.scenario.config);
    const r = await runCli(['--provider', c.provider, '--pipeline-ids', c.scenario.bad, ...c.flags(emu.get().url)], {
      ...c.env,
      GITHUB_ACTIONS: 'true',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^::error title=${c.scenario.bad}::`, 'm'));
    expect(r.stderr).toMatch(/^::add-mask::/m);
    expect(r.json?.['conclusion']).toBe('failure');
  });

  test('on a GitHub runner, a provider that quotes the key back in a 403 leaves it in no file and no stream', async () => {
    const c = PROVIDERS[0] as ProviderCase;
    const dir = mkdtempSync(join(tmpdir(), 'cli-runner-'));
    const files = Object.fromEntries(['summary', 'output', 'state'].map((f) => [f, join(dir, f)]));
    for (const f of Object.values(files)) writeFileSync(f, '');
    emu.get().configure({
      ...c.scenario.config,
      faults: [
        {
          method: 'POST',
          path: '^/v0/pipelines/[^/]+/start$',
          action: {
            kind: 'respond',
            status: 403,
            body: { message: `key ${FELDERA_KEY} may not start it`, error_code: 'Forbidden' },
          },
        },
      ],
    });
    try {
      const r = await runCli(['--provider', c.provider, '--pipeline-ids', 'orders', ...c.flags(emu.get().url)], {
        ...c.env,
        GITHUB_ACTIONS: 'true',
        GITHUB_STEP_SUMMARY: files['summary'] as string,
        GITHUB_OUTPUT: files['output'] as string,
        GITHUB_STATE: files['state'] as string,
      });
      expect(r.code).toBe(1);
      const summary = readFileSync(files['summary'] as string, 'utf8');
      expect(summary).toContain('key *** may not start it');
      expect(r.stdout).toContain('key *** may not start it');
      const written = [
        summary,
        r.stdout,
        r.stderr.replace(/^::add-mask::.*$/gm, ''),
        readFileSync(files['output'] as string, 'utf8'),
      ];
      for (const text of written) expect(text).not.toContain(FELDERA_KEY);
      expect(r.stderr).toContain(`::add-mask::${FELDERA_KEY}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('hostile statuses and messages reach a terminal with no escape sequence, and a runner with no forged command', async () => {
    const c = PROVIDERS[0] as ProviderCase;
    const hostile = {
      feldera: {
        apiKey: FELDERA_KEY,
        pipelines: { evil: { outcome: 'deployment-error', errorCode: 'RunnerProvisionError', errorMessage: ALL_PAYLOADS } },
      },
      faults: [
        {
          method: 'GET',
          path: '^/v0/pipelines/[^/]+$',
          times: 1,
          action: {
            kind: 'patch-json',
            set: { deployment_status: `\u001b]0;FORGED title\u0007\r\u001b[32mALL PIPELINES SUCCEEDED ${ALL_PAYLOADS}` },
          },
        },
      ],
    };
    for (const onRunner of [false, true]) {
      emu.get().configure(hostile);
      const r = await runCli(['--provider', c.provider, '--pipeline-ids', 'evil', ...c.flags(emu.get().url)], {
        ...c.env,
        ...(onRunner ? { GITHUB_ACTIONS: 'true' } : {}),
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('ALL PIPELINES SUCCEEDED');
      expect(r.stderr).toContain('\\x1b]0;FORGED title\\x07');
      for (const stream of [r.stdout, r.stderr]) {
        expect(terminalControls(stream)).toEqual([]);
        expect(forgedCommands(stream).map((cmd) => cmd.line.slice(0, 120))).toEqual([]);
      }
      if (!onRunner) expect(runnerCommands(r.stderr)).toEqual([]);
      expect(JSON.stringify(r.json)).toContain('ALL PIPELINES SUCCEEDED');
    }
  });
});
