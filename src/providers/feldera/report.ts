/**
 * Feldera's long texts made readable and bounded: the compiler output of a failed program and the
 * changes a pipeline waits for approval on.
 */
import {
  approvalDiff,
  runtimeStatusDetails,
  type ApprovalDiff,
  type PipelineWithProgramError,
  type SqlMessage,
} from './schemas.ts';

/** At most this many SQL messages of each kind and Rust error blocks are shown; the rest are counted. */
const MAX_ITEMS = 10;
const MAX_SNIPPET = 600;
const MAX_RUST_BLOCK_LINES = 12;
/** Upper bound of the Rust part of a report; cargo's stderr can be megabytes. */
const MAX_RUST_CHARS = 4000;
const MAX_NAMES = 20;

export interface CompilerReport {
  /** The errors: the failure's reason. */
  message: string;
  /** SQL warnings, shown as a warning and never as the reason. */
  warning?: string;
}

export function describeProgramError(p: PipelineWithProgramError): CompilerReport {
  const e = p.program_error;
  const fallback = `program status ${p.program_status}`;
  if (!e) return { message: fallback };
  const messages = e.sql_compilation?.messages ?? [];
  const errors = messages.filter((m) => m.warning !== true);
  const warnings = messages.filter((m) => m.warning === true);
  const lines = [
    ...bounded(
      errors.map((m) => sqlLine('error', m)),
      'SQL errors',
    ),
    ...(e.rust_compilation?.stderr ? [rustErrors(e.rust_compilation.stderr)] : []),
    ...(e.system_error ? [`System error: ${clip(e.system_error, MAX_RUST_CHARS)}`] : []),
  ];
  const report: CompilerReport = { message: lines.join('\n') || fallback };
  if (warnings.length > 0)
    report.warning = bounded(
      warnings.map((m) => sqlLine('warning', m)),
      'SQL warnings',
    ).join('\n');
  return report;
}

/** `SQL error (Not found) at line 3, column 15: Table 'x' not found`, then the snippet indented. */
function sqlLine(kind: 'error' | 'warning', m: SqlMessage): string {
  const type = m.error_type ? ` (${m.error_type})` : '';
  const where = m.start_line_number ? ` at line ${m.start_line_number}${m.start_column ? `, column ${m.start_column}` : ''}` : '';
  const snippet = m.snippet?.trimEnd() ? `\n${clip(m.snippet.trimEnd(), MAX_SNIPPET).replace(/^/gm, '    ')}` : '';
  return `SQL ${kind}${type}${where}: ${m.message ?? ''}${snippet}`;
}

/**
 * The `error…` lines of cargo's stderr with the context lines under each (` --> file`, `  |`, source),
 * wherever they are among the progress and warning lines. Without any, the end of the output.
 */
export function rustErrors(stderr: string): string {
  const lines = stderr.split('\n');
  const blocks: string[] = [];
  let found = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!/^error(\[E\d+\])?:/.test(lines[i] ?? '')) continue;
    found++;
    if (blocks.length >= MAX_ITEMS) continue;
    const block = [lines[i] ?? ''];
    while (block.length < MAX_RUST_BLOCK_LINES && isContext(lines[i + 1])) block.push(lines[++i] ?? '');
    blocks.push(block.join('\n'));
  }
  if (found === 0) return `Rust (no error line in cargo's output; its end):\n${stderr.slice(-2000)}`;
  const more = found > blocks.length ? `\n… and ${found - blocks.length} more error(s)` : '';
  return `Rust:\n${clip(blocks.join('\n'), MAX_RUST_CHARS)}${more}`;
}

function isContext(line: string | undefined): boolean {
  return line !== undefined && /^(\s+\S|\d+\s*\|)/.test(line);
}

function bounded(items: string[], what: string): string[] {
  if (items.length <= MAX_ITEMS) return items;
  return [...items.slice(0, MAX_ITEMS), `… and ${items.length - MAX_ITEMS} more ${what}`];
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/**
 * The AwaitingApproval warning: what changed since the checkpoint (program and connectors, from
 * `approval_diff`) and the `reason`, if the status gives one.
 */
export function describeApproval(name: string, details: unknown): string {
  const head = `${name} is awaiting bootstrap approval: approve it (POST /v0/pipelines/${name}/approve) or stop it`;
  const parsed = runtimeStatusDetails.safeParse(details);
  if (!parsed.success) return head;
  // Older managers sent the diff itself as the details (runtime_status.rs keeps `program_diff` reserved for this).
  const raw = parsed.data.approval_diff ?? ('program_diff' in parsed.data ? parsed.data : undefined);
  const parts: string[] = [];
  if (raw !== undefined && raw !== null) {
    const diff = approvalDiff.safeParse(raw);
    parts.push(...(diff.success ? diffParts(diff.data) : [`changes ${clip(JSON.stringify(raw), 500)}`]));
  }
  if (parsed.data.reason) parts.push(`reason: ${parsed.data.reason}`);
  return parts.length > 0 ? `${head}. Waiting for approval: ${parts.join('; ')}` : head;
}

function diffParts(d: ApprovalDiff): string[] {
  const program = d.program_diff;
  const programChanges = program
    ? [
        listed('added tables', program.added_tables),
        listed('removed tables', program.removed_tables),
        listed('modified tables', program.modified_tables),
        listed('added views', program.added_views),
        listed('removed views', program.removed_views),
        listed('modified views', program.modified_views),
      ].filter((s) => s !== '')
    : [];
  const connectors = [
    listed('added input connectors', d.added_input_connectors),
    listed('removed input connectors', d.removed_input_connectors),
    listed('modified input connectors', d.modified_input_connectors),
    listed('added output connectors', d.added_output_connectors),
    listed('removed output connectors', d.removed_output_connectors),
    listed('modified output connectors', d.modified_output_connectors),
  ].filter((s) => s !== '');
  return [
    ...(programChanges.length > 0 ? [`program changes: ${programChanges.join(', ')}`] : []),
    ...(d.program_diff_error ? [`program diff unavailable: ${d.program_diff_error}`] : []),
    ...(connectors.length > 0 ? [`connector changes: ${connectors.join(', ')}`] : []),
  ];
}

function listed(label: string, names: string[] | undefined): string {
  if (!names || names.length === 0) return '';
  const shown = names.slice(0, MAX_NAMES).map((n) => `'${n}'`);
  const more = names.length > MAX_NAMES ? ` and ${names.length - MAX_NAMES} more` : '';
  return `${label} ${shown.join(', ')}${more}`;
}
