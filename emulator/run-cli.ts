/**
 * Runs the bundled CLI (dist/cli/index.js) as a GitLab job or a terminal would: arguments, an
 * environment without any GitHub runner variables, stdout and stderr kept apart.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { compileCacheEnv, ROOT } from './run-action.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, or undefined when it is not JSON. */
  json: Record<string, unknown> | undefined;
  durationMs: number;
}

export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'index.js'), ...args], {
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...compileCacheEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { code, stdout, stderr, json, durationMs: Date.now() - started };
}
