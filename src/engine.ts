/**
 * The step's flow, provider-agnostic: trigger every pipeline, report the run ids at once, wait for
 * each run, and on timeout or cancellation stop what was started when asked to.
 */
import type { Clock } from './clock.ts';
import { errorMessage, toError } from './errors.ts';
import type { IfRunningMode } from './inputs.ts';
import type { Logger } from './log.ts';
import { withDeadline } from './http.ts';
import { formatDuration } from './parse.ts';
import type { LiveLogs } from './live-logs.ts';
import { RemoteLogs, type LogsMode } from './remote-logs.ts';
import { redactSecrets } from './secrets.ts';
import { defaultSchedule, isPending, pollRuns, trackRuns, type PollEnd, type TrackedRun } from './poll.ts';
import type { Observation, Provider, RunHandle, TriggerOutcome } from './providers/types.ts';
import type { Conclusion, RunRecord } from './run-record.ts';

export type { Conclusion, RunRecord } from './run-record.ts';

export interface StepResult<Data = unknown, Details extends object = object> {
  conclusion: Conclusion;
  runs: RunRecord<Data, Details>[];
  requestId?: string;
  /** With `logs-dir`: where the runs' whole logs were written, for the job summary. */
  logsNote?: string;
}

export interface EngineOptions<Data = unknown, Details extends object = object> {
  provider: Provider<Data, Details>;
  pipelines: string[];
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  cancelOnAbort: boolean;
  clock: Clock;
  log: Logger;
  /** Aborted when the job is cancelled (SIGINT/SIGTERM). */
  signal?: AbortSignal;
  /** Called once the trigger returned, before waiting: outputs and saved state are written here. */
  onTriggered?: (result: StepResult<Data, Details>) => void;
  /** Called whenever a run reaches its end, so the post step never cancels a finished run. */
  onRunFinished?: (record: RunRecord<Data, Details>) => void;
  /** With the `runs` input: the runs an earlier step started; nothing is triggered, these are waited for. */
  resume?: TriggerOutcome[] | undefined;
  /** Longest time spent cancelling runs after a timeout or abort. */
  cancelBudgetMs?: number;
  heartbeatMs?: number;
  /** The providers' own logs of ended runs (inputs `logs`, `log-lines`); none when absent. */
  logs?: { mode: LogsMode; maxLines: number; dir?: string | undefined };
  /** What to do with runs already in progress (src/if-running.ts); `start` (the default) looks for none. */
  ifRunning?: IfRunningMode;
}

/** Longest time spent reading logs once the runs ended. */
const LOGS_BUDGET_MS = 30_000;
/** After a timeout the step is already late: logs get a few seconds more, not the full budget. */
const TIMED_OUT_LOGS_MS = 5_000;
/** The runner sends SIGTERM 7.5 s after SIGINT: after a job cancellation, logs must be read before that. */
const CANCELLED_LOGS_UNTIL_MS = 6_000;
/** Less time than this left after the cancels: the logs are skipped. */
const CANCELLED_LOGS_MIN_MS = 1_500;

const TRIGGERED_STATUS = 'triggered';
/**
 * Requests under the deadline end at it (src/http.ts `withDeadline`); a trigger that waits on something
 * else (a token from the runner) is given up this long after it.
 */
const TRIGGER_GRACE_MS = 2_000;

