/**
 * Command-line flags named like the action's inputs (`--pipeline-ids a,b`, `--wait=false`), and the
 * InputSource the shared core reads them through: flag, then `RUN_PIPELINES_<INPUT>` environment
 * variable, then the action.yml default, exactly as the runner resolves `with:` and defaults.
 */
import type { InputSource } from '../inputs.ts';
import type { Manifest } from './manifest.ts';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedArgs {
  help: boolean;
  version: boolean;
  flags: Map<string, string>;
}

/** The environment variable that can carry an input: `api-key` → `RUN_PIPELINES_API_KEY`. */
export function envNameFor(input: string): string {
  return `RUN_PIPELINES_${input.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

/**
 * `--name value`, `--name=value`, a bare `--name` (true) and `--no-name` (false). A flag given twice
 * adds a line, so `--pipeline-ids a --pipeline-ids b` lists both.
 */
export function parseArgs(argv: string[], manifest: Manifest): ParsedArgs {
  const known = new Set(manifest.inputs.map((i) => i.name));
  const out: ParsedArgs = { help: false, version: false, flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') out.help = true;
    else if (arg === '--version' || arg === '-V') out.version = true;
    else if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}': every value follows a --flag`);
    else {
      const [name, value, used] = flagValue(arg.slice(2), argv[i + 1], known);
      const before = out.flags.get(name);
      out.flags.set(name, before === undefined ? value : `${before}\n${value}`);
      i += used;
    }
  }
  return out;
}

function flagValue(body: string, next: string | undefined, known: Set<string>): [string, string, number] {
  const eq = body.indexOf('=');
  if (eq >= 0) return [checkName(body.slice(0, eq), known), body.slice(eq + 1), 0];
  if (!known.has(body) && body.startsWith('no-') && known.has(body.slice(3))) return [body.slice(3), 'false', 0];
  const name = checkName(body, known);
  if (next === undefined || next.startsWith('--')) return [name, 'true', 0];
  return [name, next, 1];
}

function checkName(name: string, known: Set<string>): string {
  if (known.has(name)) return name;
  const near = [...known].filter((k) => k.includes(name) || name.includes(k));
  const hint = near.length > 0 ? ` (did you mean --${near.join(', --')}?)` : '';
  throw new UsageError(`unknown flag --${name}${hint}; run with --help for the list`);
}

export function cliInputSource(flags: Map<string, string>, env: NodeJS.ProcessEnv, manifest: Manifest): InputSource {
  const defaults = new Map(manifest.inputs.map((i) => [i.name, i.default]));
  return (name) => (flags.get(name) ?? env[envNameFor(name)] ?? defaults.get(name) ?? '').trim();
}

/** Names that usually hold a secret; passed as a flag they land in shell history and `ps` output. */
export function looksSecret(input: string): boolean {
  return /(^|-)(key|secret|password|token)$/.test(input) && !/^client-token$/.test(input);
}
