/**
 * Secret values known to this process. The runner masks registered secrets in the log it shows,
 * but not in step outputs, the job summary or the raw stream: text from a provider that echoes a
 * credential back is redacted here before it goes anywhere.
 */
const known = new Set<string>();
/** `known`, longest first (a secret containing another is replaced whole); kept, not re-sorted per call. */
let longestFirst: string[] = [];

/** Shorter values would blank out ordinary words; the runner still masks them in its log. */
const MIN_REDACTED_LENGTH = 4;

export function rememberSecret(value: string): void {
  for (const v of [value, ...value.split(/\r?\n/)]) if (v.trim().length >= MIN_REDACTED_LENGTH) known.add(v.trim());
  longestFirst = [...known].sort((a, b) => b.length - a.length);
}

/** Runs on every log line and every polled status, so it allocates nothing when no secret is present. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of longestFirst) if (out.includes(secret)) out = out.split(secret).join('***');
  return out;
}
