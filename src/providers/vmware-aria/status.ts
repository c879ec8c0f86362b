/**
 * Code Stream execution status → the engine's phases. The API documents the 18 values but no
 * lifecycle; the classification follows the provider notes: COMPLETED succeeds, four states fail,
 * everything else keeps the wait going and only the timeout bounds it.
 */
import type { Observation, Phase } from '../types.ts';
import type { Execution, StageExecution, TaskExecution } from './schemas.ts';

export const SUCCEEDED = new Set(['COMPLETED']);
export const FAILED = new Set(['FAILED', 'CANCELED', 'ROLLBACK_FAILED', 'ROLLBACK_COMPLETED']);
export const IN_PROGRESS = new Set([
  'NOT_STARTED',
  'QUEUED',
  'PREPARING_WORKSPACE',
  'STARTED',
  'RUNNING',
  'WAITING',
  'PAUSING',
  'PAUSED',
  'RESUMING',
  'CANCELING',
  'ROLLING_BACK',
]);
/** Stage/task states that no source shows on a whole execution: keep waiting, but say so. */
export const TASK_LEVEL = new Set(['SKIPPED', 'FAILED_CONTINUE']);

export function phaseOf(status: string): Phase {
  if (SUCCEEDED.has(status)) return 'success';
  if (FAILED.has(status)) return 'failure';
  return 'pending';
}

export interface TaskRef {
  stage: string;
  task: string;
  detail: TaskExecution;
}

/** Tasks in pipeline order; parallel tasks share one `taskOrder` entry, joined with commas. */
export function tasksInOrder(e: Execution): TaskRef[] {
  const stages = e.stages ?? {};
  const stageNames = e.stageOrder?.length ? e.stageOrder : Object.keys(stages);
  return stageNames.flatMap((stage) => {
    const s: StageExecution | undefined = stages[stage];
    const tasks = s?.tasks ?? {};
    const order = s?.taskOrder?.length ? s.taskOrder.flatMap((t) => t.split(',').map((n) => n.trim())) : Object.keys(tasks);
    return order.flatMap((task) => {
      const detail = tasks[task];
      return detail ? [{ stage, task, detail }] : [];
    });
  });
}

/** What the execution itself says, for the run's entry in the `runs` output. */
export interface ExecutionDetails {
  output: Record<string, unknown>;
  statusMessage: string | null;
}

/** What an Aria observation adds to the run's entry: the execution's identity, then what it says. */
export interface AriaDetails extends ExecutionDetails {
  executionId: string;
  executionIndex: number | null;
  executionLink: string | null;
}

export function classifyExecution(e: Execution): Observation<ExecutionDetails> & { details: ExecutionDetails } {
  const status = e.status;
  const phase = phaseOf(status);
  const details: ExecutionDetails = { output: e.output ?? {}, statusMessage: e.statusMessage ?? null };
  if (phase === 'failure') return { status, phase, message: failureMessage(e), details };
  if (phase === 'success') return { status, phase, details };
  const obs: Observation<ExecutionDetails> & { details: ExecutionDetails } = { status, phase, details };
  const progress = progressText(e);
  if (progress !== undefined) obs.progress = progress;
  const hold = holdNotice(e);
  // An approval wait needs someone to act, so it is a warning (like Feldera's AwaitingApproval); a pause is a notice.
  if (hold !== undefined && status === 'WAITING') obs.warning = hold;
  else if (hold !== undefined) obs.notice = hold;
  if (!IN_PROGRESS.has(status)) {
    obs.warning = TASK_LEVEL.has(status)
      ? `execution ${e.id} reports ${status}, a stage/task state; still waiting for a final status`
      : `execution ${e.id} reports an undocumented status '${status}'; still waiting for a final status`;
  }
  return obs;
}

/**
 * Why it ended: the execution's statusMessage, then each failed task's failureMessage that it does
 * not already say. A real FAILED statusMessage is the failed task's own message prefixed with
 * `stage.task: ` (vra-cli's README), so that task is not repeated.
 */
export function failureMessage(e: Execution): string {
  const head = e.statusMessage || e.reason || `execution ended with status ${e.status}`;
  const tasks = tasksInOrder(e)
    .filter(({ detail }) => isFailedTask(detail))
    .filter(
      ({ stage, task, detail }) => !head.includes(`${stage}.${task}: ${detail.failureMessage || detail.statusMessage || ''}`),
    )
    .map(({ stage, task, detail }) => {
      const why = detail.failureMessage || detail.statusMessage || 'no failure message';
      const ignored = detail.status === 'FAILED_CONTINUE' ? ' (failure ignored)' : '';
      return `${stage}.${task}${detail.type ? ` [${detail.type}]` : ''}${ignored}: ${why}`;
    });
  return [`${e.status}: ${head}`, ...tasks].join('\n');
}

function isFailedTask(t: TaskExecution): boolean {
  return t.status === 'FAILED' || t.status === 'ROLLBACK_FAILED' || t.status === 'FAILED_CONTINUE';
}

function progressText(e: Execution): string | undefined {
  const active = tasksInOrder(e).filter(
    ({ detail }) => detail.status !== undefined && detail.status !== 'NOT_STARTED' && IN_PROGRESS.has(detail.status),
  );
  if (active.length === 0) return undefined;
  return active.map(({ stage, task, detail }) => `${stage}.${task} ${detail.status ?? ''}`).join(', ');
}

/** WAITING and PAUSED can last indefinitely: name what the execution is held by. */
function holdNotice(e: Execution): string | undefined {
  if (e.status !== 'WAITING' && e.status !== 'PAUSED') return undefined;
  const held = tasksInOrder(e).filter(({ detail }) => detail.status === e.status);
  const what = held.length
    ? `task ${held.map(({ stage, task, detail }) => `${stage}.${task}${detail.type ? ` (${detail.type})` : ''}`).join(', ')}`
    : 'the execution';
  const why = e.status === 'WAITING' ? 'waits for an approval or input' : 'is paused until someone resumes it';
  const said = e.statusMessage ? ` (${e.statusMessage})` : '';
  const run = `${e.name ?? 'execution'} #${e.index ?? '?'}`;
  return `${run} is ${e.status}: ${what} ${why}${said}; still waiting, up to the timeout`;
}
