/**
 * Parsers for the string forms every input arrives in. Each returns a value or a reason that the
 * caller turns into an error naming the input.
 */
type YamlParse = (text: string) => unknown;
let yamlParse: YamlParse | undefined;

/**
 * The YAML parser is about a fifth of the bundle and only mapping inputs need it, so it is loaded on
 * demand: setup calls this before reading inputs when an input that needs it (registry: `yaml-parser`) is given.
 */
export async function loadYamlParser(): Promise<void> {
  if (yamlParse) return;
  const yaml = await import('yaml');
  yamlParse = (text) => yaml.parse(text, { schema: 'core' });
}

function parseYaml(text: string): unknown {
  if (!yamlParse) throw new Error('internal: loadYamlParser() must run before a YAML mapping is parsed');
  return yamlParse(text);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

/** YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them. */
export function parseBoolean(raw: string): Parsed<boolean> {
  if (TRUE.has(raw)) return ok(true);
  if (FALSE.has(raw)) return ok(false);
  return fail('must be true or false');
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90` (seconds), `90s`, `1500ms`, `15m`, `2h`, or a sum such as `1h30m`. */
export function parseDuration(raw: string): Parsed<number> {
  const text = raw.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return ok(Math.round(Number(text) * 1000));
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  const joined = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || joined !== text) {
    return fail('must be a duration such as 90, 90s, 15m or 2h');
  }
  let total = 0;
  for (const [, n, unit] of parts) total += Number(n) * (UNIT_MS[unit ?? 's'] ?? 1000);
  return ok(Math.round(total));
}

/** Items separated by newlines or commas; blanks dropped, each item trimmed. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * A mapping given as YAML/JSON (`{a: 1}` or block style) or as `KEY=VALUE` lines. Values may be
 * scalars or nested structures; keys must be non-empty.
 */
export function parseMapping(raw: string): Parsed<Record<string, unknown>> {
  const text = raw.trim();
  if (text === '') return ok({});
  if (isKeyValueLines(text)) return ok(parseKeyValueLines(text));
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : 'invalid';
    return fail(`must be a YAML/JSON mapping or KEY=VALUE lines (${why})`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return fail('must be a YAML/JSON mapping or KEY=VALUE lines');
  }
  return ok(doc as Record<string, unknown>);
}

function isKeyValueLines(text: string): boolean {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .every((l) => /^[^=:{}[\]\s][^=]*=/.test(l) && !/^[^=]*:\s/.test(l.split('=')[0] ?? ''));
}

function parseKeyValueLines(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (l === '' || l.startsWith('#')) continue;
    const i = l.indexOf('=');
    out[l.slice(0, i).trim()] = l.slice(i + 1).trim();
  }
  return out;
}

/** Formats milliseconds for people: `850ms`, `42s`, `3m05s`, `1h02m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
