/**
 * The wait: every started run polled until it ends, the deadline passes or the job is cancelled, each
 * change of status printed once, and a heartbeat line while nothing changes.
 */
import { errorMessage } from '../errors.ts';
import { withDeadline } from '../http.ts';
import type { LiveLogs } from '../live-logs.ts';
import type { Logger } from '../log.ts';
import { formatDuration } from '../parse.ts';
import { defaultSchedule, isPending, pollRuns, trackRuns, type PollEnd, type TrackedRun } from '../poll.ts';
import type { Observation, RunHandle } from '../providers/types.ts';
import type { RemoteLogs } from '../remote-logs.ts';
import { redactSecrets } from '../secrets.ts';
import { TRIGGERED_STATUS } from './start.ts';
import type { EngineOptions, RunRecord } from './types.ts';

/** `pollErrors` keeps each run's last failed status check until a check succeeds again. */
export async function waitForRuns(
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
