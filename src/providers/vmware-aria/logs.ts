/**
 * Aria's own account of an execution. The 2019-10-17 API has no log endpoint: the execution itself
 * carries the CI workspace's step logs (`workspaceResults[].logs`) and each task's status and
 * messages, so the log is read from one GET of the execution with its stages and tasks.
 */
import type { EndedRun, LogSource, StageSpan } from '../types.ts';
import type { AriaClient } from './client.ts';
import type { Execution } from './schemas.ts';
import { tasksInOrder } from './status.ts';

export function ariaLogSources(client: AriaClient, runs: EndedRun[]): LogSource[] {
  return runs.map((r) => ({
    title: `${r.handle.pipeline}: Aria execution ${r.handle.runId}`,
    read: async (onLine) => {
      for (const line of executionLog(await client.execution(r.handle.runId))) onLine(line);
    },
  }));
}

/** A failed task's `output` is printed up to this many characters of its JSON. */
export const MAX_OUTPUT_CHARS = 4096;
const FAILED_TASK = new Set(['FAILED', 'FAILED_CONTINUE', 'ROLLBACK_FAILED']);

/**
 * The workspace steps' logs, then one line per task with its status and messages, in pipeline order.
 * A failed task's `output` follows it as JSON: CI, SSH, PowerShell and REST tasks put their
 * results there (a CI task's `jobUrl`, say: TaskExecution.output in the 2019-10-17 swagger). It goes
 * out with the other lines of this log, so the engine prints it inert like them.
 */
export function executionLog(e: Execution): string[] {
  const lines: string[] = [];
  for (const w of e.workspaceResults ?? []) {
    lines.push(`[workspace ${w.step ?? '?'}] ${w.status ?? ''}`.trimEnd());
    for (const entry of w.logs ?? []) lines.push(...entry.split(/\r?\n/));
  }
  for (const { stage, task, detail } of tasksInOrder(e)) {
    const messages = [...new Set([detail.statusMessage, detail.failureMessage].filter((m): m is string => !!m))];
    const type = detail.type ? ` [${detail.type}]` : '';
    lines.push(`[${stage}.${task}${type}] ${detail.status ?? 'unknown'}${messages.length ? `: ${messages.join(' / ')}` : ''}`);
    const output = FAILED_TASK.has(detail.status ?? '') ? outputText(detail.output) : undefined;
    if (output !== undefined) lines.push('  output:', ...output.split('\n').map((l) => `    ${l}`));
  }
  return lines;
}

/**
 * The task output as indented JSON (short lines: the engine cuts a line at 2000 characters), cut to
 * MAX_OUTPUT_CHARS in all (never mid surrogate pair); none when empty.
 */
function outputText(output: unknown): string | undefined {
  if (output === null || output === undefined) return undefined;
  if (typeof output === 'object' && Object.keys(output).length === 0) return undefined;
  let text: string;
  try {
    text = JSON.stringify(output, null, 2);
  } catch {
    return undefined;
  }
  if (text.length <= MAX_OUTPUT_CHARS) return text;
  let cut = MAX_OUTPUT_CHARS;
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut--;
  return `${text.slice(0, cut)}\n… (${text.length - cut} more characters not shown)`;
}

/** Stage times for the job summary's chart: Aria reports them in microseconds. */
export function ariaStageSpans(e: Execution): StageSpan[] {
  const stages = e.stages ?? {};
  const names = e.stageOrder?.length ? e.stageOrder : Object.keys(stages);
  return names.flatMap((name) => {
    const s = stages[name];
    if (s === undefined) return [];
    const span: StageSpan = { name, status: s.status ?? 'unknown' };
    if (typeof s._startTime === 'number' && s._startTime > 0) span.startedAt = Math.round(s._startTime / 1000);
    if (typeof s._endTime === 'number' && s._endTime > 0) span.finishedAt = Math.round(s._endTime / 1000);
    return [span];
  });
}
