/**
 * Secret values known to this process. The runner masks registered secrets in the log it shows,
 * but not in step outputs, the job summary or the raw stream: text from a provider that echoes a
 * credential back is redacted here before it goes anywhere.
 */
const known = new Set<string>();

/** Shorter values would blank out ordinary words; the runner still masks them in its log. */
const MIN_REDACTED_LENGTH = 4;

export function rememberSecret(value: string): void {
  for (const v of [value, ...value.split(/\r?\n/)]) if (v.trim().length >= MIN_REDACTED_LENGTH) known.add(v.trim());
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of [...known].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}
