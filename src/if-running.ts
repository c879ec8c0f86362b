/**
 * `if-running`: before triggering, each pipeline's runs already in progress (started by someone
 * else: a push, a schedule, a person in the provider's UI) are looked up through the provider's own
 * API, and the step starts another, waits for that one, skips, or cancels it and then starts.
 * Names no provider: each lists its own runs (`Provider.inProgress`). The engine imports this module
 * only when `if-running` is not `start`, so the default sends no extra request and loads nothing more.
 */
import type { Clock } from './clock.ts';
import type { Conclusion, RunRecord } from './engine/types.ts';
import { errorMessage, InputError, isTransient } from './errors.ts';
import type { IfRunningMode } from './inputs.ts';
import type { Logger } from './log.ts';
import { formatDuration } from './parse.ts';
import { defaultSchedule, nextPollDelay } from './poll.ts';
import type { FoundRun, Provider, RunHandle, TriggerOutcome, TriggerResult } from './providers/types.ts';
import { redactSecrets } from './secrets.ts';

/** A list call that keeps failing with a transient error is tried this many times, then fails the step. */
export const LIST_ATTEMPTS = 5;

export interface IfRunningOptions {
  provider: Provider;
  pipelines: string[];
  mode: Exclude<IfRunningMode, 'start'>;
  clock: Clock;
  log: Logger;
  pollIntervalMs: number;
  /** The step's deadline (clock ms): bounds the list retries and the wait for a cancelled run to end. */
  deadline: number;
  signal?: AbortSignal | undefined;
}

/** What became of a pipeline that had a run in progress. */
type Found =
  | { action: 'wait'; run: FoundRun }
  | { action: 'skip'; run: FoundRun }
  | { action: 'cancelled'; run: FoundRun }
  | { action: 'not-ended'; run: FoundRun; conclusion: Conclusion; message: string };

export interface IfRunningResult extends TriggerResult {
  /** Marks the records of pipelines that had a run in progress: adopted, skipped, or not started. */
  adjust(records: RunRecord[]): void;
}

/** Refuses, as bad input, a mode the provider cannot honour (before any request is sent). */
export function checkIfRunning(provider: Provider, mode: IfRunningMode, resuming: boolean): void {
  if (mode === 'start') return;
  if (resuming) throw new InputError('if-running', "applies only when triggering: with 'runs' nothing is started");
  const why = provider.inProgress ? provider.inProgress.refuses?.[mode] : 'it cannot list its runs in progress';
  if (why !== undefined) {
    const accepted = provider.inProgress
      ? ['start', 'wait', 'skip', 'cancel-previous'].filter(
          (m) => provider.inProgress?.refuses?.[m as IfRunningMode] === undefined,
        )
      : ['start'];
    throw new InputError('if-running', `cannot be '${mode}' for ${provider.name}: ${why}; accepted: ${accepted.join(', ')}`);
  }
}

/**
 * Looks up the runs in progress, then triggers only the pipelines that should start. Throws, before
 * anything is triggered, when the runs in progress cannot be listed: never a silent `start`.
 */
export async function triggerUnlessRunning(
  opts: IfRunningOptions,
  trigger: (pipelines: string[]) => Promise<TriggerResult>,
): Promise<IfRunningResult> {
  const running = await listInProgress(opts);
  const found = new Map<string, Found>();
  for (const [i, pipeline] of opts.pipelines.entries()) {
    const run = running[i];
    if (run === undefined) continue;
    opts.log.info(`${pipeline}: run ${run.handle.runId} is in progress (${run.status}), started outside this step`);
    if (opts.mode === 'cancel-previous') continue;
    found.set(pipeline, opts.mode === 'wait' ? { action: 'wait', run } : { action: 'skip', run });
    const what = opts.mode === 'wait' ? 'waiting for it instead of starting another' : 'skipped (if-running: skip)';
    opts.log.info(`${pipeline}: ${what}`);
  }
  if (opts.mode === 'cancel-previous') await cancelPrevious(opts, running, found);
  const toStart = opts.pipelines.filter((p) => found.get(p)?.action !== 'wait' && found.get(p)?.action !== 'skip');
  const startable = toStart.filter((p) => found.get(p)?.action !== 'not-ended');
  const started = startable.length > 0 ? await trigger(startable) : { outcomes: [] };
  const byPipeline = new Map(started.outcomes.map((o) => [o.pipeline, o]));
  const outcomes = opts.pipelines.map((pipeline): TriggerOutcome => {
    const f = found.get(pipeline);
    if (f && f.action !== 'cancelled') return { pipeline, run: f.run.handle };
    return byPipeline.get(pipeline) ?? { pipeline, error: new Error('the provider did not report this pipeline') };
  });
  return {
    outcomes,
    ...(started.requestId === undefined ? {} : { requestId: started.requestId }),
    adjust: (records) => adjustRecords(records, found, opts.clock.now()),
  };
}

