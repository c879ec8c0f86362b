/**
 * The action's inputs as action.yml declares them: the CLI takes its flag names, help text and
 * defaults from there, so an input added for a provider is a flag without touching the CLI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

export interface InputSpec {
  name: string;
  description: string;
  default?: string;
  required: boolean;
}

export interface Manifest {
  inputs: InputSpec[];
  outputs: string[];
}

interface RawManifest {
  inputs?: Record<string, { description?: string; default?: string | number | boolean; required?: boolean }>;
  outputs?: Record<string, unknown>;
}

/**
 * A file of the package's root (action.yml, package.json), which sits one level above the bundle's
 * chunks (dist/) and two above src/cli/: take the first that exists. The name is joined at run time
 * on purpose: a literal `new URL('…', import.meta.url)` makes the bundler copy the file into dist/
 * as an asset, a second copy that could drift.
 */
function packageFile(...parts: string[]): URL {
  const here = dirname(fileURLToPath(import.meta.url));
  const name = parts.join('.');
  const candidates = [resolve(here, '..', name), resolve(here, '..', '..', name)];
  return pathToFileURL(candidates.find((c) => existsSync(c)) ?? (candidates[1] as string));
}

export const MANIFEST_URL = packageFile('action', 'yml');

/**
 * The version `run-pipelines --version` prints: package.json's own, read where the command runs (the
 * npm package and a checkout both carry it), so no second copy of the number exists to drift.
 */
export function packageVersion(url: URL = packageFile('package', 'json')): string {
  const { version } = JSON.parse(readFileSync(url, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || version === '') throw new Error(`no version in ${fileURLToPath(url)}`);
  return version;
}

export function parseManifest(text: string): Manifest {
  const raw = parseYaml(text) as RawManifest;
  const inputs = Object.entries(raw.inputs ?? {}).map(([name, spec]): InputSpec => {
    const fallback = spec.default === undefined ? undefined : String(spec.default);
    return {
      name,
      description: (spec.description ?? '').trim(),
      required: spec.required === true,
      // An expression default (${{ … }}) only means something on a runner.
      ...(fallback !== undefined && !fallback.includes('${{') ? { default: fallback } : {}),
    };
  });
  return { inputs, outputs: Object.keys(raw.outputs ?? {}) };
}

export function loadManifest(url: URL = MANIFEST_URL): Manifest {
  return parseManifest(readFileSync(url, 'utf8'));
}
