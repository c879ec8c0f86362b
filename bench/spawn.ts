/**
 * Spawns `node dist/index.js` the way the runner does (INPUT_* variables, file commands in a temp
 * directory), timing it from spawn to exit.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, runnerEnv } from '../emulator/run-action.ts';

export interface Spawned {
  code: number | null;
  startedAt: number;
  wallMs: number;
  stdout: string;
  /** Peak RSS in MB when `measureRss` was set. */
  peakRssMb?: number;
}

export interface SpawnOptions {
  /** A script to run instead of dist/index.js (the bare baseline). */
  script?: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  measureRss?: boolean;
  /** Called right after the spawn with the performance.now() of the spawn. */
  onSpawn?: (at: number) => void;
}

export async function spawnTimed(options: SpawnOptions): Promise<Spawned> {
  const dir = mkdtempSync(join(tmpdir(), 'run-pipelines-bench-'));
  for (const f of ['output', 'summary', 'state', 'env', 'path']) writeFileSync(join(dir, f), '');
  const rssFile = join(dir, 'rss');
  const env = runnerEnv(dir, options.inputs ?? {}, {
    ...options.env,
    ...(options.measureRss ? { BENCH_RSS_FILE: rssFile } : {}),
  });
  const preload = options.measureRss ? ['--import', new URL('./peak-rss.mjs', import.meta.url).href] : [];
  const script = options.script ?? join(ROOT, 'dist', 'index.js');
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...preload, script], { env, cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  options.onSpawn?.(startedAt);
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  const wallMs = performance.now() - startedAt;
  const rssKb = options.measureRss ? Number(readFileSync(rssFile, 'utf8')) : undefined;
  rmSync(dir, { recursive: true, force: true });
  return { code, startedAt, wallMs, stdout, ...(rssKb !== undefined ? { peakRssMb: rssKb / 1024 } : {}) };
}