function adjustRecords(records: RunRecord[], found: Map<string, Found>, now: number): void {
  for (const r of records) {
    const f = found.get(r.pipeline);
    if (f === undefined) continue;
    if (f.action === 'cancelled') {
      r.message = `started after cancelling run ${f.run.handle.runId} (if-running: cancel-previous)`;
      continue;
    }
    r.status = redactSecrets(f.run.status);
    if (f.action === 'wait') {
      // Someone else's run: reported as this step's, but never cancelled by it (cancel-on-abort).
      r.adopted = true;
      r.message = `run ${f.run.handle.runId} was already in progress; this step waited for it (if-running: wait)`;
      continue;
    }
    r.finishedAt = now;
    if (f.action === 'skip') {
      r.conclusion = 'skipped';
      r.message = `run ${f.run.handle.runId} was already in progress (${r.status}); nothing started (if-running: skip)`;
    } else {
      r.conclusion = f.conclusion;
      r.message = f.message;
    }
  }
}

/** The provider's list, retried on transient errors like a status poll; the last error fails the step. */
async function listInProgress(opts: IfRunningOptions): Promise<Array<FoundRun | undefined>> {
  const inProgress = opts.provider.inProgress;
  if (inProgress === undefined) throw new InputError('if-running', `cannot be '${opts.mode}' for ${opts.provider.name}`);
  const schedule = defaultSchedule(opts.pollIntervalMs);
  const startedAt = opts.clock.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await inProgress.list(opts.pipelines);
    } catch (err) {
      const delay = nextPollDelay(opts.clock.now() - startedAt, schedule);
      const last = attempt >= LIST_ATTEMPTS || !isTransient(err) || opts.clock.now() + delay > opts.deadline;
      if (last) {
        throw new Error(
          `could not list the runs in progress (if-running: ${opts.mode}), so nothing was started: ${errorMessage(err)}`,
          { cause: err },
        );
      }
      opts.log.info(`listing the runs in progress failed, will retry: ${errorMessage(err)}`);
      await opts.clock.sleep(delay, opts.signal);
    }
  }
}

/** Cancels every run found, then waits (up to the deadline) until each has ended. */
async function cancelPrevious(
  opts: IfRunningOptions,
  running: Array<FoundRun | undefined>,
  found: Map<string, Found>,
): Promise<void> {
  const runs = running.filter((r): r is FoundRun => r !== undefined);
  await Promise.all(
    runs.map(async (run) => {
      const pipeline = run.handle.pipeline;
      try {
        await opts.provider.cancel(run.handle);
        opts.log.info(`${pipeline}: cancelled run ${run.handle.runId} (if-running: cancel-previous); waiting for it to end`);
        found.set(pipeline, await waitUntilEnded(opts, run));
      } catch (err) {
        const message = `could not cancel run ${run.handle.runId} in progress, so nothing was started: ${errorMessage(err)}`;
        opts.log.error(message, pipeline);
        found.set(pipeline, { action: 'not-ended', run, conclusion: 'failure', message: redactSecrets(message) });
      }
    }),
  );
}

async function waitUntilEnded(opts: IfRunningOptions, run: FoundRun): Promise<Found> {
  const schedule = defaultSchedule(opts.pollIntervalMs);
  const since = opts.clock.now();
  for (;;) {
    if (await hasEnded(opts.provider, run.handle)) return { action: 'cancelled', run };
    const delay = nextPollDelay(opts.clock.now() - since, schedule);
    if (opts.clock.now() + delay > opts.deadline) {
      const message = `run ${run.handle.runId} was cancelled but had not ended within ${formatDuration(opts.deadline - since)}; nothing was started`;
      opts.log.error(message, run.handle.pipeline);
      return { action: 'not-ended', run, conclusion: 'timed_out', message };
    }
    await opts.clock.sleep(delay, opts.signal);
  }
}

/** A check that fails counts as "not ended yet": the deadline bounds the wait. */
async function hasEnded(provider: Provider, handle: RunHandle): Promise<boolean> {
  const inProgress = provider.inProgress;
  try {
    if (inProgress?.ended) return await inProgress.ended(handle);
    const [now] = (await inProgress?.list([handle.pipeline])) ?? [];
    return now?.handle.runId !== handle.runId;
  } catch {
    return false;
  }
}

/** `dry-run`: the runs in progress (a read) and what the chosen mode would do with each; triggers nothing. */
export async function previewIfRunning(opts: IfRunningOptions): Promise<void> {
  const running = await listInProgress(opts);
  const would: Record<IfRunningOptions['mode'], string> = {
    wait: 'would wait for it and report it, starting nothing',
    skip: 'would start nothing (conclusion skipped)',
    'cancel-previous': 'would cancel it, wait until it ended, then start',
  };
  for (const [i, pipeline] of opts.pipelines.entries()) {
    const run = running[i];
    const line = run
      ? `run ${run.handle.runId} in progress (${redactSecrets(run.status)}): if-running ${opts.mode} ${would[opts.mode]}`
      : `no run in progress: it would start as usual`;
    opts.log.info(`[dry-run] ${pipeline}: ${line}`);
  }
}