export async function runPipelines(opts: EngineOptions): Promise<StepResult> {
  const { clock, log } = opts;
  const startedAt = clock.now();
  // `timeout` bounds the whole step: the trigger, its retries and Retry-After waits, then the wait.
  const deadline = startedAt + opts.timeoutMs;
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

/** `logs: live` or `logs-dir`: the module loads only then (src/live-logs.ts). */
async function liveLogs(opts: EngineOptions, started: RunRecord[]): Promise<LiveLogs | undefined> {
  const { mode, dir } = opts.logs ?? {};
  if (mode !== 'live' && dir === undefined) return undefined;
  const { startLiveLogs } = await import('./live-logs.ts');
  const runs = started.flatMap((r) => (r.handle ? [r.handle] : []));
  return startLiveLogs({ provider: opts.provider, runs, print: mode === 'live', dir, log: opts.log });
}

function remoteLogs(opts: EngineOptions): RemoteLogs | undefined {
  if (!opts.logs || opts.logs.mode === 'none' || opts.provider.logs === undefined) return undefined;
  return new RemoteLogs({
    provider: opts.provider,
    mode: opts.logs.mode,
    maxLines: opts.logs.maxLines,
    log: opts.log,
    now: () => opts.clock.now(),
  });
}

/** When the job was cancelled, if it was. */
function abortTime(opts: EngineOptions): { at(): number | undefined; dispose(): void } {
  let at: number | undefined;
  const onAbort = (): void => {
    at = opts.clock.now();
  };
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  return { at: () => at, dispose: () => opts.signal?.removeEventListener('abort', onAbort) };
}

/**
 * Logs of runs that ended during the wait are read already; those a timeout or cancellation stopped
 * are read now, after their cancels went out. On job cancellation only if time is left.
 */
async function finishLogs(
  opts: EngineOptions,
  logs: RemoteLogs,
  stopped: RunRecord[],
  budget: number,
  abortedAt: number | undefined,
): Promise<void> {
  let budgetMs = budget;
  if (abortedAt !== undefined) {
    budgetMs = abortedAt + CANCELLED_LOGS_UNTIL_MS - opts.clock.now();
    if (budgetMs < CANCELLED_LOGS_MIN_MS) {
      logs.skip();
      opts.log.info('provider logs skipped: the job is being cancelled, and cancelling the runs came first');
      return;
    }
  }
  await logs.finish(stopped, budgetMs, opts.signal);
}

type Triggered = { outcomes: TriggerOutcome[]; requestId?: string; adjust?: (records: RunRecord[]) => void };

/** Triggers every pipeline, or with `if-running` first looks for runs in progress (loaded only then). */
async function startRuns(opts: EngineOptions, deadline: number): Promise<Triggered> {
  const { provider, log } = opts;
  const mode = opts.ifRunning ?? 'start';
  if (mode === 'start') return triggerAll(provider, opts.pipelines, log);
  const { triggerUnlessRunning } = await import('./if-running.ts');
  const { clock, pipelines, pollIntervalMs, signal } = opts;
  const context = { provider, pipelines, mode, clock, log, pollIntervalMs, deadline, signal };
  return triggerUnlessRunning(context, (some) => triggerAll(provider, some, log));
}

/**
 * The trigger with every request it sends bounded by the deadline; should it still hang (work that is
 * not a request of ours), each pipeline is reported unstarted TRIGGER_GRACE_MS after the deadline.
 */
async function triggerBefore(deadline: number, opts: EngineOptions, trigger: () => Promise<Triggered>): Promise<Triggered> {
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
function markStartsTimedOut(records: RunRecord[], timeoutMs: number): void {
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
function resumeRuns(outcomes: TriggerOutcome[], log: Logger): { outcomes: TriggerOutcome[]; requestId?: string } {
  for (const o of outcomes) {
    if (o.run)
      log.info(`${o.pipeline}: waiting for run ${o.run.runId}, started by an earlier step${o.run.url ? ` (${o.run.url})` : ''}`);
    else log.error(`the earlier step could not start it: ${errorMessage(o.error)}`, o.pipeline);
  }
  return { outcomes };
}

function withRequestId(requestId: string | undefined): { requestId?: string } {
  return requestId === undefined ? {} : { requestId };
}

function toRecord(pipeline: string, outcome: TriggerOutcome | undefined, now: number): RunRecord {
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

/** `pollErrors` keeps each run's last failed status check until a check succeeds again. */
async function waitForRuns(
  opts: EngineOptions,
  records: RunRecord[],
  deadline: number,
  pollErrors: Map<RunRecord, string>,
  logs: RemoteLogs | undefined,
  live: LiveLogs | undefined,
): Promise<PollEnd> {
  const { clock, log } = opts;
  const byHandle = new Map<RunHandle, RunRecord>();
  for (const r of records) if (r.handle && r.conclusion === 'pending') byHandle.set(r.handle, r);
  const tracked = trackRuns([...byHandle.keys()], records[0]?.startedAt ?? clock.now());
  const heartbeat = heartbeatLogger(opts, tracked);
  const end = await pollRuns({
    runs: tracked,
    // A status check stuck in retries or Retry-After waits ends at the deadline with the wait.
    observe: (handles) => withDeadline({ remainingMs: () => deadline - clock.now() }, () => opts.provider.observe(handles)),
    schedule: defaultSchedule(opts.pollIntervalMs),
    clock,
    deadline,
    ...(opts.signal ? { signal: opts.signal } : {}),
    onObservation: (run, obs, previous) => {
      const record = byHandle.get(run.handle);
      if (record === undefined) return;
      pollErrors.delete(record);
      applyObservation(record, obs, run);
      // Only a printed change resets the heartbeat: a poll that saw the same status is still silence.
      if (reportChange(log, record, obs, previous, clock.now() - record.startedAt)) heartbeat.changed();
      live?.polled(run.handle, record.conclusion !== 'pending');
      if (record.conclusion === 'pending') return;
      opts.onRunFinished?.(record);
      logs?.ended(record);
    },
    onPollError: (run, err) => {
      const record = byHandle.get(run.handle);
      if (record) pollErrors.set(record, errorMessage(err));
      log.info(`${run.handle.pipeline}: status check failed, will retry: ${errorMessage(err)}`);
    },
    onIdle: () => heartbeat.tick(),
  });
  for (const run of tracked) {
    const record = byHandle.get(run.handle);
    if (run.unansweredAtEnd && record && !pollErrors.has(record)) {
      pollErrors.set(record, 'no answer yet (the request was still being retried, see the log)');
    }
  }
  return end;
}

function applyObservation(record: RunRecord, obs: Observation, run: TrackedRun): void {
  // Status and message are the provider's text and end up in outputs and the summary.
  record.status = redactSecrets(obs.status);
  if (obs.progress === undefined) delete record.progress;
  else record.progress = redactSecrets(obs.progress);
  if (obs.url !== undefined) record.url = obs.url;
  if (obs.details !== undefined) record.details = { ...record.details, ...obs.details };
  if (obs.stages !== undefined) record.stages = obs.stages;
  if (obs.phase === 'pending') return;
  record.conclusion = obs.phase;
  record.finishedAt = run.finishedAt ?? run.startedAt;
  if (obs.message !== undefined) record.message = redactSecrets(obs.message);
}

function reportChange(
  log: Logger,
  record: RunRecord,
  obs: Observation,
  previous: Observation | undefined,
  elapsedMs: number,
): boolean {
  const changed = previous?.status !== obs.status || previous.progress !== obs.progress;
  if (changed) {
    const progress = obs.progress ? ` — ${obs.progress}` : '';
    log.info(`${record.pipeline}: ${obs.status}${progress} (after ${formatDuration(elapsedMs)})`);
  }
  if (obs.warning !== undefined && obs.warning !== previous?.warning) log.warning(obs.warning, record.pipeline);
  if (obs.notice !== undefined && obs.notice !== previous?.notice) log.notice(obs.notice, record.pipeline);
  if (obs.phase === 'failure') log.error(obs.message ?? `ended with status ${obs.status}`, record.pipeline);
  return changed;
}

/** One line at most every `heartbeatMs` while nothing changes, so a long wait does not look hung. */
function heartbeatLogger(opts: EngineOptions, tracked: TrackedRun[]): { tick(): void; changed(): void } {
  const every = opts.heartbeatMs ?? 60_000;
  let last = opts.clock.now();
  return {
    changed: () => {
      last = opts.clock.now();
    },
    tick: () => {
      const now = opts.clock.now();
      if (now - last < every) return;
      last = now;
      const waiting = tracked.filter(isPending).map((r) => `${r.handle.pipeline}: ${r.last?.status ?? TRIGGERED_STATUS}`);
      opts.log.info(`still waiting after ${formatDuration(now - (tracked[0]?.startedAt ?? now))}: ${waiting.join(', ')}`);
    },
  };
}

async function stopUnfinished(
  opts: EngineOptions,
  pending: RunRecord[],
  end: PollEnd,
  pollErrors: Map<RunRecord, string>,
): Promise<void> {
  const conclusion: Conclusion = end === 'timeout' ? 'timed_out' : 'cancelled';
  const now = opts.clock.now();
  for (const r of pending) {
    r.conclusion = conclusion;
    r.finishedAt = now;
    const lastError = pollErrors.get(r);
    r.message =
      (end === 'timeout'
        ? `still ${r.status}${r.progress ? ` (${r.progress})` : ''} when the timeout of ${formatDuration(opts.timeoutMs)} ran out`
        : 'the job was cancelled') + (lastError ? `; the last status check failed: ${redactSecrets(lastError)}` : '');
    if (end === 'timeout') opts.log.error(r.message, r.pipeline);
  }
  // A run found in progress and waited for (if-running: wait) belongs to whoever started it.
  const ours = pending.filter((r) => !r.adopted);
  for (const r of pending)
    if (r.adopted && opts.cancelOnAbort)
      opts.log.info(`${r.pipeline}: run ${r.handle?.runId ?? ''} left running: this step did not start it`);
  if (!opts.cancelOnAbort || ours.length === 0) return;
  await cancelRuns(opts, ours);
}

/** Cancels runs in parallel, giving up after the budget: the runner kills the step soon after a signal. */
async function cancelRuns(opts: EngineOptions, records: RunRecord[]): Promise<void> {
  const budget = opts.cancelBudgetMs ?? 5000;
  const unsettled = new Set(records.filter((r) => r.handle));
  const cancels = records.map(async (r) => {
    if (!r.handle) return;
    try {
      await opts.provider.cancel(r.handle);
      r.message = `${r.message ?? ''}; cancelled run ${r.handle.runId}`;
      opts.log.info(`${r.pipeline}: cancelled run ${r.handle.runId}`);
      opts.onRunFinished?.(r);
    } catch (err) {
      if (unsettled.has(r)) opts.log.warning(`could not cancel run ${r.handle.runId}: ${errorMessage(err)}`, r.pipeline);
    } finally {
      unsettled.delete(r);
    }
  });
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, budget);
  });
  await Promise.race([Promise.all(cancels), giveUp]);
  clearTimeout(timer);
  // The rest are abandoned (the post step tries them again): say so once, and not again when they fail late.
  for (const r of [...unsettled]) {
    unsettled.delete(r);
    opts.log.warning(
      `cancel of run ${r.handle?.runId ?? ''} got no answer within ${formatDuration(budget)}; the post step will retry it`,
      r.pipeline,
    );
  }
}

/** `done`: what the step concludes when nothing failed, timed out or was skipped throughout. */
function stepConclusion(records: RunRecord[], end: PollEnd, done: Conclusion = 'success'): Conclusion {
  if (end === 'aborted') return 'cancelled';
  if (records.some((r) => r.conclusion === 'failure')) return 'failure';
  // A run this step waited to end before starting (if-running: cancel-previous) may time out before the wait.
  if (end === 'timeout' || records.some((r) => r.conclusion === 'timed_out')) return 'timed_out';
  return allSkipped(records) ? 'skipped' : done;
}

/** `if-running: skip` skipped every pipeline. */
function allSkipped(records: RunRecord[]): boolean {
  return records.length > 0 && records.every((r) => r.conclusion === 'skipped');
}
