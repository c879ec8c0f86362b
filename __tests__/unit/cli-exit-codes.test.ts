/**
 * A bad environment variable is bad input wherever it is read: the CLI exits 2 (usage) for
 * RUN_PIPELINES_REQUEST_TIMEOUT, read by the shared setup, as for FELDERA_HOST, read by a provider,
 * and names the variable. In process: nothing is sent, so no server is needed.
 */
import { expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageVersion } from '../../src/cli/manifest.ts';
import { EXIT_CODES, main } from '../../src/cli/run.ts';

async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const FELDERA = ['--provider', 'feldera', '--pipeline-ids', 'orders'];

test.each([
  ['RUN_PIPELINES_REQUEST_TIMEOUT', [...FELDERA, '--endpoint', 'http://127.0.0.1:9'], { RUN_PIPELINES_REQUEST_TIMEOUT: 'soon' }],
  ['RUN_PIPELINES_REQUEST_TIMEOUT', [...FELDERA, '--endpoint', 'http://127.0.0.1:9'], { RUN_PIPELINES_REQUEST_TIMEOUT: '5ms' }],
  ['FELDERA_HOST', FELDERA, { FELDERA_HOST: 'ftp://feldera.example' }],
])('a bad %s exits with the usage code and names the variable', async (variable, argv, env) => {
  const run = await cli(argv, env);
  expect(run.code).toBe(EXIT_CODES.usage);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`'${variable}'`);
  expect(JSON.parse(run.stdout)).toEqual({ conclusion: 'failure', error: expect.stringContaining(variable) as unknown });
});

test('--version prints package.json’s version alone on stdout (the one copy of the number) and exits 0', async () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  for (const flag of ['--version', '-V']) {
    expect(await cli([flag], {})).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'cli-version-'));
  try {
    const file = (text: string): URL => {
      writeFileSync(join(dir, 'package.json'), text);
      return pathToFileURL(join(dir, 'package.json'));
    };
    expect(packageVersion(file('{ "version": "9.8.7" }'))).toBe('9.8.7');
    expect(() => packageVersion(file('{}'))).toThrow(/no version in .*package\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
