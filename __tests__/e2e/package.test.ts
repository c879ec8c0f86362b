/**
 * The npm package as a GitLab job or a terminal gets it: `npm pack` of this checkout (its built
 * dist/), the tarball installed into an empty folder with no registry (`--offline`), and the
 * installed `run-pipelines` command run from there: `--version`, then a real run against the emulator.
 * It proves the package carries everything the command loads and needs no dependency.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { ROOT } from '../../emulator/run-action.ts';
import { useEmulator } from '../helpers/emulated.ts';

const emu = useEmulator();
const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir = '';
/** The folder the tarball is installed into: nothing but its package.json at first. */
let app = '';
let packed: { filename: string; files: Array<{ path: string }> } | undefined;

/**
 * Runs a command with this Node first on PATH (npm and the command's `#!/usr/bin/env node` then
 * run on Node 24), a HOME and an npm cache of its own (no user .npmrc, no shared cache).
 */
function run(file: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const base = {
    PATH: [dirname(process.execPath), process.env['PATH'] ?? ''].join(delimiter),
    HOME: dir,
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...base, ...env }, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'run-pipelines-pack-'));
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
  expect(pack).toMatchObject({ code: 0 });
  packed = (JSON.parse(pack.stdout) as Array<NonNullable<typeof packed>>)[0];
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "empty-project", "private": true }\n');
  const tarball = join(dir, packed?.filename ?? '');
  const install = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);
  expect(install).toMatchObject({ code: 0 });
}, 60_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

const command = (): string => join(app, 'node_modules', '.bin', 'run-pipelines');

describe('the npm package', () => {
  test('holds the bundle, action.yml (the flags), README, LICENSE and CHANGELOG, and nothing else', () => {
    const files = (packed?.files ?? []).map((f) => f.path).sort();
    const chunks = readdirSync(join(ROOT, 'dist'))
      .filter((f) => f.endsWith('.js') && f !== 'post.js')
      .map((f) => `dist/${f}`);
    expect(files).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'action.yml',
        'package.json',
        ...chunks,
        'dist/cli/index.js',
        'dist/licenses.txt',
        'dist/package.json',
      ].sort(),
    );
  });

  test('declares no dependency: the command needs nothing outside the bundle', () => {
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', own.name, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(installed['dependencies'] ?? {}).toEqual({});
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual([own.name]);
  });

  test('run-pipelines --version prints package.json’s version alone on stdout', async () => {
    const r = await run(command(), ['--version'], app);
    expect(r).toEqual({ code: 0, stdout: `${own.version}\n`, stderr: '' });
  });

  test('the installed command triggers a pipeline on the emulator and waits for it', async () => {
    const key = 'apikey:packagedCommandKey42';
    emu.get().configure({ feldera: { apiKey: key, pipelines: { orders: { compileMs: 300 } } } });
    const args = [
      '--provider',
      'feldera',
      '--endpoint',
      emu.get().url,
      '--pipeline-ids',
      'orders',
      '--poll-interval',
      '1s',
      '--timeout',
      '30s',
    ];
    const r = await run(command(), args, app, { RUN_PIPELINES_API_KEY: key });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { conclusion: string; runs: Array<{ pipeline: string; conclusion: string }> };
    expect(out.conclusion).toBe('success');
    expect(out.runs.map((x) => [x.pipeline, x.conclusion])).toEqual([['orders', 'success']]);
    expect(emu.get().requests.map((q) => `${q.method} ${q.path}`)).toContain('POST /v0/pipelines/orders/start');
    expect(`${r.stdout}${r.stderr}`).not.toContain(key);
  });
});
