/**
 * A model of how the GitHub runner reads a step's output (actions/runner at 258d6c8), to judge what
 * this project prints. Written from the runner's source, not from src/output-filter.ts:
 *
 * - src/Runner.Sdk/ProcessInvoker.cs: stdout and stderr are read with StreamReader.ReadLine, which
 *   ends a line at "\n", "\r" or "\r\n".
 * - src/Runner.Worker/ActionCommandManager.cs TryProcessCommand: TryParseV2, then TryParse; while
 *   stopped (`stop-commands`), only the token (as a command name) resumes; the registered commands
 *   are `stop-commands` and the extensions' names (set-env, set-output, save-state, add-mask,
 *   add-path, add-matcher, remove-matcher, debug, warning, error, notice, group, endgroup, echo).
 * - src/Runner.Common/ActionCommand.cs TryParseV2: `TrimStart()` (.NET whitespace), `StartsWith("::")`,
 *   the command info up to the next "::"; TryParse: `IndexOf("##[")` anywhere, the info up to "]".
 *   Both comparisons are culture-sensitive and the runner runs on ICU, where default-ignorable code
 *   points compare as nothing: the model drops them before comparing (and every control character
 *   too, which is more than ICU ignores: the model errs on the side of finding a command).
 */

export const RUNNER_COMMANDS = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
];

/** .NET Char.IsWhiteSpace. */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const NET_WHITESPACE = /^[\t\n\v\f\r\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
/** What an ICU comparison skips (a superset: every control character is dropped too). */
const IGNORED = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;

export interface RunnerCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
  /** 'v2' for `::cmd::`, 'v1' for `##[cmd]`. */
  form: 'v1' | 'v2';
  line: string;
}

/** StreamReader.ReadLine over a whole stream. */
export function readLines(stream: string): string[] {
  const lines = stream.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function unescape(s: string, property: boolean): string {
  let out = s.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return out.replace(/%25/g, '%');
}

/**
 * The command name and `key=value` properties of a command's head (`name k=v,k2=v2` for `::`, with `;`
 * for `##[`); undefined when the runner has no such command registered.
 */
function commandHead(
  info: string,
  separator: ',' | ';',
  registered: Set<string>,
  value: (raw: string) => string,
): { command: string; properties: Record<string, string> } | undefined {
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  const pairs =
    space < 0
      ? []
      : info
          .slice(space + 1)
          .trim()
          .split(separator)
          .filter(Boolean);
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq > 0 && eq < p.length - 1) properties[p.slice(0, eq)] = value(p.slice(eq + 1));
  }
  return { command, properties };
}

function parseV2(line: string, registered: Set<string>): RunnerCommand | undefined {
  const message = line.replace(NET_WHITESPACE, '').replace(IGNORED, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const head = commandHead(message.slice(2, end), ',', registered, (v) => unescape(v, true));
  if (head === undefined) return undefined;
  return { ...head, data: unescape(message.slice(end + 2), false), form: 'v2', line };
}

function parseV1(line: string, registered: Set<string>): RunnerCommand | undefined {
  const message = line.replace(IGNORED, '');
  const at = message.indexOf('##[');
  if (at < 0) return undefined;
  const rb = message.indexOf(']', at);
  if (rb < 0) return undefined;
  const head = commandHead(message.slice(at + 3, rb), ';', registered, (v) => v);
  if (head === undefined) return undefined;
  return { ...head, data: message.slice(rb + 1), form: 'v1', line };
}

/** Every command the runner would act on in `stream`, in order (the stop and resume lines included). */
export function runnerCommands(stream: string): RunnerCommand[] {
  const registered = new Set(RUNNER_COMMANDS);
  const out: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of readLines(stream)) {
    const cmd = parseV2(line, registered) ?? parseV1(line, registered);
    if (cmd === undefined) continue;
    if (stopToken !== undefined) {
      if (cmd.command.toLowerCase() === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase());
        stopToken = undefined;
        out.push(cmd);
      }
      continue;
    }
    if (cmd.command.toLowerCase() === 'stop-commands') {
      stopToken = cmd.data;
      registered.add(stopToken.toLowerCase());
    }
    out.push(cmd);
  }
  return out;
}

/** What this project itself prints as commands; anything else in the stream came from remote text. */
const OURS = new Set(['debug', 'notice', 'warning', 'error', 'group', 'endgroup', 'add-mask', 'stop-commands']);

/**
 * The commands in `stream` that this project did not mean to print: any `##[` command, any command
 * outside OURS (set-output, save-state…), any command line not starting with "::" at column 0, and
 * any command whose data or property starts with `marker` (a payload's forged annotation or mask).
 */
export function forgedCommands(stream: string, marker = 'FORGED'): RunnerCommand[] {
  const cmds = runnerCommands(stream);
  const tokens = new Set(cmds.filter((c) => c.command === 'stop-commands').map((c) => c.data.toLowerCase()));
  return cmds.filter((c) => {
    if (c.form === 'v1' || !c.line.startsWith('::')) return true;
    if (!OURS.has(c.command.toLowerCase()) && !tokens.has(c.command.toLowerCase())) return true;
    if (c.data.startsWith(marker)) return true;
    return Object.entries(c.properties).some(([k, v]) => k.startsWith(marker) || v.startsWith(marker));
  });
}

/**
 * Characters a terminal (or the log viewer) obeys rather than shows: C0 but TAB and LF (a CR
 * rewrites the line), DEL, C1, and the Unicode line/paragraph separators. Each hit: its code point.
 */
export function terminalControls(stream: string): string[] {
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  const hits = stream.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/gu) ?? [];
  return hits.map((c) => `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Hostile text for every sink: each entry forges a command or a terminal escape the way the runner
 * or a terminal would read it. Forged commands' data and names start with FORGED (see forgedCommands).
 */
export const PAYLOADS: readonly string[] = [
  'Build ##[save-state name=completed]true',
  'mid ##[set-output name=FORGED]1',
  'x\u0085::set-output name=FORGED::1',
  '\r\u0085::notice::FORGED nel after CR',
  'a\u2028::set-env name=FORGED::1',
  '\u3000::save-state name=FORGED::true',
  '\u00a0\u1680\u2000\u202f\u205f\u001c::warning::FORGED dotnet whitespace',
  '\u200b::add-mask::FORGED zero width',
  ':\u200b:error::FORGED split colon',
  '#\u00ad#[error]FORGED soft hyphen',
  'line\n::error::FORGED after LF',
  'line\r\n##[warning]FORGED after CRLF',
  '\u001b]0;FORGED title\u0007',
  '\u001b]52;c;Rk9SR0VE\u0007',
  '\u001b[2K\u001b[1G\u001b[32mALL PIPELINES SUCCEEDED\u001b[0m',
  '\u009b2K\u009d0;FORGED c1\u009c',
  `${'L'.repeat(20_000)} ##[save-state name=completed]true`,
];

/** All payloads in one text (a run name or message that carries every one of them). */
export const ALL_PAYLOADS = PAYLOADS.join('\n');
