/**
 * The action's inputs as action.yml declares them: the CLI takes its flag names, help text and
 * defaults from there, so an input added for a provider is a flag without touching the CLI.
 */
import { readFileSync } from 'node:fs';
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

/** dist/cli/index.js and src/cli/index.ts both sit two levels below the folder with action.yml. */
export const MANIFEST_URL = new URL('../../action.yml', import.meta.url);

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
