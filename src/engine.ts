/**
 * The step's flow, provider-agnostic: trigger every pipeline, report the run ids at once, wait for
 * each run, and on timeout or cancellation stop what was started when asked to. The parts live in
 * src/engine/: start.ts (trigger, deadline backstop, if-running), wait.ts (polling and progress),
 * stop.ts (timeout and cancellation), logs.ts (the providers' logs), conclusion.ts.
 */
import { stepConclusion } from './engine/conclusion.ts';
import { abortTime, finishLogs, liveLogs, LOGS_BUDGET_MS, remoteLogs, TIMED_OUT_LOGS_MS } from './engine/logs.ts';
import {
  markStartsTimedOut,
  resumeRuns,
  startRuns,
  toRecord,
  triggerBefore,
  withRequestId,
  type Triggered,
} from './engine/start.ts';
import { stopUnfinished } from './engine/stop.ts';
import type { EngineOptions, RunRecord, StepResult } from './engine/types.ts';
import { waitForRuns } from './engine/wait.ts';

export type { Conclusion, EngineOptions, RunRecord, StepResult } from './engine/types.ts';

export async function runPipelines(opts: EngineOptions): Promise<StepResult> {
  const { clock, log } = opts;
  const startedAt = clock.now();
  // `timeout` bounds the whole step: the trigger, its retries and Retry-After waits, then the wait.
  const deadline = opts.deadline ?? startedAt + opts.timeoutMs;
  const triggered: Triggered = opts.resume
    ? resumeRuns(opts.resume, log)
    : await triggerBefore(deadline, opts, () => startRuns(opts, deadline));
  const records = opts.pipelines.map((p, i) => toRecord(p, triggered.outcomes[i], startedAt));
  triggered.adjust?.(records);
  if (!opts.resume && clock.now() >= deadline) markStartsTimedOut(records, opts.timeoutMs);
  const early: StepResult = { conclusion: 'triggered', runs: records, ...withRequestId(triggered.requestId) };
  opts.onTriggered?.(early);
  const started = records.filter((r) => r.handle !== undefined && r.conclusion === 'pending');
  if (!opts.wait || started.length === 0) {
    return { ...early, conclusion: stepConclusion(records, 'done', 'triggered') };
  }
  const abort = abortTime(opts);
  const logs = remoteLogs(opts);
  const live = await liveLogs(opts, started);
  const pollErrors = new Map<RunRecord, string>();
  const end = await waitForRuns(opts, records, deadline, pollErrors, logs, live);
  const pending = records.filter((r) => r.conclusion === 'pending');
  // Live readers stop within a second of a timeout or cancellation, alongside the cancels.
  await Promise.all([
    live?.stop(end === 'done' ? undefined : 1000),
    end !== 'done' && stopUnfinished(opts, pending, end, pollErrors),
  ]);
  abort.dispose();
  if (logs) await finishLogs(opts, logs, pending, end === 'timeout' ? TIMED_OUT_LOGS_MS : LOGS_BUDGET_MS, abort.at());
  const logsNote = live?.filesNote();
  return { ...early, conclusion: stepConclusion(records, end), ...(logsNote ? { logsNote } : {}) };
}
