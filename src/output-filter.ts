/**
 * The one filter for text of remote origin (names, statuses, messages, logs) before it is printed,
 * modelled on how the GitHub runner reads a step's output (actions/runner, read at 258d6c8):
 *
 * - src/Runner.Sdk/ProcessInvoker.cs `StartReadStream`: each stream is read with
 *   `StreamReader.ReadLine`, which ends a line at "\n", "\r" or "\r\n" (and at nothing else: NEL,
 *   U+2028 and U+2029 stay inside a line).
 * - src/Runner.Common/ActionCommand.cs `TryParseV2`: `message.TrimStart()` (.NET `Char.IsWhiteSpace`,
 *   wider than JavaScript's `\s`: it includes U+0085 and U+001C–U+001F), then `StartsWith("::")`.
 * - `TryParse`: `message.IndexOf("##[")`, anywhere in the line, then the command name up to ']'.
 * - Both comparisons are .NET's culture-sensitive `StartsWith(string)`/`IndexOf(string)`; the runner
 *   runs on ICU (src/Misc/layoutbin/installdependencies.sh installs libicu), where default-ignorable
 *   characters (zero-width space, soft hyphen, joiners…) compare as nothing: `:\u200b:` starts with
 *   "::". So a zero-width character cannot break a command; a visible space does.
 * - src/Runner.Worker/ActionCommandManager.cs: after `::stop-commands::T` every command is ignored
 *   until `::T::`, which is how a provider's log is printed (`writeInertBlock` in log.ts).
 *
 * A terminal obeys more: ESC starts CSI/OSC sequences (title, clipboard, cursor moves), BEL ends OSC,
 * CR rewrites the line, and C1 controls are CSI/OSC on their own in some terminals. Every control
 * character therefore becomes a visible escape (`\x1b`, `\u0085`); TAB stays.
 */

/** .NET `Char.IsWhiteSpace` (what `String.TrimStart()` strips): Unicode Zs, Zl, Zp, \t–\r, U+0085, U+00A0, U+001C–U+001F. */
export const NET_WHITESPACE =
  '\\t\\n\\v\\f\\r\\u001c-\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Characters an ICU comparison skips: they cannot separate the characters of `::` or `##[`. */
const IGNORABLE = '\\p{Default_Ignorable_Code_Point}';

/** C0 but TAB, DEL, C1 (U+0080–U+009F, NEL among them), and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/gu;

/** `##[` anywhere, however many ignorable characters sit between its characters: the first '#' is marked. */
const LEGACY_COMMAND = new RegExp(`#(?=[${IGNORABLE}]*#[${IGNORABLE}]*\\[)`, 'gu');

/** `::` at the start of a line once .NET whitespace (and anything ignorable) is skipped. */
const COMMAND_START = new RegExp(`^([${NET_WHITESPACE}${IGNORABLE}]*:)(?=[${IGNORABLE}]*:)`, 'u');

/** The runner's line breaks (StreamReader.ReadLine). */
const LINE_BREAK = /\r\n|\r|\n/;

/** `\x1b`, `\u0085`, `\u2028`: what a control character is shown as. */
function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Every control character but TAB as a visible escape; the text keeps no line break either. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, visible);
}

/** The lines the runner would read out of `text`. */
export function runnerLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/**
 * One line (no line break in it) that the runner reads as plain text and a terminal prints as is:
 * controls escaped, every `##[` broken by a space (`# #[`), and a leading `::` broken (`: :`).
 */
export function inertLine(line: string): string {
  return escapeControls(line).replace(LEGACY_COMMAND, '# ').replace(COMMAND_START, '$1 ');
}

/** Remote text as printable lines: split where the runner splits, each line made inert, joined by "\n". */
export function filterRemoteText(text: string): string {
  return runnerLines(text).map(inertLine).join('\n');
}

/**
 * For lines printed inside a `::stop-commands::` block, where the runner reads no command: the text
 * is kept as it is but split where the runner splits, and without control characters.
 */
export function blockLines(lines: readonly string[]): string[] {
  return lines.flatMap((l) => runnerLines(l).map(escapeControls));
}

/**
 * JSON text (an output's value) with the controls JSON.stringify leaves raw (DEL, C1, U+2028,
 * U+2029) written as `\u` escapes: the same value, and no byte a terminal or log viewer obeys.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * JSON text printed where the runner reads it (the CLI's stdout on a runner): also every '#' as
 * `\u0023`, so no string in it holds `##[`. '#' appears in JSON only inside strings, so the value is
 * unchanged; a `::` cannot start a line of JSON text, whose strings are quoted and keep no line break.
 */
export function inertJson(json: string): string {
  return escapeJsonControls(json).replace(/#/g, '\\u0023');
}

/** The longest a single remote message is printed or kept (in the log, the summary and the outputs). */
export const MAX_MESSAGE_CHARS = 4096;
export const CUT_MARK = ' [cut]';

/** A remote message cut to `max` characters, marked `[cut]` when it was longer. */
export function cutMessage(text: string, max = MAX_MESSAGE_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - CUT_MARK.length)}${CUT_MARK}`;
}
