/**
 * Reads and validates the step's inputs with zod. Every failure becomes an InputError that names the
 * input, says what it accepts and is thrown before any request is sent.
 */
import { z } from 'zod';
import { InputError } from './errors.ts';
import { pipelinesOfRuns } from './runs-input.ts';
import { PROVIDER_NAMES } from './providers/registry.ts';
import { parseBoolean, parseDuration, parseList, parseMapping, type Parsed } from './parse.ts';

/** Returns an input's raw value, trimmed, or '' when unset (the contract of `core.getInput`). */
export type InputSource = (name: string) => string;

/** Reads inputs from `INPUT_<NAME>` variables the way the runner sets them (hyphens kept). */
export function envInputSource(env: NodeJS.ProcessEnv): InputSource {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function accept<T>(parsed: Parsed<T>, ctx: z.RefinementCtx): T {
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.reason });
  return z.NEVER;
}

const raw = z.string();

/** Schemas for the string forms of inputs. `''` means unset and yields the default. */
export const inputSchema = {
  boolean: (fallback: boolean) => raw.transform((s, ctx) => (s === '' ? fallback : accept(parseBoolean(s), ctx))),
  optionalBoolean: () => raw.transform((s, ctx) => (s === '' ? undefined : accept(parseBoolean(s), ctx))),
  duration: (fallback: string, minMs = 1) =>
    raw.transform((s, ctx) => {
      const ms = accept(parseDuration(s === '' ? fallback : s), ctx);
      if (ms < minMs) ctx.addIssue({ code: 'custom', message: `must be at least ${minMs / 1000}s` });
      return ms;
    }),
  list: (what: string, itemPattern?: RegExp) =>
    raw.transform((s, ctx) => {
      const items = parseList(s);
      if (items.length === 0) ctx.addIssue({ code: 'custom', message: `is required: ${what}` });
      const bad = itemPattern ? items.find((i) => !itemPattern.test(i)) : undefined;
      if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `has '${bad}', expected ${what}` });
      const dupe = items.find((i, n) => items.indexOf(i) !== n);
      if (dupe !== undefined) ctx.addIssue({ code: 'custom', message: `lists '${dupe}' twice` });
      return items;
    }),
  optionalList: () => raw.transform((s) => parseList(s)),
  oneOf: <const T extends string>(values: readonly T[], fallback?: T) =>
    raw.transform((s, ctx): T => {
      const v = s === '' ? fallback : s;
      if (v !== undefined && (values as readonly string[]).includes(v)) return v as T;
      const shown = s === '' ? 'it is required' : `got '${s}'`;
      ctx.addIssue({ code: 'custom', message: `must be one of ${values.join(', ')} (${shown})` });
      return z.NEVER;
    }),
  optionalOneOf: <const T extends string>(values: readonly T[]) =>
    raw.transform((s, ctx): T | undefined => {
      if (s === '') return undefined;
      if ((values as readonly string[]).includes(s)) return s as T;
      ctx.addIssue({ code: 'custom', message: `must be one of ${values.join(', ')} (got '${s}')` });
      return z.NEVER;
    }),
  optionalText: (pattern?: RegExp, what?: string) =>
    raw.transform((s, ctx) => {
      if (s === '') return undefined;
      if (pattern && !pattern.test(s)) {
        ctx.addIssue({ code: 'custom', message: `must be ${what ?? `like ${pattern}`}` });
      }
      return s;
    }),
  mapping: () => raw.transform((s, ctx) => accept(parseMapping(s), ctx)),
  count: (fallback: number, min: number, max: number) =>
    raw.transform((s, ctx) => {
      const n = s === '' ? fallback : /^\d+$/.test(s) ? Number(s) : Number.NaN;
      if (Number.isInteger(n) && n >= min && n <= max) return n;
      ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max} (got '${s}')` });
      return z.NEVER;
    }),
};

export type InputShape = Record<string, z.ZodType<unknown, string>>;
export type InputValues<S extends InputShape> = { [K in keyof S]: z.output<S[K]> };

/** Parses every input of `shape`; the first bad one throws an InputError naming it. */
export function readInputs<S extends InputShape>(shape: S, source: InputSource): InputValues<S> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const result = schema.safeParse(source(name));
    if (!result.success) {
      throw new InputError(name, result.error.issues.map((i) => i.message).join('; '));
    }
    out[name] = result.data;
  }
  return out as InputValues<S>;
}

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** The inputs every provider shares. Provider-specific ones are read by the provider. */
export const commonShape = {
  provider: inputSchema.oneOf(PROVIDER_NAMES),
  'pipeline-ids': inputSchema.list('one or more pipeline ids, separated by commas or newlines'),
  endpoint: inputSchema.optionalText(/^https?:\/\/[^\s/]+/, 'an http(s):// URL such as https://api.example.com'),
  region: inputSchema.optionalText(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'a region id such as cn-north-4 or cn-hangzhou'),
  wait: inputSchema.boolean(true),
  // GitHub's default job limit: a long deployment is not cut off (and, where cancel-on-abort is on,
  // cancelled) halfway unless the workflow asks for a shorter bound.
  timeout: inputSchema.duration('6h', 1000),
  'poll-interval': inputSchema.duration('10s', 1000),
  'cancel-on-abort': inputSchema.optionalBoolean(),
  'dry-run': inputSchema.boolean(false),
  'ca-certificate': inputSchema.optionalText(PEM, 'one or more PEM certificates (-----BEGIN CERTIFICATE-----)'),
  'allow-insecure-http': inputSchema.boolean(false),
  /** The `runs` output of an earlier step, to wait on instead of triggering (src/runs-input.ts reads it). */
  runs: inputSchema.optionalText(),
  logs: inputSchema.oneOf(['failed', 'all', 'none'] as const, 'failed'),
  'log-lines': inputSchema.count(200, 1, 10_000),
};

export type CommonSettings = InputValues<typeof commonShape>;

/**
 * With `runs`, the step triggers nothing: `pipeline-ids` must be empty and becomes the pipelines of
 * those runs, so every check a provider makes of the pipelines applies to them alike.
 */
export function readCommonSettings(source: InputSource): CommonSettings {
  const runs = source('runs');
  if (runs === '') return readInputs(commonShape, source);
  if (source('pipeline-ids') !== '') {
    throw new InputError(
      'runs',
      "cannot be given together with 'pipeline-ids': either trigger pipelines or wait for earlier runs",
    );
  }
  const pipelines = pipelinesOfRuns(runs);
  return readInputs(commonShape, (name) => (name === 'pipeline-ids' ? pipelines.join('\n') : source(name)));
}
