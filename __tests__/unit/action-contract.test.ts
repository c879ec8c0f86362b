/** action.yml, the code and the interface agree: declared outputs are exactly the ones set, inputs read are declared, defaults match. */
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../emulator/run-action.ts';
import { commonShape, readCommonSettings } from '../../src/inputs.ts';
import { COMMON_OUTPUTS } from '../../src/outputs.ts';
import { PROVIDER_NAMES, PROVIDERS } from '../../src/providers/registry.ts';

interface ActionYml {
  runs: { using: string; main: string; post: string };
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

test('runs on node24 with main and post bundles that exist', () => {
  expect(action.runs.using).toBe('node24');
  expect(action.runs.main).toBe('dist/index.js');
  expect(action.runs.post).toBe('dist/post.js');
});

test('the outputs action.yml declares are exactly the ones the code can set: the common ones and those the providers declare', () => {
  const declaredByProviders = PROVIDER_NAMES.flatMap((name): readonly string[] => PROVIDERS[name].outputs);
  expect(Object.keys(action.outputs).sort()).toEqual([...new Set([...COMMON_OUTPUTS, ...declaredByProviders])].sort());
});

test('every common input and every input a provider declares is declared', () => {
  for (const name of Object.keys(commonShape)) expect(action.inputs).toHaveProperty(name);
  for (const provider of PROVIDER_NAMES) {
    for (const name of Object.keys(PROVIDERS[provider].inputs)) expect(action.inputs).toHaveProperty(name);
  }
});

test('every input action.yml declares is read by the common settings or by a provider', () => {
  const read = new Set([...Object.keys(commonShape), ...PROVIDER_NAMES.flatMap((p) => Object.keys(PROVIDERS[p].inputs))]);
  expect(Object.keys(action.inputs).filter((name) => !read.has(name))).toEqual([]);
});

test('defaults in action.yml are the defaults the code applies when an input is unset', () => {
  const declared = (name: string): string => action.inputs[name]?.default ?? '';
  const fromYml = readCommonSettings((n) => (n === 'provider' ? 'feldera' : n === 'pipeline-ids' ? 'p' : declared(n)));
  const fromCode = readCommonSettings((n) => (n === 'provider' ? 'feldera' : n === 'pipeline-ids' ? 'p' : ''));
  expect(fromYml).toEqual(fromCode);
});

test('an unset timeout waits up to 6h, GitHub default job limit, in action.yml and in the code', () => {
  expect(action.inputs['timeout']?.default).toBe('6h');
  expect(readCommonSettings((n) => (n === 'provider' ? 'feldera' : n === 'pipeline-ids' ? 'p' : '')).timeout).toBe(6 * 3600_000);
});
