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

/**
 * The spellings a server (or this process) may write a secret in, besides the raw value: URL-encoded
 * as `encodeURIComponent` writes it, JSON-escaped (a string inside JSON text), HTML-escaped (named and
 * numeric, as summaries and error pages write it), and base64 in its three alignments: the part of
 * the encoding that the secret's bytes alone decide, whatever bytes precede it (a Basic header, a
 * token that embeds it).
 */
export function secretSpellings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const html = value.replace(/[&<>"']/g, (c) => HTML_NAMED[c] ?? c);
  const numeric = value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return [...new Set([value, encodeURIComponent(value), json, html, numeric, ...base64Spellings(value)])];
}

const HTML_NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A base64 character holds 6 bits; with k bytes before the secret (k = 0, 1, 2 covers every
 * alignment), the characters whose bits all come from the secret are those from ceil(8k/6) to
 * floor((8(k+n)-6)/6). Padding the secret with zero bytes and cutting to that span gives them.
 */
function base64Spellings(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const n = bytes.length;
  return [0, 1, 2].map((k) => {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    return encoded.slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + n) - 6) / 6) + 1);
  });
}

/** Adds a value (each of its lines, and each one's spellings) to the registry; false when it was known already. */
export function rememberSecret(value: string): boolean {
  const before = known.size;
  for (const v of [value, ...value.split(/\r?\n/)]) {
    const trimmed = v.trim();
    if (trimmed.length < MIN_REDACTED_LENGTH) continue;
    for (const form of secretSpellings(trimmed)) if (form.length >= MIN_REDACTED_LENGTH) known.add(form);
  }
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
