/**
 * Runs the bundled action the way the GitHub runner does: a child `node dist/index.js` with
 * `INPUT_<NAME>` variables (hyphens kept), and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE
 * files it parses afterwards. Used by the end-to-end tests, the demo and the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  durationMs: number;
}

export interface RunActionOptions {
  inputs: Record<string, string>;
  env?: Record<string, string>;
  /** `main` runs dist/index.js; `post` runs dist/post.js with the state a main run left. */
  phase?: 'main' | 'post';
  /** GITHUB_STATE contents to hand to a post run (as `main` saved it). */
  state?: Record<string, string>;
  /** Called once the child is running, e.g. to send it signals. */
  onSpawn?: (child: ChildProcess) => void;
  killAfterMs?: number;
  /** SIGKILLs the child as soon as its stdout matches: a kill at a known point instead of after a guessed delay. */
  killWhen?: RegExp;
}

/** The environment the runner gives a step, minus what the machine itself has. */
export function runnerEnv(dir: string, inputs: Record<string, string>, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKFLOW: 'ci',
    RUNNER_TEMP: dir,
    ...extra,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return env;
}

/**
 * Node's own bytecode cache for the spawned process, when the caller's environment names one
 * (`npm test` does): hundreds of test spawns then compile the bundle once instead of each time.
 * Not part of the runner's environment, so the benchmark's cold starts stay cold.
 */
export function compileCacheEnv(): Record<string, string> {
  const dir = process.env['NODE_COMPILE_CACHE'];
  return dir ? { NODE_COMPILE_CACHE: resolve(dir) } : {};
}

/** Parses the runner's file command format: `name=value` or `name<<DELIM\nvalue\nDELIM`. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delim] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i] ?? '');
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'run-pipelines-'));
  const env = runnerEnv(dir, options.inputs, { ...compileCacheEnv(), ...options.env });
  for (const f of ['output', 'summary', 'state', 'env', 'path']) writeFileSync(join(dir, f), '');
  if (options.state) {
    for (const [k, v] of Object.entries(options.state)) env[`STATE_${k}`] = v;
  }
  const entry = join(ROOT, 'dist', options.phase === 'post' ? 'post.js' : 'index.js');
  const started = Date.now();
  const child = spawn(process.execPath, [entry], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    if (options.killWhen?.test(stdout)) child.kill('SIGKILL');
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  options.onSpawn?.(child);
  const killer = options.killAfterMs ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs) : undefined;
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res) =>
    child.on('close', (c, s) => res([c, s])),
  );
  clearTimeout(killer);
  const result: ActionRun = {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommands(readOr(join(dir, 'output'))),
    state: parseFileCommands(readOr(join(dir, 'state'))),
    summary: readOr(join(dir, 'summary')),
    durationMs: Date.now() - started,
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}
