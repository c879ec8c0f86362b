/**
 * The start of a step: every pipeline triggered (or, with `if-running`, first the runs in progress
 * looked for) under the step's deadline, or the runs of an earlier step taken up; each as a RunRecord.
 */
import { errorMessage, toError } from '../errors.ts';
import { withDeadline } from '../http.ts';
import type { Logger } from '../log.ts';
import { formatDuration } from '../parse.ts';
import type { Provider, TriggerOutcome } from '../providers/types.ts';
import { redactSecrets } from '../secrets.ts';
import type { EngineOptions, RunRecord } from './types.ts';

export const TRIGGERED_STATUS = 'triggered';
/**
 * Requests under the deadline end at it (src/http/deadline.ts `withDeadline`); a trigger that waits on
 * something else (a token from the runner) is given up this long after it.
 */
const TRIGGER_GRACE_MS = 2_000;

export type Triggered = { outcomes: TriggerOutcome[]; requestId?: string; adjust?: (records: RunRecord[]) => void };

/** Triggers every pipeline, or with `if-running` first looks for runs in progress (loaded only then). */
export async function startRuns(opts: EngineOptions, deadline: number): Promise<Triggered> {
  const { provider, log } = opts;
  const mode = opts.ifRunning ?? 'start';
  if (mode === 'start') return triggerAll(provider, opts.pipelines, log);
  const { triggerUnlessRunning } = await import('../if-running.ts');
  const { clock, pipelines, pollIntervalMs, signal } = opts;
  const context = { provider, pipelines, mode, clock, log, pollIntervalMs, deadline, signal };
  return triggerUnlessRunning(context, (some) => triggerAll(provider, some, log));
}

/**
 * The trigger with every request it sends bounded by the deadline; should it still hang (work that is
 * not a request of ours), each pipeline is reported unstarted TRIGGER_GRACE_MS after the deadline.
 */
export async function triggerBefore(
  deadline: number,
  opts: EngineOptions,
  trigger: () => Promise<Triggered>,
): Promise<Triggered> {
  const { clock } = opts;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Triggered>((resolve) => {
    const error = new Error(`no answer before the timeout of ${formatDuration(opts.timeoutMs)} ran out`);
    const giveUp = (): void => resolve({ outcomes: opts.pipelines.map((pipeline) => ({ pipeline, error })) });
    timer = setTimeout(giveUp, Math.max(0, deadline - clock.now()) + TRIGGER_GRACE_MS);
  });
  try {
    return await Promise.race([withDeadline({ remainingMs: () => deadline - clock.now() }, trigger), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Pipelines that could not be started before the deadline ran out: their step timed out, it did not fail. */
export function markStartsTimedOut(records: RunRecord[], timeoutMs: number): void {
  for (const r of records) {
    if (r.conclusion !== 'failure') continue;
    r.conclusion = 'timed_out';
    r.message = `the timeout of ${formatDuration(timeoutMs)} ran out while starting it; ${r.message ?? ''}`;
  }
}

async function triggerAll(
  provider: Provider,
  pipelines: string[],
  log: Logger,
): Promise<{ outcomes: TriggerOutcome[]; requestId?: string }> {
  try {
    const result = await provider.trigger(pipelines);
    for (const o of result.outcomes) {
      if (o.run) log.info(`${o.pipeline}: started, run id ${o.run.runId}${o.run.url ? ` (${o.run.url})` : ''}`);
      else log.error(`could not start: ${errorMessage(o.error)}`, o.pipeline);
    }
    return result;
  } catch (err) {
    // A call that starts every pipeline at once failed as a whole: each pipeline failed to start.
    const error = toError(err);
    for (const pipeline of pipelines) log.error(`could not start: ${error.message}`, pipeline);
    return { outcomes: pipelines.map((pipeline) => ({ pipeline, error })) };
  }
}

/** The runs of an earlier step, reported as a trigger would report them. */
export function resumeRuns(outcomes: TriggerOutcome[], log: Logger): { outcomes: TriggerOutcome[]; requestId?: string } {
  for (const o of outcomes) {
    if (o.run)
      log.info(`${o.pipeline}: waiting for run ${o.run.runId}, started by an earlier step${o.run.url ? ` (${o.run.url})` : ''}`);
    else log.error(`the earlier step could not start it: ${errorMessage(o.error)}`, o.pipeline);
  }
  return { outcomes };
}

export function withRequestId(requestId: string | undefined): { requestId?: string } {
  return requestId === undefined ? {} : { requestId };
}

export function toRecord(pipeline: string, outcome: TriggerOutcome | undefined, now: number): RunRecord {
  if (outcome?.run) return { pipeline, handle: outcome.run, status: TRIGGERED_STATUS, conclusion: 'pending', startedAt: now };
  const message = outcome?.error ? redactSecrets(errorMessage(outcome.error)) : 'the provider did not report this pipeline';
  return {
    pipeline,
    status: 'not started',
    conclusion: 'failure',
    message: `could not start: ${message}`,
    startedAt: now,
    finishedAt: now,
  };
}
