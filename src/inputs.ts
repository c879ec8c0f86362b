/**
 * Reads and validates the step's inputs. Every failure becomes an InputError that names the input,
 * says what it accepts and is thrown before any request is sent.
 *
 * The rules are plain functions, not zod schemas: they run before the first request, and zod loads on
 * demand (`responseReader`, src/providers/shared.ts).
 */
import { InputError } from './errors.ts';
import { PROVIDER_NAMES } from './provider-names.ts';
import { parseBoolean, parseDuration, parseList, parseMapping, type Parsed } from './parse.ts';

/** Returns an input's raw value, trimmed, or '' when unset (the contract of `core.getInput`). */
export type InputSource = (name: string) => string;

/** Reads inputs from `INPUT_<NAME>` variables the way the runner sets them (hyphens kept). */
export function envInputSource(env: NodeJS.ProcessEnv): InputSource {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** One input's rule: its raw value (`''` when unset) to a value, or why it is refused. */
export type InputRule<T> = (raw: string) => Parsed<T>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
/** Every reason an input is refused for, in one message. */
const refuse = <T>(...reasons: string[]): Parsed<T> => ({ ok: false, reason: reasons.join('; ') });

/** Rules for the string forms of inputs. `''` means unset and yields the default. */
export const inputRules = {
  boolean:
    (fallback: boolean): InputRule<boolean> =>
    (s) =>
      s === '' ? ok(fallback) : parseBoolean(s),
  optionalBoolean: (): InputRule<boolean | undefined> => (s) => (s === '' ? ok(undefined) : parseBoolean(s)),
  duration:
    (fallback: string, minMs = 1): InputRule<number> =>
    (s) => {
      const parsed = parseDuration(s === '' ? fallback : s);
      if (parsed.ok && parsed.value < minMs) return refuse(`must be at least ${minMs / 1000}s`);
      return parsed;
    },
  list:
    (what: string, itemPattern?: RegExp): InputRule<string[]> =>
    (s) => {
      const items = parseList(s);
      const reasons: string[] = [];
      if (items.length === 0) reasons.push(`is required: ${what}`);
      const bad = itemPattern ? items.find((i) => !itemPattern.test(i)) : undefined;
      if (bad !== undefined) reasons.push(`has '${bad}', expected ${what}`);
      const dupe = items.find((i, n) => items.indexOf(i) !== n);
      if (dupe !== undefined) reasons.push(`lists '${dupe}' twice`);
      return reasons.length > 0 ? refuse(...reasons) : ok(items);
    },
  optionalList: (): InputRule<string[]> => (s) => ok(parseList(s)),
  oneOf:
    <const T extends string>(values: readonly T[], fallback?: T): InputRule<T> =>
    (s) => {
      const v = s === '' ? fallback : s;
      if (v !== undefined && (values as readonly string[]).includes(v)) return ok(v as T);
      const shown = s === '' ? 'it is required' : `got '${s}'`;
      return refuse(`must be one of ${values.join(', ')} (${shown})`);
    },
  optionalOneOf:
    <const T extends string>(values: readonly T[]): InputRule<T | undefined> =>
    (s) => {
      if (s === '') return ok(undefined);
      if ((values as readonly string[]).includes(s)) return ok(s as T);
      return refuse(`must be one of ${values.join(', ')} (got '${s}')`);
    },
  optionalText:
    (pattern?: RegExp, what?: string): InputRule<string | undefined> =>
    (s) => {
      if (s === '') return ok(undefined);
      if (pattern && !pattern.test(s)) return refuse(`must be ${what ?? `like ${pattern}`}`);
      return ok(s);
    },
  mapping: (): InputRule<Record<string, unknown>> => parseMapping,
  count:
    (fallback: number, min: number, max: number): InputRule<number> =>
    (s) => {
      const n = s === '' ? fallback : /^\d+$/.test(s) ? Number(s) : Number.NaN;
      if (Number.isInteger(n) && n >= min && n <= max) return ok(n);
      return refuse(`must be a whole number from ${min} to ${max} (got '${s}')`);
    },
};

export type InputShape = Record<string, InputRule<unknown>>;
export type InputValues<S extends InputShape> = { [K in keyof S]: S[K] extends InputRule<infer T> ? T : never };

/** Reads every input of `shape`; the first bad one throws an InputError naming it. */
export function readInputs<S extends InputShape>(shape: S, source: InputSource): InputValues<S> {
  const out: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(shape)) {
    const result = rule(source(name));
    if (!result.ok) throw new InputError(name, result.reason);
    out[name] = result.value;
  }
  return out as InputValues<S>;
}

