/**
 * Aria's log while an execution goes. The API has no log endpoint: the execution that each status poll
 * reads already carries the CI workspace's step logs (`workspaceResults[].logs`), which grow as the
 * steps run, and each task's status and messages. The adapter hands each polled execution over, so
 * the live log costs no request of its own; what is new since the last poll is handed on, once.
 */
import type { LiveLog, RunHandle } from '../types.ts';
import type { AriaData, Execution } from './schemas.ts';
import { tasksInOrder } from './status.ts';

/** The executions the status polls read, by execution id, until the live log takes them. */
export type PolledExecutions = Map<string, Execution>;

export function ariaLiveLogs(runs: RunHandle<AriaData>[], polled: PolledExecutions): LiveLog<AriaData>[] {
  return runs.map((h) => new AriaLiveLog(h, polled));
}

interface WorkspaceStep {
  status: string;
  /** Characters of the step's log text handed on so far (whole lines only, until the end). */
  chars: number;
}

class AriaLiveLog implements LiveLog<AriaData> {
  readonly runs: RunHandle<AriaData>[];
  readonly label: string;
  private readonly polled: PolledExecutions;
  private readonly steps: WorkspaceStep[] = [];
  /** Each task's last line, so a line is handed on only when its status or messages changed. */
  private readonly tasks = new Map<string, string>();
  private sink: ((line: string) => void) | undefined;
  private tail: string[] = [];

  constructor(handle: RunHandle<AriaData>, polled: PolledExecutions) {
    this.runs = [handle];
    this.label = handle.pipeline;
    this.polled = polled;
  }

  read(onLine: (line: string) => void): Promise<void> {
    this.sink = onLine;
    const id = this.runs[0]?.runId ?? '';
    const e = this.polled.get(id);
    this.polled.delete(id);
    if (e !== undefined) this.take(e, onLine);
    return Promise.resolve();
  }

  /** The execution ended: the last unfinished line of each step's log is handed on too. */
  close(): Promise<void> {
    for (const line of this.tail) this.sink?.(line);
    this.tail = [];
    return Promise.resolve();
  }

  private take(e: Execution, onLine: (line: string) => void): void {
    this.tail = [];
    (e.workspaceResults ?? []).forEach((w, i) => {
      const status = w.status ?? '';
      let step = this.steps[i];
      if (step === undefined || step.status !== status) onLine(`[workspace ${w.step ?? '?'}] ${status}`.trimEnd());
      step ??= this.steps[i] = { status, chars: 0 };
      step.status = status;
      const text = (w.logs ?? []).join('\n');
      const upTo = text.lastIndexOf('\n') + 1;
      if (upTo > step.chars) {
        for (const line of text.slice(step.chars, upTo - 1).split('\n')) onLine(line);
        step.chars = upTo;
      }
      // The last line may still grow: it is handed on once complete, or when the execution ended.
      if (text.length > step.chars) this.tail.push(text.slice(step.chars));
    });
    for (const { stage, task, detail } of tasksInOrder(e)) {
      if (detail.status === undefined || detail.status === 'NOT_STARTED') continue;
      const messages = [...new Set([detail.statusMessage, detail.failureMessage].filter((m): m is string => !!m))];
      const line = `[${stage}.${task}${detail.type ? ` [${detail.type}]` : ''}] ${detail.status}${messages.length ? `: ${messages.join(' / ')}` : ''}`;
      const key = `${stage}.${task}`;
      if (this.tasks.get(key) === line) continue;
      this.tasks.set(key, line);
      onLine(line);
    }
  }
}
