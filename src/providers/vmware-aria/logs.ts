/**
 * Aria's own account of an execution. The 2019-10-17 API has no log endpoint: the execution itself
 * carries the CI workspace's step logs (`workspaceResults[].logs`) and each task's status and
 * messages, so the log is read from one GET of the execution with its stages and tasks.
 */
import type { EndedRun, LogSource, StageSpan } from '../types.ts';
import type { AriaClient } from './client.ts';
import type { Execution } from './models.ts';
import { tasksInOrder } from './status.ts';

export function ariaLogSources(client: AriaClient, runs: EndedRun[]): LogSource[] {
  return runs.map((r) => ({
    title: `${r.handle.pipeline}: Aria execution ${r.handle.runId}`,
    read: async (onLine) => {
      for (const line of executionLog(await client.execution(r.handle.runId))) onLine(line);
    },
  }));
}

/** The workspace steps' logs, then one line per task with its status and messages, in pipeline order. */
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
  }
  return lines;
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
