/**
 * The one registry of secret values for the process, shared by the action and the CLI. The runner
 * masks registered secrets in the log it shows, but not in step outputs, the job summary, saved state
 * or the raw stream: everything this process prints or writes goes through `redactSecrets` first.
 */
const known = new Set<string>();
/** `known`, longest first (a secret containing another is replaced whole); kept, not re-sorted per call. */
let longestFirst: string[] = [];

/** Shorter values would blank out ordinary words; the runner still masks them in its log. */
const MIN_REDACTED_LENGTH = 4;

/** Adds a value (and each of its lines) to the registry; false when it was known already. */
export function rememberSecret(value: string): boolean {
  const before = known.size;
  for (const v of [value, ...value.split(/\r?\n/)]) if (v.trim().length >= MIN_REDACTED_LENGTH) known.add(v.trim());
  if (known.size === before) return false;
  longestFirst = [...known].sort((a, b) => b.length - a.length);
  return true;
}

/** Runs on every log line and every polled status, so it allocates nothing when no secret is present. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of longestFirst) if (out.includes(secret)) out = out.split(secret).join('***');
  return out;
}