/** `if-running`: what to do when a pipeline already has a run in progress (src/if-running.ts). */
/** A region id as Huawei and Alibaba write them (cn-north-4, cn-hangzhou): the `region` input, and region variables. */
export const REGION_ID = /^[a-z]{2,}(-[a-z0-9]+)+$/;

export const IF_RUNNING_MODES = ['start', 'wait', 'skip', 'cancel-previous'] as const;
export type IfRunningMode = (typeof IF_RUNNING_MODES)[number];

/** One entry of the `runs` input: the pipeline it names, and the rest as the earlier step wrote it. */
export interface RunEntry {
  readonly pipeline: string;
  readonly [field: string]: unknown;
}
/** The `runs` input, read once: its entries, in order (src/runs-input.ts reads their handles back). */
export type RunsInput = readonly RunEntry[];

const RUNS_WHAT = "the 'runs' output of an earlier step of this action (a JSON array)";

/** `runs`: the JSON `runs` output of an earlier step, to wait on instead of triggering. */
function runsRule(s: string): Parsed<RunsInput | undefined> {
  if (s === '') return ok(undefined);
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch (err) {
    return refuse(`must be ${RUNS_WHAT}; it is not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!Array.isArray(value) || value.length === 0) return refuse(`must be ${RUNS_WHAT} with at least one run`);
  const entries = value as unknown[];
  const bad = entries.findIndex((e) => typeof e !== 'object' || e === null || Array.isArray(e));
  if (bad >= 0) return refuse(`entry ${bad + 1} is not an object; expected ${RUNS_WHAT}`);
  const nameless = (entries as Record<string, unknown>[]).findIndex(
    (e) => typeof e['pipeline'] !== 'string' || e['pipeline'] === '',
  );
  if (nameless >= 0) return refuse(`entry ${nameless + 1} names no pipeline; expected ${RUNS_WHAT}`);
  return ok(entries as RunEntry[]);
}

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** The inputs every provider shares but `runs`, which is read first. */
const shapeBesideRuns = {
  provider: inputRules.oneOf(PROVIDER_NAMES),
  'pipeline-ids': inputRules.list('one or more pipeline ids, separated by commas or newlines'),
  endpoint: inputRules.optionalText(/^https?:\/\/[^\s/]+/, 'an http(s):// URL such as https://api.example.com'),
  region: inputRules.optionalText(REGION_ID, 'a region id such as cn-north-4 or cn-hangzhou'),
  wait: inputRules.boolean(true),
  // GitHub's default job limit: a long deployment is not cut off (and, where cancel-on-abort is on,
  // cancelled) halfway unless the workflow asks for a shorter bound.
  timeout: inputRules.duration('6h', 1000),
  'poll-interval': inputRules.duration('10s', 1000),
  'cancel-on-abort': inputRules.optionalBoolean(),
  'dry-run': inputRules.boolean(false),
  'ca-certificate': inputRules.optionalText(PEM, 'one or more PEM certificates (-----BEGIN CERTIFICATE-----)'),
  'allow-insecure-http': inputRules.boolean(false),
  logs: inputRules.oneOf(['failed', 'all', 'live', 'none'] as const, 'failed'),
  'log-lines': inputRules.count(200, 1, 10_000),
  'if-running': inputRules.oneOf(IF_RUNNING_MODES, 'start'),
  'logs-dir': inputRules.optionalText(/^[^\0]+$/, 'a folder path'),
};

/** The inputs every provider shares. Provider-specific ones are read by the provider. */
export const commonShape = { ...shapeBesideRuns, runs: runsRule };

export type CommonSettings = InputValues<typeof commonShape>;

/**
 * With `runs`, the step triggers nothing: `pipeline-ids` must be empty and becomes the pipelines of
 * those runs, so every check a provider makes of the pipelines applies to them alike.
 */
export function readCommonSettings(source: InputSource): CommonSettings {
  const settings = readSettings(source);
  if (settings.logs === 'none' && settings['logs-dir'] !== undefined) {
    throw new InputError('logs-dir', "cannot be given with 'logs: none': set logs to failed, all or live, or leave logs-dir out");
  }
  return settings;
}

function readSettings(source: InputSource): CommonSettings {
  if (source('runs') !== '' && source('pipeline-ids') !== '') {
    throw new InputError(
      'runs',
      "cannot be given together with 'pipeline-ids': either trigger pipelines or wait for earlier runs",
    );
  }
  const { runs } = readInputs({ runs: runsRule }, source);
  const pipelines = runs?.map((entry) => entry.pipeline).join('\n');
  const others =
    pipelines === undefined ? source : (name: string): string => (name === 'pipeline-ids' ? pipelines : source(name));
  return { ...readInputs(shapeBesideRuns, others), runs };
}
